package org.arr.experiment;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.arr.config.ExperimentSpec;
import org.arr.cost.CostMeter;
import org.arr.cost.CountingPairScorer;
import org.arr.cost.CountingTextEmbedder;
import org.arr.cost.RankingCost;
import org.arr.data.Corpus;
import org.arr.data.Qrels;
import org.arr.data.Run;
import org.arr.data.Splits;
import org.arr.loss.Gain;
import org.arr.metric.GainFunction;
import org.arr.model.cross.CrossEncoder;
import org.arr.model.cross.CrossEncoderConfig;
import org.arr.model.cross.CrossEncoderLoss;
import org.arr.model.cross.CrossEncoderRanker;
import org.arr.model.dual.DualEncoder;
import org.arr.model.dual.DualEncoderConfig;
import org.arr.model.dual.DualEncoderLoss;
import org.arr.model.dual.DualEncoderRanker;
import org.arr.model.dual.Similarity;
import org.arr.model.encoder.Pooling;
import org.arr.model.listwise.BatchLoss;
import org.arr.model.listwise.ListwiseExample;
import org.arr.model.listwise.ListwiseTrainer;
import org.arr.run.RunDirectory;
import org.arr.run.TrainLog;
import org.arr.tokenize.TextTokenizer;
import org.arr.train.LearningRateSchedule;
import org.arr.train.TrainerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains and evaluates a dual-encoder or cross-encoder baseline ({@code model.type}) on a prepared task, and writes
 * the same run files as an ARR run: {@code run.trec}, {@code test.qrels}, {@code metrics.json} (test measures, then
 * {@code invalid_rate} and {@code invalid_mass} as null, then the cost per query), {@code per_query.tsv},
 * {@code references.json} and {@code train_log.csv}.
 *
 * <p>Settings read: {@code model.*} (with {@code model.encoder}), {@code loss.parameters} of the {@code candidate-softmax}
 * loss, {@code train.*} except {@code evalEvery}, {@code patience}, {@code earlyStopMetric} and
 * {@code indexingWeight}, {@code eval.topK}, {@code metrics}, {@code gain}, {@code batchSize}, {@code rerankRun},
 * {@code rerankDepth}, and {@code seed}. The docID and decoding settings do not apply.
 */
public final class BaselineExperiment {

    /** The {@code model.type} of the dual encoder. */
    public static final String DUAL_ENCODER = "dual-encoder";
    /** The {@code model.type} of the cross encoder. */
    public static final String CROSS_ENCODER = "cross-encoder";

    private static final Logger LOG = LoggerFactory.getLogger(BaselineExperiment.class);

    private BaselineExperiment() {
    }

    /** Returns whether a model type is one of the baselines this class runs. */
    public static boolean handles(String modelType) {
        return DUAL_ENCODER.equals(modelType) || CROSS_ENCODER.equals(modelType);
    }

    /**
     * Trains the configured baseline on the training split, ranks the test split, and writes the run files.
     *
     * @param runsRoot folder of named runs, where {@code eval.rerankRun} is looked up by name
     * @return the summary table of the model's test measures and cost next to the reference rankers
     * @throws IllegalArgumentException if the model type is not a baseline, the training split has no query with a
     *     relevant document, or the first-stage run cannot be found
     */
    public static String run(ExperimentSpec spec, PreparedTask prepared, RunDirectory run, Path runsRoot) {
        String type = spec.model().type();
        if (!handles(type)) {
            throw new IllegalArgumentException("model.type '" + type + "' is not a baseline; expected " + DUAL_ENCODER + " or "
                    + CROSS_ENCODER);
        }
        Corpus corpus = prepared.task().corpus();
        TextTokenizer tokenizer = prepared.tokenizer();
        int[][] documentTokens = documentTokens(corpus, tokenizer);
        List<ListwiseExample> examples = examples(spec, prepared, tokenizer);
        List<String> testIds = prepared.queryIds(Splits.TEST);
        int[][] testTokens = queryTokens(prepared, testIds, tokenizer);
        TrainerConfig options = trainerConfig(spec);
        Map<String, Object> loss = spec.loss().parameters();
        boolean fullCorpus = "full".equals(loss.get("candidates"));
        int negatives = ((Number) loss.get("negatives")).intValue();
        TrainLog trainLog = run.trainLog(spec.train().earlyStopMetric());

        Run ranking;
        RankingCost cost;
        if (DUAL_ENCODER.equals(type)) {
            try (DualEncoder model = DualEncoder.create(dualEncoderConfig(spec, tokenizer), spec.seed())) {
                LOG.info("Dual encoder: {} parameters", model.parameterCount());
                BatchLoss batchLoss = fullCorpus ? DualEncoderLoss.fullCorpus(model, documentTokens)
                        : DualEncoderLoss.inBatch(model, documentTokens, negatives);
                train(options, model.parameters(), model.manager(), batchLoss, examples, trainLog);

                CostMeter meter = new CostMeter();
                long start = System.nanoTime();
                DualEncoderRanker ranker = new DualEncoderRanker(
                        new CountingTextEmbedder(model.embedder(spec.eval().batchSize()), meter), documentTokens, documentIds(corpus));
                ranking = ranker.rank(testIds, testTokens, spec.eval().topK(), spec.name());
                cost = meter.perQuery(testIds.size(), System.nanoTime() - start);
            }
        } else {
            try (CrossEncoder model = CrossEncoder.create(crossEncoderConfig(spec, tokenizer), spec.seed())) {
                LOG.info("Cross encoder: {} parameters", model.parameterCount());
                int crossNegatives = fullCorpus ? corpus.size() : negatives;
                train(options, model.parameters(), model.manager(), new CrossEncoderLoss(model, documentTokens, crossNegatives),
                        examples, trainLog);

                CostMeter meter = new CostMeter();
                CrossEncoderRanker ranker = new CrossEncoderRanker(
                        new CountingPairScorer(model.scorer(spec.eval().batchSize()), meter), corpus, documentTokens);
                Optional<FirstStageRun> firstStage = spec.eval().rerankRun().isEmpty() ? Optional.empty()
                        : Optional.of(FirstStageRun.resolve(spec.eval().rerankRun(), runsRoot));
                long start = System.nanoTime();
                if (firstStage.isPresent()) {
                    LOG.info("Re-ranking the top {} of {}", spec.eval().rerankDepth(), firstStage.get().source());
                    ranking = ranker.rerank(firstStage.get().run(), testIds, testTokens, spec.eval().rerankDepth(), spec.name());
                } else {
                    ranking = ranker.rankAll(testIds, testTokens, spec.eval().topK(), spec.name());
                }
                cost = meter.perQuery(testIds.size(), System.nanoTime() - start);
                if (firstStage.isPresent()) {
                    cost = withFirstStage(cost, firstStage.get());
                }
            }
        }
        return writeOutputs(spec, prepared, run, ranking, cost);
    }

    private static void train(TrainerConfig options, List<Parameter> parameters, NDManager manager,
            BatchLoss loss, List<ListwiseExample> examples, TrainLog trainLog) {
        new ListwiseTrainer(options).train(parameters, manager, loss, examples,
                (epoch, meanLoss, learningRate, seconds) -> trainLog.append(new TrainLog.Row(epoch, meanLoss, null, learningRate,
                        seconds)));
    }

    /**
     * Adds the first stage's recorded cost per query to the re-ranker's. When the first stage recorded none, the
     * cost stays the re-ranker's alone and a warning says so.
     */
    private static RankingCost withFirstStage(RankingCost rerank, FirstStageRun firstStage) {
        Map<String, Double> first = firstStage.costPerQuery();
        if (first.isEmpty()) {
            LOG.warn("{} has no cost per query next to it; the cost covers the re-ranking only", firstStage.source());
            return rerank;
        }
        int queries = rerank.queries();
        RankingCost firstCost = new RankingCost(queries,
                Math.round(first.get(RankingCost.FORWARD_PASSES_PER_QUERY) * queries),
                first.get(RankingCost.FLOPS_PER_QUERY) * queries, Math.round(first.get(RankingCost.MS_PER_QUERY) * 1e6 * queries));
        return rerank.plus(firstCost);
    }

    private static String writeOutputs(ExperimentSpec spec, PreparedTask prepared, RunDirectory run, Run ranking,
            RankingCost cost) {
        Qrels testQrels = prepared.qrels(Splits.TEST);
        GainFunction gain = gain(spec, prepared);
        TestEvaluation evaluation = TestEvaluation.evaluate(ranking, testQrels, spec.eval().measures(), gain);
        List<String> testIds = prepared.queryIds(Splits.TEST);
        Map<String, TestEvaluation> references = new LinkedHashMap<>();
        for (ReferenceRanker reference : List.of(new PopularityRanker(), new RandomRanker(spec.seed()))) {
            references.put(reference.name(), TestEvaluation.evaluate(reference.rank(prepared.task(), testIds, spec.eval().topK()),
                    testQrels, spec.eval().measures(), gain));
        }

        RunFiles.writeRun(run, ranking);
        RunFiles.writeTestQrels(run, testQrels);
        RunFiles.writeMetrics(run, evaluation, ValidityStats.none(), cost.toMetrics());
        RunFiles.writePerQuery(run, evaluation, ValidityStats.none());
        RunFiles.writeReferences(run, references);
        LOG.info("Cost per query: {} forward passes, {} FLOPs (estimate), {} ms", String.format("%.2f", cost.forwardPassesPerQuery()),
                String.format("%.3e", cost.flopsPerQuery()), String.format("%.3f", cost.msPerQuery()));
        return SummaryTable.format(spec.model().type(), evaluation, ValidityStats.none(), cost.toMetrics(), references);
    }

    /** Returns the nDCG gain of {@code eval.gain}; {@code dataset} takes the dataset's gain table when it has one. */
    static GainFunction gain(ExperimentSpec spec, PreparedTask prepared) {
        return switch (spec.eval().gain()) {
            case "exp" -> GainFunction.EXPONENTIAL;
            case "linear" -> GainFunction.LINEAR;
            default -> prepared.task().gainMap().map(GainFunction::ofTable).orElse(GainFunction.LINEAR);
        };
    }

    static DualEncoderConfig dualEncoderConfig(ExperimentSpec spec, TextTokenizer tokenizer) {
        ExperimentSpec.Model model = spec.model();
        ExperimentSpec.Encoder encoder = model.encoder();
        return new DualEncoderConfig(tokenizer.vocabularySize(), model.maxQueryTokens(), model.maxDocumentTokens(), model.layers(),
                model.dModel(), model.heads(), model.mlpRatio(), model.dropout(), Pooling.parse(encoder.pooling()),
                encoder.embeddingDimension(), encoder.sharedWeights(), Similarity.parse(encoder.similarity()),
                encoder.temperature());
    }

    static CrossEncoderConfig crossEncoderConfig(ExperimentSpec spec, TextTokenizer tokenizer) {
        ExperimentSpec.Model model = spec.model();
        return new CrossEncoderConfig(tokenizer.vocabularySize(), model.maxQueryTokens(), model.maxDocumentTokens(),
                model.layers(), model.dModel(), model.heads(), model.mlpRatio(), model.dropout(),
                Pooling.parse(model.encoder().pooling()));
    }

    /** Returns the trainer settings of {@code train.*}; {@code gradClip = 0} turns clipping off. */
    static TrainerConfig trainerConfig(ExperimentSpec spec) {
        ExperimentSpec.Train train = spec.train();
        return TrainerConfig.builder().epochs(train.epochs()).batchSize(train.batchSize()).learningRate(train.learningRate())
                .weightDecay(train.weightDecay()).warmupFraction(train.warmupFraction())
                .schedule(LearningRateSchedule.valueOf(train.schedule().toUpperCase(Locale.ROOT)))
                .minLearningRateRatio(train.minLearningRateRatio()).clipGradientNorm(train.gradClip())
                .evaluateEvery(train.evalEvery()).patience(train.patience()).seed(spec.seed()).progressBar(true).build();
    }

    /**
     * Builds one example per training query with a relevant document in the corpus; targets are
     * {@code pi_alpha(d|q)} with the loss's {@code alpha} and {@code gain}.
     *
     * @throws IllegalArgumentException if no training query has a relevant document in the corpus
     */
    static List<ListwiseExample> examples(ExperimentSpec spec, PreparedTask prepared, TextTokenizer tokenizer) {
        Map<String, Object> loss = spec.loss().parameters();
        double alpha = ((Number) loss.get("alpha")).doubleValue();
        Gain gain = "exp".equals(loss.get("gain")) ? Gain.exponential() : Gain.linear();
        Corpus corpus = prepared.task().corpus();
        Qrels qrels = prepared.task().qrels();
        List<ListwiseExample> examples = new ArrayList<>();
        for (String queryId : prepared.queryIds(Splits.TRAIN)) {
            List<Integer> positions = new ArrayList<>();
            List<Double> grades = new ArrayList<>();
            for (Map.Entry<String, Double> judgment : qrels.judgments(queryId).entrySet()) {
                int position = corpus.indexOf(judgment.getKey());
                if (judgment.getValue() > 0 && position >= 0) {
                    positions.add(position);
                    grades.add(judgment.getValue());
                }
            }
            if (positions.isEmpty()) {
                continue;
            }
            examples.add(ListwiseExample.graded(tokenizer.encode(prepared.task().queries().get(queryId).text()),
                    positions.stream().mapToInt(Integer::intValue).toArray(),
                    grades.stream().mapToDouble(Double::doubleValue).toArray(), alpha, gain));
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("No training query of " + spec.dataset().spec()
                    + " has a relevant document in the corpus; check the qrels and the split");
        }
        LOG.info("{} training queries", examples.size());
        return examples;
    }

    static int[][] documentTokens(Corpus corpus, TextTokenizer tokenizer) {
        int[][] tokens = new int[corpus.size()][];
        for (int d = 0; d < corpus.size(); d++) {
            tokens[d] = tokenizer.encode(corpus.get(d).fullText());
        }
        return tokens;
    }

    static int[][] queryTokens(PreparedTask prepared, List<String> queryIds, TextTokenizer tokenizer) {
        int[][] tokens = new int[queryIds.size()][];
        for (int q = 0; q < queryIds.size(); q++) {
            tokens[q] = tokenizer.encode(prepared.task().queries().get(queryIds.get(q)).text());
        }
        return tokens;
    }

    private static List<String> documentIds(Corpus corpus) {
        List<String> ids = new ArrayList<>(corpus.size());
        for (int d = 0; d < corpus.size(); d++) {
            ids.add(corpus.get(d).id());
        }
        return ids;
    }
}
