package org.arr.experiment;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
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
import org.arr.train.TrainerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dual-encoder or cross-encoder baseline ({@code model.type}) of a run: trains it on the training split and
 * ranks the test split, counting forward passes, FLOPs and wall time per query. {@link ExperimentRunner} writes
 * the same run files as for ARR, with the cost in {@code metrics.json} and the summary table.
 *
 * <p>Settings read: {@code model.*} (with {@code model.encoder}, which also sets the training loss),
 * {@code train.*} except {@code evalEvery}, {@code patience}, {@code earlyStopMetric} and
 * {@code indexingWeight}, {@code eval.topK}, {@code metrics}, {@code gain}, {@code batchSize}, {@code rerankRun},
 * {@code rerankDepth}, and {@code seed}. The docID, decoding and {@code loss} settings do not apply.
 */
final class BaselineStage {

    /** The {@code model.type} of the dual encoder. */
    static final String DUAL_ENCODER = "dual-encoder";
    /** The {@code model.type} of the cross encoder. */
    static final String CROSS_ENCODER = "cross-encoder";

    private static final Logger LOG = LoggerFactory.getLogger(BaselineStage.class);

    private final ExperimentSpec spec;
    private final PreparedTask prepared;
    private final Path runsRoot;

    /**
     * The ranked test run and what it cost.
     *
     * @param run top {@code eval.topK} documents per test query (or the re-ranked first-stage lists)
     * @param cost cost per test query; a re-ranker's includes the first stage's recorded cost
     */
    record Output(Run run, RankingCost cost) {
    }

    /**
     * @param runsRoot folder of named runs, where {@code eval.rerankRun} is looked up by name
     */
    BaselineStage(ExperimentSpec spec, PreparedTask prepared, Path runsRoot) {
        this.spec = spec;
        this.prepared = prepared;
        this.runsRoot = runsRoot;
    }

    /** Returns whether a model type is one of the baselines. */
    static boolean handles(String modelType) {
        return DUAL_ENCODER.equals(modelType) || CROSS_ENCODER.equals(modelType);
    }

    /**
     * Trains the baseline and ranks the test queries.
     *
     * @param epochHook called with the epoch number after each epoch's row is logged; may throw to stop training
     * @throws IllegalArgumentException if the training split has no query with a relevant document, or the
     *     first-stage run cannot be found
     */
    Output run(RunDirectory run, boolean progressBars, IntConsumer epochHook) {
        if (run.resumed()) {
            // TODO: resume from a checkpoint once the listwise trainer writes them.
            LOG.warn("Baselines keep no checkpoints; training starts again from epoch 1");
        }
        Corpus corpus = prepared.task().corpus();
        TextTokenizer tokenizer = prepared.tokenizer();
        int[][] documentTokens = documentTokens(corpus, tokenizer);
        List<ListwiseExample> examples = examples(spec, prepared, tokenizer);
        List<String> testIds = prepared.queryIds(Splits.TEST);
        int[][] testTokens = queryTokens(prepared, testIds, tokenizer);
        TrainerConfig options = trainerConfig(spec, progressBars);
        boolean fullCorpus = "full".equals(spec.model().encoder().candidates());
        int negatives = spec.model().encoder().negatives();
        TrainLog trainLog = run.trainLog(spec.train().earlyStopMetric());

        if (DUAL_ENCODER.equals(spec.model().type())) {
            try (DualEncoder model = DualEncoder.create(dualEncoderConfig(spec, tokenizer), spec.seed())) {
                LOG.info("Dual encoder: {} parameters", model.parameterCount());
                BatchLoss batchLoss = fullCorpus ? DualEncoderLoss.fullCorpus(model, documentTokens)
                        : DualEncoderLoss.inBatch(model, documentTokens, negatives);
                train(options, model.parameters(), model.manager(), batchLoss, examples, trainLog, epochHook);

                CostMeter meter = new CostMeter();
                long start = System.nanoTime();
                DualEncoderRanker ranker = new DualEncoderRanker(
                        new CountingTextEmbedder(model.embedder(spec.eval().batchSize()), meter), documentTokens, documentIds(corpus));
                Run ranking = ranker.rank(testIds, testTokens, spec.eval().topK(), spec.model().type());
                return new Output(ranking, meter.perQuery(testIds.size(), System.nanoTime() - start));
            }
        }

        try (CrossEncoder model = CrossEncoder.create(crossEncoderConfig(spec, tokenizer), spec.seed())) {
            LOG.info("Cross encoder: {} parameters", model.parameterCount());
            int crossNegatives = fullCorpus ? corpus.size() : negatives;
            train(options, model.parameters(), model.manager(), new CrossEncoderLoss(model, documentTokens, crossNegatives),
                    examples, trainLog, epochHook);

            CostMeter meter = new CostMeter();
            CrossEncoderRanker ranker = new CrossEncoderRanker(
                    new CountingPairScorer(model.scorer(spec.eval().batchSize()), meter), corpus, documentTokens);
            Optional<FirstStageRun> firstStage = spec.eval().rerankRun().isEmpty() ? Optional.empty()
                    : Optional.of(FirstStageRun.resolve(spec.eval().rerankRun(), runsRoot));
            long start = System.nanoTime();
            Run ranking;
            if (firstStage.isPresent()) {
                LOG.info("Re-ranking the top {} of {}", spec.eval().rerankDepth(), firstStage.get().source());
                ranking = ranker.rerank(firstStage.get().run(), testIds, testTokens, spec.eval().rerankDepth(),
                        spec.model().type());
            } else {
                ranking = ranker.rankAll(testIds, testTokens, spec.eval().topK(), spec.model().type());
            }
            RankingCost cost = meter.perQuery(testIds.size(), System.nanoTime() - start);
            return new Output(ranking, firstStage.isPresent() ? withFirstStage(cost, firstStage.get()) : cost);
        }
    }

    private static void train(TrainerConfig options, List<Parameter> parameters, NDManager manager, BatchLoss loss,
            List<ListwiseExample> examples, TrainLog trainLog, IntConsumer epochHook) {
        new ListwiseTrainer(options).train(parameters, manager, loss, examples, (epoch, meanLoss, learningRate, seconds) -> {
            trainLog.truncateAfter(epoch - 1);
            trainLog.append(new TrainLog.Row(epoch, meanLoss, null, learningRate, seconds));
            epochHook.accept(epoch);
        });
    }

    /**
     * Adds the first stage's recorded cost per query to the re-ranker's. When the first stage recorded none, the
     * cost is the re-ranker's alone, and a warning is logged.
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

    /** Returns the trainer settings of {@code train.*}, as ARR gets them ({@code gradClip = 0} turns clipping off). */
    private static TrainerConfig trainerConfig(ExperimentSpec spec, boolean progressBar) {
        return ArrStage.trainerConfig(spec, progressBar);
    }

    /**
     * Builds one example per training query with a relevant document in the corpus; targets are
     * {@code pi_alpha(d|q)} with {@code model.encoder.alpha} and {@code gain}.
     *
     * @throws IllegalArgumentException if no training query has a relevant document in the corpus
     */
    static List<ListwiseExample> examples(ExperimentSpec spec, PreparedTask prepared, TextTokenizer tokenizer) {
        double alpha = spec.model().encoder().alpha();
        Gain gain = "exp".equals(spec.model().encoder().gain()) ? Gain.exponential() : Gain.linear();
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
