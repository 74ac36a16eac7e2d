package org.arr.theory.transformer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.arr.decode.ExhaustiveScorer;
import org.arr.loss.Gain;
import org.arr.loss.GradedRelevance;
import org.arr.loss.StoicalLoss;
import org.arr.loss.TrainingGroup;
import org.arr.loss.TrainingGroups;
import org.arr.model.ArrModel;
import org.arr.model.ArrModelConfig;
import org.arr.theory.capacity.RankingTargets;
import org.arr.theory.construction.BinaryDocIds;
import org.arr.train.ArrTrainer;
import org.arr.train.NonFiniteLossException;
import org.arr.train.TrainerConfig;
import org.arr.train.TrainingSummary;
import org.arr.trie.PrefixTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a small causal transformer of fixed {@code dModel} on a set of ranking targets and checks exactly, by
 * exhaustive scoring, which rankings it realizes. The split is transductive: the model is trained and evaluated
 * on the same queries, because the question is whether it can represent the rankings at all.
 *
 * <p>Each query is a single query token (its index), so the query's whole representation is one learned
 * {@code dModel}-dimensional embedding, as a free-embedding dual encoder has one {@code dim}-dimensional vector
 * per query. DocIDs are either {@link BinaryDocIds} (vocabulary 2, length up to {@code ceil(log2 n)}) or atomic
 * (one token per document). The loss is token-level SToICaL with {@code alpha = beta = 1} and exponential gain:
 * the target at every prefix is the trie marginal of {@code pi(d) ~ 2^grade(d) - 1}, where a document's grade is
 * its tier counted from the last one ({@code n-1 .. 0} for a full ranking, 1 and 0 for top-{@code k}); grade-0
 * documents are non-relevant. Consecutive full-ranking targets differ by a factor of at least 2, so the minimizer
 * of the loss realizes the ranking.
 *
 * <p>With atomic docIDs the model is a dual encoder in disguise: the logits are {@code W h + b} with {@code h}
 * the output of the final LayerNorm, which lies in an affine image of a {@code (dModel-1)}-dimensional subspace,
 * so the document scores are affine functionals in {@code dModel - 1} dimensions and the model realizes at most
 * {@code N_lin(n, dModel)} rankings of {@code n} documents (Cover's count).
 */
public final class TransformerCapacity {

    private static final Logger LOG = LoggerFactory.getLogger(TransformerCapacity.class);

    /** DocID scheme of the trained model. */
    public enum DocIdKind {
        /** Binary docIDs of a full binary tree with {@code n} leaves. */
        BINARY,
        /** One token per document. */
        ATOMIC;

        /** Returns the lower-case name used in tables. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Model and training settings.
     *
     * @param dModel hidden size (the fixed dimension under test)
     * @param layers transformer layers
     * @param heads attention heads (must divide {@code dModel})
     * @param mlpRatio feed-forward width divided by {@code dModel}
     * @param epochs training epochs
     * @param batchSize queries per step
     * @param learningRate peak AdamW learning rate
     * @param seed seed of the initialization, shuffling and dropout
     */
    public record Settings(int dModel, int layers, int heads, int mlpRatio, int epochs, int batchSize,
            double learningRate, long seed) {
    }

    /**
     * The outcome of one training run.
     *
     * @param realizedQueries queries whose ranking the trained model realizes exactly
     * @param queryCount all queries
     * @param finalLoss training loss of the last epoch
     * @param parameterCount number of model parameters
     * @param diverged whether training stopped on a non-finite loss or gradient; then nothing was checked and
     *     {@code realizedQueries} is 0
     * @param seconds wall-clock time of training and checking
     */
    public record Result(int realizedQueries, int queryCount, double finalLoss, long parameterCount, boolean diverged,
            double seconds) {

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
     * Trains a fresh model on the targets and checks every query exactly.
     *
     * @throws IllegalArgumentException if the settings are invalid (for example {@code heads} does not divide
     *     {@code dModel}) or the targets have fewer than 2 documents
     * @throws UncheckedIOException if the temporary checkpoint folder cannot be created or removed
     */
    public static Result train(RankingTargets targets, DocIdKind kind, Settings settings) {
        long start = System.nanoTime();
        int n = targets.documentCount();
        int[][] docIds = kind == DocIdKind.BINARY ? BinaryDocIds.assign(n) : atomicDocIds(n);
        int vocabulary = kind == DocIdKind.BINARY ? BinaryDocIds.VOCABULARY_SIZE : n;
        PrefixTree trie = PrefixTree.build(docIds, vocabulary);
        int maxLength = trie.maxDepth();

        List<int[]> queries = new ArrayList<>(targets.queryCount());
        List<GradedRelevance> relevance = new ArrayList<>(targets.queryCount());
        for (int q = 0; q < targets.queryCount(); q++) {
            queries.add(new int[] {q});
            relevance.add(relevance(targets, q));
        }
        StoicalLoss loss = new StoicalLoss(1.0, 1.0, Gain.exponential(), 0.0);
        List<TrainingGroup> groups = TrainingGroups.forQueries(loss, queries, relevance, docIds, trie);

        ArrModelConfig modelConfig = new ArrModelConfig(targets.queryCount(), vocabulary, 1, maxLength, settings.layers(),
                settings.dModel(), settings.heads(), settings.mlpRatio(), 0.0);
        TrainerConfig trainerConfig = TrainerConfig.builder().epochs(settings.epochs()).batchSize(settings.batchSize())
                .learningRate(settings.learningRate()).weightDecay(0.0).warmupFraction(0.05).patience(0)
                .seed(settings.seed()).progressBar(false).build();

        Path checkpoints = temporaryDirectory();
        try (ArrModel model = ArrModel.create(modelConfig, settings.seed())) {
            TrainingSummary summary;
            try {
                summary = new ArrTrainer(trainerConfig).train(model, loss, groups, checkpoints, false, null, null);
            } catch (NonFiniteLossException e) {
                LOG.error("Transformer dModel {} with {} docIDs, n {}: training diverged; counted as realizing no ranking",
                        settings.dModel(), kind.label(), n, e);
                return new Result(0, targets.queryCount(), Double.NaN, model.parameterCount(), true,
                        (System.nanoTime() - start) / 1e9);
            }
            double[][] scores = new ExhaustiveScorer(trie).score(model.scorer(4096), queries.toArray(new int[0][]));
            int realized = 0;
            for (int q = 0; q < scores.length; q++) {
                if (targets.isRealized(q, scores[q])) {
                    realized++;
                }
            }
            List<Double> losses = summary.epochLosses();
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.info("Transformer dModel {} with {} docIDs, n {}: {}/{} rankings realized, final loss {}, {} s",
                    settings.dModel(), kind.label(), n, realized, scores.length, losses.get(losses.size() - 1),
                    String.format(java.util.Locale.ROOT, "%.1f", seconds));
            return new Result(realized, scores.length, losses.get(losses.size() - 1), model.parameterCount(), false,
                    seconds);
        } finally {
            deleteRecursively(checkpoints);
        }
    }

    /** Returns the graded relevance of a query: tier {@code t} of {@code m} gets grade {@code m - 1 - t}. */
    static GradedRelevance relevance(RankingTargets targets, int query) {
        int[] order = targets.order(query);
        int[] starts = targets.tierStarts(query);
        int tiers = targets.tierCount(query);
        int relevant = starts[tiers - 1];
        int[] documents = java.util.Arrays.copyOf(order, relevant);
        double[] grades = new double[relevant];
        for (int tier = 0; tier < tiers - 1; tier++) {
            for (int position = starts[tier]; position < starts[tier + 1]; position++) {
                grades[position] = tiers - 1 - tier;
            }
        }
        return new GradedRelevance(documents, grades);
    }

    private static int[][] atomicDocIds(int n) {
        int[][] docIds = new int[n][];
        for (int d = 0; d < n; d++) {
            docIds[d] = new int[] {d};
        }
        return docIds;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("arr-theory-transformer-");
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create a temporary checkpoint folder", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Failed to remove the temporary checkpoint folder {}", directory, e);
        }
    }
}
