package org.arr.theory.transformer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.arr.decode.ExhaustiveScorer;
import org.arr.model.ArrModel;
import org.arr.model.ArrModelConfig;
import org.arr.model.Autograd;
import org.arr.theory.capacity.ListwiseLoss;
import org.arr.theory.capacity.RankingTargets;
import org.arr.theory.construction.BinaryDocIds;
import org.arr.train.AdamW;
import org.arr.train.ArrTrainer;
import org.arr.train.NonFiniteGradientGuard;
import org.arr.train.TrainerConfig;
import org.arr.trie.PackedTrie;
import org.arr.trie.PrefixTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a small causal transformer of fixed {@code dModel} on a set of ranking targets and checks exactly, by
 * exhaustive scoring, which rankings it realizes. The split is transductive: the model is trained and evaluated
 * on the same queries, because the question is whether it can represent the rankings at all.
 *
 * <p>Each query is a sequence of {@link Settings#queryLength()} learned tokens of its own, as a text query is a
 * sequence of tokens. Attention lets every docID prefix read a different part of it, while every hidden state,
 * including the one that feeds the output head, keeps dimension {@code dModel}. Counting bounds a dual encoder
 * whatever its query encoder computes, so richer query inputs cannot lift that bound. DocIDs are either
 * {@link BinaryDocIds} (vocabulary 2, length up to {@code ceil(log2 n)}) or atomic (one token per document).
 *
 * <p><b>Training.</b> Every step is one full batch over all {@code m} queries and all {@code n} documents. One
 * forward row per query over the packed trie ({@link ArrModel#trieLogits}) gives the next-token log-probabilities
 * at every inner node, and summing them along each document's path gives the sequence log-probability
 * {@code s(q, d) = log p(d | q) = sum_i log p(t_i(d) | q, t_<i(d))} of every docID. A row contains
 * {@code queryLength + I + 1} tokens for {@code I + 1} inner nodes (10 for binary docIDs of 7 documents), instead
 * of one teacher-forced row per docID prefix; on the complete task of 7 documents a step took 0.16 s instead of
 * 0.29 s. The loss is the mean over queries of the tiered Plackett-Luce loss {@link ListwiseLoss} on
 * {@code s(q, .)} (ListMLE for a full ranking), the loss the free-embedding dual encoder is fitted with. Its
 * gradient {@code dL/ds} is computed on the CPU and back-propagated through {@code sum(s * dL/ds)}. The optimizer
 * is AdamW without weight decay, with a linear warm-up over the first 5% of the steps and then a cosine decay to
 * {@link Settings#finalLearningRate()} at {@link Settings#maxSteps()}, gradients clipped to norm 1 and no dropout.
 * The decay matters. On 500 sampled permutations of 6 documents (seed 13, default shape), a constant rate of 0.01
 * realized 489 rankings after 3000 steps and a decay from 0.01 to 0.0001 realized 498 after 4000, while the decay
 * from 0.02 to 0.0001 realized all 500 after 1918 steps. A restart ends when every query is realized by the scores of the current step, when
 * {@link Settings#maxSteps()} steps are done, or when the number of realized queries has not grown for
 * {@link Settings#patience()} steps. Restarts use the seeds {@code seed, seed + 1, ...} and stop at the first
 * success, the rule of the dual-encoder search; the best restart is reported.
 *
 * <p><b>Check.</b> After training, every docID of every query is scored again by {@link ExhaustiveScorer}, and a
 * query counts as realized only if its scores order the documents strictly as the target does
 * ({@link RankingTargets#isRealized}): ties are failures.
 *
 * <p><b>Why atomic docIDs cannot realize every ranking.</b> With atomic docIDs the logits are {@code W h + b}
 * with {@code h} the output of the final LayerNorm, which lies in an affine image of a {@code (dModel-1)}-dimensional
 * subspace. So the scores {@code log p(d | q)} are, up to a per-query constant, affine functionals in
 * {@code dModel - 1} dimensions, that is linear functionals in {@code dModel} dimensions, and one set of
 * document vectors realizes at most {@code N_lin(n, dModel)} orderings of {@code n} documents (Cover's count).
 * Whatever the width of the feed-forward layers, a task of more than {@code N_lin(n, dModel)} distinct
 * permutations cannot be realized by the atomic model, nor by a dual encoder of dimension {@code dModel}. Binary
 * docIDs escape the bound because a document's score is a sum of terms computed at different prefixes.
 */
public final class TransformerCapacity {

    private static final Logger LOG = LoggerFactory.getLogger(TransformerCapacity.class);

    private static final double WARMUP_FRACTION = 0.05;
    private static final double CLIP_NORM = 1.0;
    private static final int PROGRESS_INTERVAL = 500;

    /** DocID scheme of the trained model. */
    public enum DocIdKind {
        /** Binary docIDs of a full binary tree with {@code n} leaves. */
        BINARY,
        /** One token per document. */
        ATOMIC;

        /** Returns the lower-case name used in tables. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Model and training settings.
     *
     * @param dModel hidden size (the fixed dimension under test)
     * @param layers transformer layers
     * @param heads attention heads (must divide {@code dModel})
     * @param mlpRatio feed-forward width divided by {@code dModel}
     * @param queryLength learned tokens per query
     * @param maxSteps maximum full-batch steps per restart
     * @param learningRate peak AdamW learning rate
     * @param finalLearningRate learning rate of the last step. After the warm-up the rate decays from
     *     {@code learningRate} to it along a half cosine.
     * @param patience a restart stops when the number of realized queries has not grown for this many steps
     * @param restarts maximum number of restarts
     * @param seed seed of the first restart's initialization
     */
    public record Settings(int dModel, int layers, int heads, int mlpRatio, int queryLength, int maxSteps, double learningRate,
            double finalLearningRate, int patience, int restarts, long seed) {

        /** Hidden size of the default settings. */
        public static final int DEFAULT_D_MODEL = 4;

        /**
         * Returns the default shape: {@code dModel} 4, 2 layers, 1 head, feed-forward width 32, 4 query tokens,
         * a learning rate decaying from 0.02 to 0.0001 and patience 600.
         */
        public static Settings defaults(int maxSteps, int restarts, long seed) {
            return new Settings(DEFAULT_D_MODEL, 2, 1, 8, 4, maxSteps, 0.02, 0.0001, 600, restarts, seed);
        }

        /**
         * Validates the training counts and rates; the model shape is validated by {@link ArrModelConfig}.
         *
         * @throws IllegalArgumentException if a count is not positive, the learning rate is not a positive number or
         *     the final learning rate is not in {@code (0, learningRate]}
         */
        public Settings {
            if (queryLength < 1 || maxSteps < 1 || patience < 1 || restarts < 1) {
                throw new IllegalArgumentException("queryLength, maxSteps, patience and restarts must be >= 1, got "
                        + queryLength + ", " + maxSteps + ", " + patience + ", " + restarts);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learningRate must be a positive number, got " + learningRate);
            }
            if (!(finalLearningRate > 0) || finalLearningRate > learningRate) {
                throw new IllegalArgumentException("finalLearningRate must be in (0, learningRate = " + learningRate
                        + "], got " + finalLearningRate);
            }
        }
    }

    /**
     * The outcome of training with restarts.
     *
     * @param realizedQueries queries whose ranking the best restart realizes exactly
     * @param queryCount all queries
     * @param finalLoss training loss of the best restart's last step
     * @param parameterCount number of model parameters
     * @param steps full-batch steps over all restarts
     * @param restartsRun restarts run
     * @param diverged whether every restart stopped on a non-finite loss or gradient; then {@code realizedQueries}
     *     is 0
     * @param seconds wall-clock time of training and checking
     */
    public record Result(int realizedQueries, int queryCount, double finalLoss, long parameterCount, long steps,
            int restartsRun, boolean diverged, double seconds) {

        public boolean success() {
            return realizedQueries == queryCount;
        }

        public double fractionRealized() {
            return realizedQueries / (double) queryCount;
        }
    }

    private TransformerCapacity() {
    }

    /**
     * Trains fresh models on the targets, restart after restart until one realizes every query, and checks each
     * restart exactly.
     *
     * @throws IllegalArgumentException if the settings are invalid (for example {@code heads} does not divide
     *     {@code dModel}) or the targets have fewer than 2 documents
     */
    public static Result train(RankingTargets targets, DocIdKind kind, Settings settings) {
        long start = System.nanoTime();
        int n = targets.documentCount();
        int[][] docIds = kind == DocIdKind.BINARY ? BinaryDocIds.assign(n) : atomicDocIds(n);
        int vocabulary = kind == DocIdKind.BINARY ? BinaryDocIds.VOCABULARY_SIZE : n;
        PrefixTree trie = PrefixTree.build(docIds, vocabulary);
        ArrModelConfig modelConfig = new ArrModelConfig(targets.queryCount() * settings.queryLength(),
                vocabulary, settings.queryLength(), trie.maxDepth(),
                settings.layers(), settings.dModel(), settings.heads(), settings.mlpRatio(), 0.0);

        RestartResult best = null;
        long steps = 0;
        int restartsRun = 0;
        for (int restart = 0; restart < settings.restarts(); restart++) {
            RestartResult result = trainOnce(targets, docIds, trie, modelConfig, settings, settings.seed() + restart);
            steps += result.steps();
            restartsRun++;
            LOG.info("Transformer dModel {} with {} docIDs, n {}, restart {}: {}/{} rankings realized after {} steps, "
                    + "loss {}", settings.dModel(), kind.label(), n, restart, result.realized(), targets.queryCount(),
                    result.steps(), String.format(Locale.ROOT, "%.4f", result.loss()));
            if (best == null || result.realized() > best.realized()) {
                best = result;
            }
            if (best.realized() == targets.queryCount()) {
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("Transformer dModel {} with {} docIDs, n {}: {}/{} rankings realized, {} restarts, {} steps, {} s",
                settings.dModel(), kind.label(), n, best.realized(), targets.queryCount(), restartsRun, steps,
                String.format(Locale.ROOT, "%.1f", seconds));
        return new Result(best.realized(), targets.queryCount(), best.loss(), best.parameterCount(), steps, restartsRun,
                best.diverged(), seconds);
    }

    private record RestartResult(int realized, double loss, long steps, long parameterCount, boolean diverged) {
    }

    /** Trains one model from {@code seed} and checks it by exhaustive scoring. */
    private static RestartResult trainOnce(RankingTargets targets, int[][] docIds, PrefixTree trie,
            ArrModelConfig modelConfig, Settings settings, long seed) {
        int queryCount = targets.queryCount();
        int n = targets.documentCount();
        int vocabulary = modelConfig.docIdVocabularySize();
        int queryLength = settings.queryLength();
        TrainerConfig optimizerConfig = TrainerConfig.builder().learningRate(settings.learningRate()).weightDecay(0.0)
                .seed(seed).progressBar(false).build();
        int warmupSteps = Math.max(1, (int) Math.ceil(WARMUP_FRACTION * settings.maxSteps()));

        try (ArrModel model = ArrModel.create(modelConfig, seed);
                NDManager inputs = model.manager().newSubManager();
                NDManager optimizerState = model.manager().newSubManager()) {
            Engine.getInstance().setRandomSeed(ArrModel.foldSeed(seed));
            List<Parameter> parameters = trainableParameters(model);
            AdamW optimizer = new AdamW(optimizerConfig, optimizerState);
            NonFiniteGradientGuard guard = new NonFiniteGradientGuard();

            // One packed-trie row per query yields the next-token logits at every inner node; selector sums the
            // log-probabilities along each document's path into its sequence score.
            PackedTrie packed = PackedTrie.of(trie);
            int[] queryTokens = new int[queryCount * queryLength];
            for (int q = 0; q < queryCount; q++) {
                for (int j = 0; j < queryLength; j++) {
                    queryTokens[q * queryLength + j] = q * queryLength + j;
                }
            }
            NDArray queryArray = inputs.create(queryTokens, new Shape(queryCount, queryLength));
            NDArray selectorArray = inputs.create(selector(packed, vocabulary),
                    new Shape((long) packed.slots() * vocabulary, n));

            double[][] scores = new double[queryCount][n];
            double[] gradient = new double[n];
            float[] scoreGradients = new float[queryCount * n];
            double[] scratch = new double[n + 1];
            int bestRealized = -1;
            int sinceImprovement = 0;
            double loss = Double.NaN;
            long step = 0;
            while (true) {
                try (NDManager stepManager = model.manager().newSubManager()) {
                    NDArray stepQueries = queryArray.duplicate();
                    stepQueries.attach(stepManager);
                    int realized;
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray logProbabilities = model.trieLogits(stepQueries, packed, false).logSoftmax(2);
                        NDArray sequenceScores = logProbabilities.reshape(queryCount, -1).matMul(selectorArray);
                        float[] values = sequenceScores.toFloatArray();

                        // Loss, dL/ds and the exact check of this step's scores, one query at a time.
                        loss = 0;
                        realized = 0;
                        for (int q = 0; q < queryCount; q++) {
                            for (int d = 0; d < n; d++) {
                                scores[q][d] = values[q * n + d];
                            }
                            if (targets.isRealized(q, scores[q])) {
                                realized++;
                            }
                            loss += ListwiseLoss.lossAndGradient(scores[q], targets.order(q), targets.tierStarts(q),
                                    gradient, scratch) / queryCount;
                            for (int d = 0; d < n; d++) {
                                scoreGradients[q * n + d] = (float) (gradient[d] / queryCount);
                            }
                        }
                        if (!Double.isFinite(loss)) {
                            LOG.error("Transformer training loss became {} at step {} (seed {}); this restart stopped "
                                    + "and counts as realizing no ranking", loss, step, seed);
                            return new RestartResult(0, loss, step, model.parameterCount(), true);
                        }
                        if (step % PROGRESS_INTERVAL == 0) {
                            LOG.debug("Transformer step {} (seed {}): loss {}, {}/{} rankings realized", step, seed,
                                    String.format(Locale.ROOT, "%.4f", loss), realized, queryCount);
                        }
                        if (realized > bestRealized) {
                            bestRealized = realized;
                            sinceImprovement = 0;
                        } else {
                            sinceImprovement++;
                        }
                        if (realized == queryCount || step == settings.maxSteps()
                                || sinceImprovement >= settings.patience()) {
                            break;
                        }
                        NDArray surrogate = sequenceScores.mul(stepManager.create(scoreGradients, new Shape(queryCount, n)))
                                .sum();
                        collector.backward(surrogate);
                    }
                    Autograd.disable();
                    step++;
                    double norm = ArrTrainer.clipGradients(parameters, CLIP_NORM);
                    if (guard.accept(norm)) {
                        float rate = (float) learningRate(settings, warmupSteps, step);
                        optimizer.update(parameters, rate, step);
                    } else if (guard.diverged()) {
                        LOG.error("Transformer gradient norm was not finite for {} steps in a row at step {} (seed {}); "
                                + "this restart stopped and counts as realizing no ranking",
                                NonFiniteGradientGuard.MAX_CONSECUTIVE_SKIPPED_STEPS + 1, step, seed);
                        return new RestartResult(0, loss, step, model.parameterCount(), true);
                    } else {
                        LOG.warn("Transformer gradient norm is {} at step {} (seed {}); skipping this update", norm, step,
                                seed);
                    }
                    ArrTrainer.zeroGradients(parameters);
                }
            }
            Autograd.disable();

            int[][] queries = new int[queryCount][];
            for (int q = 0; q < queryCount; q++) {
                queries[q] = new int[queryLength];
                for (int j = 0; j < queryLength; j++) {
                    queries[q][j] = q * queryLength + j;
                }
            }
            double[][] checked = new ExhaustiveScorer(trie).score(model.scorer(4096), queries);
            int realized = 0;
            for (int q = 0; q < queryCount; q++) {
                if (targets.isRealized(q, checked[q])) {
                    realized++;
                }
            }
            return new RestartResult(realized, loss, step, model.parameterCount(), false);
        }
    }

    /**
     * Returns the learning rate of step {@code step} (from 1): {@code peak * step / warmup} during the warm-up, then
     * {@code final + (peak - final) (1 + cos(pi t)) / 2} with {@code t = (step - warmup) / (maxSteps - warmup)}.
     */
    static double learningRate(Settings settings, int warmupSteps, long step) {
        double peak = settings.learningRate();
        if (step <= warmupSteps) {
            return peak * step / warmupSteps;
        }
        int decaySteps = settings.maxSteps() - warmupSteps;
        double progress = decaySteps <= 0 ? 1.0 : Math.min(1.0, (step - warmupSteps) / (double) decaySteps);
        double finalRate = settings.finalLearningRate();
        return finalRate + (peak - finalRate) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    /**
     * Builds the {@code [S V, n]} 0/1 matrix that sums the packed-trie log-probabilities {@code [S, V]} of one query
     * into the sequence scores of its {@code n} documents: entry {@code (k V + t, d)} is 1 where slot {@code k} is
     * an inner node on the path to document {@code d} and {@code t} is the token that the path takes from it.
     */
    static float[] selector(PackedTrie packed, int vocabulary) {
        PrefixTree trie = packed.trie();
        int n = trie.documentCount();
        float[] selector = new float[packed.slots() * vocabulary * n];
        for (int d = 0; d < n; d++) {
            for (int node = trie.leafOf(d); node != trie.root(); node = trie.parent(node)) {
                int slot = packed.slotOf(trie.parent(node));
                selector[(slot * vocabulary + trie.tokenInto(node)) * n + d] = 1f;
            }
        }
        return selector;
    }

    private static List<Parameter> trainableParameters(ArrModel model) {
        List<Parameter> parameters = new ArrayList<>();
        for (Pair<String, Parameter> entry : model.parameters()) {
            if (entry.getValue().requiresGradient()) {
                entry.getValue().getArray().setRequiresGradient(true);
                parameters.add(entry.getValue());
            }
        }
        return parameters;
    }

    private static int[][] atomicDocIds(int n) {
        int[][] docIds = new int[n][];
        for (int d = 0; d < n; d++) {
            docIds[d] = new int[] {d};
        }
        return docIds;
    }
}
