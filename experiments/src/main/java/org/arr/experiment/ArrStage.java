package org.arr.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.arr.config.ExperimentSpec;
import org.arr.cost.CostMeter;
import org.arr.cost.CountingNextTokenScorer;
import org.arr.cost.RankingCost;
import org.arr.data.Corpus;
import org.arr.data.Qrels;
import org.arr.data.RankingTask;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;
import org.arr.data.Splits;
import org.arr.decode.BeamSearch;
import org.arr.decode.DecodingMetrics;
import org.arr.decode.ExhaustiveScorer;
import org.arr.decode.Hypothesis;
import org.arr.decode.NextTokenScorer;
import org.arr.docid.DocIds;
import org.arr.loss.GradedRelevance;
import org.arr.loss.Losses;
import org.arr.loss.RankingLoss;
import org.arr.loss.TrainingGroup;
import org.arr.loss.TrainingGroups;
import org.arr.metric.GainFunction;
import org.arr.metric.Measure;
import org.arr.metric.MeasureParser;
import org.arr.model.ArrModel;
import org.arr.model.ArrModelConfig;
import org.arr.run.RunDirectory;
import org.arr.run.TrainLog;
import org.arr.train.ArrTrainer;
import org.arr.train.DevEvaluator;
import org.arr.train.EpochRecord;
import org.arr.train.LearningRateSchedule;
import org.arr.train.TrainerConfig;
import org.arr.train.TrainingSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model part of an experiment: builds the ARR transformer, trains it with the configured loss (checkpoints
 * and the training log in the run folder), then decodes the test queries with beam search.
 */
final class ArrStage {

    private static final Logger LOG = LoggerFactory.getLogger(ArrStage.class);

    /** Rows per forward pass of the inference scorer. */
    private static final int SCORER_ROWS = 512;

    private final ExperimentSpec spec;
    private final PreparedTask prepared;

    /**
     * The decoded test run and its validity statistics.
     *
     * @param run the test run (constrained decoding unless turned off)
     * @param validity invalid rate and mass
     * @param training summary of the training
     * @param cost cost per query of the decoding that produced {@code run}
     */
    record Output(Run run, ValidityStats validity, TrainingSummary training, RankingCost cost) {
    }

    ArrStage(ExperimentSpec spec, PreparedTask prepared) {
        this.spec = spec;
        this.prepared = prepared;
    }

    /** Returns the model shape the config and the prepared task give. */
    static ArrModelConfig modelConfig(ExperimentSpec spec, PreparedTask prepared) {
        ExperimentSpec.Model model = spec.model();
        int maxInput = spec.train().indexingWeight() > 0
                ? Math.max(model.maxQueryTokens(), model.maxDocumentTokens()) : model.maxQueryTokens();
        return new ArrModelConfig(prepared.tokenizer().vocabularySize(), prepared.docIds().vocabularySize(), maxInput,
                prepared.docIds().maxLength(), model.layers(), model.dModel(), model.heads(), model.mlpRatio(), model.dropout());
    }

    /** Returns the trainer settings of the config. */
    static TrainerConfig trainerConfig(ExperimentSpec spec, boolean progressBar) {
        ExperimentSpec.Train train = spec.train();
        return TrainerConfig.builder()
                .epochs(train.epochs())
                .batchSize(train.batchSize())
                .learningRate(train.learningRate())
                .weightDecay(train.weightDecay())
                .warmupFraction(train.warmupFraction())
                .schedule(LearningRateSchedule.valueOf(train.schedule().toUpperCase(java.util.Locale.ROOT)))
                .minLearningRateRatio(train.minLearningRateRatio())
                .clipGradientNorm(train.gradClip())
                .evaluateEvery(train.evalEvery())
                .patience(train.patience())
                .seed(spec.seed())
                .progressBar(progressBar)
                .build();
    }

    /**
     * Trains and decodes.
     *
     * @param epochHook called with the epoch number after each epoch's row is logged; may throw to stop training
     */
    Output run(RunDirectory run, boolean progressBars, IntConsumer epochHook) {
        RankingTask task = prepared.task();
        DocIds docIds = prepared.docIds();
        RankingLoss loss = Losses.create(spec.loss().name(), spec.loss().options());
        List<TrainingGroup> groups = trainingGroups(loss);

        try (ArrModel model = ArrModel.create(modelConfig(spec, prepared), spec.seed())) {
            LOG.info("Model: {} parameters ({} layers, dModel {}, {} heads)", model.parameterCount(), spec.model().layers(),
                    spec.model().dModel(), spec.model().heads());

            TrainLog log = run.trainLog(spec.train().earlyStopMetric());
            ArrTrainer trainer = new ArrTrainer(trainerConfig(spec, progressBars));
            TrainingSummary summary = trainer.train(model, loss, groups, run.checkpoints(), run.resumed(), devEvaluator(model),
                    record -> {
                        log.truncateAfter(record.epoch() - 1);
                        log.append(new TrainLog.Row(record.epoch(), record.loss(),
                                Double.isNaN(record.devMetric()) ? null : record.devMetric(), record.learningRate(),
                                record.seconds()));
                        epochHook.accept(record.epoch());
                    });

            NextTokenScorer scorer = model.scorer(SCORER_ROWS);
            List<String> testIds = prepared.queryIds(Splits.TEST);
            int[][] testQueries = queryTokens(testIds);
            ExperimentSpec.Eval eval = spec.eval();

            // The cost covers the decoding that produces the test run; the other decoding and exhaustive scoring
            // only measure validity.
            CostMeter meter = new CostMeter();
            NextTokenScorer counted = CountingNextTokenScorer.of(model, scorer, meter);
            long decodeStart = System.nanoTime();
            List<List<Hypothesis>> constrained = eval.constrained()
                    ? decode(counted, testQueries, true, progressBars, "Decoding test (constrained)") : null;
            long constrainedNanos = System.nanoTime() - decodeStart;
            List<List<Hypothesis>> unconstrained = eval.unconstrained()
                    ? decode(constrained == null ? counted : scorer, testQueries, false, progressBars,
                            "Decoding test (unconstrained)") : null;
            long rankingNanos = constrained != null ? constrainedNanos : System.nanoTime() - decodeStart;
            RankingCost cost = meter.perQuery(testIds.size(), rankingNanos);

            Map<String, Double> perQueryRate = new LinkedHashMap<>();
            Double invalidRate = null;
            if (unconstrained != null) {
                for (int q = 0; q < testIds.size(); q++) {
                    perQueryRate.put(testIds.get(q), DecodingMetrics.invalidRate(List.of(unconstrained.get(q))));
                }
                invalidRate = DecodingMetrics.invalidRate(unconstrained);
            }

            Map<String, Double> perQueryMass = new LinkedHashMap<>();
            Double invalidMass = null;
            if (task.corpus().size() <= eval.exhaustiveMaxDocuments()) {
                double[][] logp = scoreExhaustively(scorer, testQueries, progressBars);
                for (int q = 0; q < testIds.size(); q++) {
                    perQueryMass.put(testIds.get(q), DecodingMetrics.invalidMass(logp[q]));
                }
                invalidMass = DecodingMetrics.meanInvalidMass(logp);
            } else {
                LOG.info("Skipping invalid_mass: the corpus has {} documents, more than eval.exhaustiveMaxDocuments = {}",
                        task.corpus().size(), eval.exhaustiveMaxDocuments());
            }

            Run testRun = toRun(spec.model().type(), testIds, constrained != null ? constrained : unconstrained, task.corpus());
            return new Output(testRun, new ValidityStats(invalidRate, invalidMass, perQueryRate, perQueryMass), summary, cost);
        }
    }

    /** Returns one group per training query with a relevant document, plus indexing examples when configured. */
    List<TrainingGroup> trainingGroups(RankingLoss loss) {
        RankingTask task = prepared.task();
        List<int[]> queries = new ArrayList<>();
        List<GradedRelevance> relevance = new ArrayList<>();
        for (String queryId : prepared.queryIds(Splits.TRAIN)) {
            GradedRelevance graded = gradedRelevance(task, queryId);
            if (graded != null) {
                queries.add(queryTokens(List.of(queryId))[0]);
                relevance.add(graded);
            }
        }
        int[][] docIds = prepared.docIds().all();
        List<TrainingGroup> groups = new ArrayList<>(TrainingGroups.forQueries(loss, queries, relevance, docIds,
                prepared.docIds().trie()));
        double indexingWeight = spec.train().indexingWeight();
        if (indexingWeight > 0) {
            Corpus corpus = task.corpus();
            int[][] documentTokens = new int[corpus.size()][];
            for (int d = 0; d < corpus.size(); d++) {
                documentTokens[d] = truncate(prepared.tokenizer().encode(corpus.get(d).fullText()),
                        spec.model().maxDocumentTokens());
            }
            groups.addAll(TrainingGroups.indexing(documentTokens, docIds, indexingWeight));
        }
        LOG.info("Training groups: {} queries, {} indexing examples", queries.size(), groups.size() - queries.size());
        return groups;
    }

    /** Returns the relevant documents of a query with their grades, or null when it has none. */
    private static GradedRelevance gradedRelevance(RankingTask task, String queryId) {
        Map<String, Double> judgments = task.qrels().judgments(queryId);
        List<Integer> documents = new ArrayList<>();
        List<Double> grades = new ArrayList<>();
        for (Map.Entry<String, Double> judgment : judgments.entrySet()) {
            if (judgment.getValue() > 0) {
                documents.add(task.corpus().indexOf(judgment.getKey()));
                grades.add(judgment.getValue());
            }
        }
        if (documents.isEmpty()) {
            return null;
        }
        return new GradedRelevance(documents.stream().mapToInt(Integer::intValue).toArray(),
                grades.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Returns the dev evaluator (the early-stopping measure on the dev split), or null without dev queries. */
    private DevEvaluator devEvaluator(ArrModel model) {
        List<String> devIds = prepared.queryIds(Splits.DEV);
        if (devIds.isEmpty()) {
            LOG.info("No dev queries: training runs every epoch without dev evaluation");
            return null;
        }
        Qrels devQrels = prepared.qrels(Splits.DEV);
        int[][] devQueries = queryTokens(devIds);
        String metric = spec.train().earlyStopMetric();
        List<Measure> measures = MeasureParser.parseAll(spec.eval().metrics()).stream()
                .filter(measure -> measure.name().equals(metric)).toList();
        GainFunction gain = ExperimentRunner.gain(spec, prepared.task());
        return epoch -> {
            NextTokenScorer scorer = model.scorer(SCORER_ROWS);
            List<List<Hypothesis>> hypotheses = decode(scorer, devQueries, true, false, "Decoding dev");
            Run devRun = toRun("dev", devIds, hypotheses, prepared.task().corpus());
            return TestEvaluation.evaluate(devRun, devQrels, measures, gain).summary().get(metric);
        };
    }

    /** Decodes queries in batches of {@code eval.batchSize} with a progress bar on stderr. */
    List<List<Hypothesis>> decode(NextTokenScorer scorer, int[][] queries, boolean constrained, boolean progressBar,
            String task) {
        ExperimentSpec.Eval eval = spec.eval();
        BeamSearch search = new BeamSearch(eval.beamWidth(), Math.min(eval.topK(), eval.beamWidth()), constrained);
        List<List<Hypothesis>> results = new ArrayList<>(queries.length);
        try (ProgressBar bar = progressBar ? progressBar(task, queries.length) : null) {
            for (int from = 0; from < queries.length; from += eval.batchSize()) {
                int to = Math.min(queries.length, from + eval.batchSize());
                results.addAll(search.search(scorer, prepared.docIds().trie(), java.util.Arrays.copyOfRange(queries, from, to)));
                if (bar != null) {
                    bar.stepTo(to);
                }
            }
        }
        return results;
    }

    private double[][] scoreExhaustively(NextTokenScorer scorer, int[][] queries, boolean progressBar) {
        ExhaustiveScorer exhaustive = new ExhaustiveScorer(prepared.docIds().trie());
        double[][] scores = new double[queries.length][];
        int batch = Math.max(1, spec.eval().batchSize());
        try (ProgressBar bar = progressBar ? progressBar("Scoring every document", queries.length) : null) {
            for (int from = 0; from < queries.length; from += batch) {
                int to = Math.min(queries.length, from + batch);
                double[][] part = exhaustive.score(scorer, java.util.Arrays.copyOfRange(queries, from, to));
                System.arraycopy(part, 0, scores, from, part.length);
                if (bar != null) {
                    bar.stepTo(to);
                }
            }
        }
        return scores;
    }

    private static ProgressBar progressBar(String task, int total) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
    }

    /** Returns the valid hypotheses of each query as a run, scored by {@code log p(d|q)}. */
    static Run toRun(String tag, List<String> queryIds, List<List<Hypothesis>> hypotheses, Corpus corpus) {
        Map<String, List<ScoredDocument>> rankings = new LinkedHashMap<>();
        for (int q = 0; q < queryIds.size(); q++) {
            List<ScoredDocument> ranking = new ArrayList<>();
            for (Hypothesis hypothesis : hypotheses.get(q)) {
                if (hypothesis.isValid()) {
                    ranking.add(new ScoredDocument(corpus.get(hypothesis.document()).id(), hypothesis.logProbability()));
                }
            }
            rankings.put(queryIds.get(q), ranking);
        }
        return new Run(tag, rankings);
    }

    /** Returns the token ids of queries, cut to {@code model.maxQueryTokens}. */
    int[][] queryTokens(List<String> queryIds) {
        int[][] tokens = new int[queryIds.size()][];
        for (int q = 0; q < queryIds.size(); q++) {
            String text = prepared.task().queries().get(queryIds.get(q)).text();
            tokens[q] = truncate(prepared.tokenizer().encode(text), spec.model().maxQueryTokens());
        }
        return tokens;
    }

    private static int[] truncate(int[] tokens, int max) {
        return tokens.length <= max ? tokens : java.util.Arrays.copyOf(tokens, max);
    }
}
