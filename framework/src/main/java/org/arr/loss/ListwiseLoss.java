package org.arr.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.arr.decode.ProbePaths;
import org.arr.trie.PrefixTree;

/**
 * Exact listwise log-likelihood over valid docIDs: the model's docID distribution renormalized over the corpus,
 * {@code p~(d | q) = p(d | q) / Z(q)} with {@code Z(q) = sum_{d' in corpus} p(d' | q)}, and
 * {@code L(q) = sum_{d in R+} pi(d) (-log p~(d | q)) = sum_{d in R+} pi(d) (-log p(d | q)) + log Z(q)}, where
 * {@code pi} is the item distribution of {@link StoicalLoss} ({@code alpha}, {@code gain}). Mass on invalid
 * sequences costs nothing here, unlike in {@link NtpLoss}.
 *
 * <p>{@code log Z(q)} is a max-shifted log-sum-exp over every document's {@code log p(d | q)}, gathered with
 * tensor operations from the {@link ProbePaths} rows each query carries. Cost: one extra row per probe per
 * query, so this suits corpora whose tries have at most a few hundred inner nodes without inner children.
 */
public final class ListwiseLoss implements RankingLoss {

    public static final String NAME = "listwise";

    private final StoicalLoss items;
    private PrefixTree cachedTrie;
    private ProbePaths paths;
    private int maxLength;
    private long[] stepProbe;
    private long[] stepPosition;
    private long[] stepToken;
    private float[] stepMask;

    public ListwiseLoss(double alpha, Gain gain) {
        this.items = new StoicalLoss(alpha, 0, gain, 0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TrainingSequence> sequences(GradedRelevance relevance, int[][] docIds, PrefixTree trie) {
        prepare(trie);
        return items.sequences(relevance, docIds, trie);
    }

    @Override
    public List<int[]> probes(PrefixTree trie) {
        prepare(trie);
        return Arrays.asList(paths.paths());
    }

    /** Precomputes, per document and docID step, the probe, position and token whose log-probability it adds. */
    private synchronized void prepare(PrefixTree trie) {
        if (trie == cachedTrie) {
            return;
        }
        paths = new ProbePaths(trie);
        maxLength = Math.max(1, trie.maxDepth());
        int documents = trie.documentCount();
        stepProbe = new long[documents * maxLength];
        stepPosition = new long[documents * maxLength];
        stepToken = new long[documents * maxLength];
        stepMask = new float[documents * maxLength];
        for (int d = 0; d < documents; d++) {
            int node = trie.leafOf(d);
            while (node != trie.root()) {
                int parent = trie.parent(node);
                int slot = d * maxLength + trie.depth(parent);
                stepProbe[slot] = paths.sourceProbe(parent);
                stepPosition[slot] = trie.depth(parent);
                stepToken[slot] = paths.token(node);
                stepMask[slot] = 1;
                node = parent;
            }
        }
        cachedTrie = trie;
    }

    /**
     * Adds {@code (1 / W) sum_g w_g log Z(q_g)} over the groups with probes to the weighted cross-entropy.
     *
     * @throws IllegalStateException if no training sequences were built with this loss yet
     */
    @Override
    public NDArray loss(NDArray logits, TrainingBatch batch) {
        if (paths == null) {
            throw new IllegalStateException("Listwise loss has no trie yet; build training groups with it first");
        }
        NDArray crossEntropy = RankingLoss.weightedCrossEntropy(logits, batch);
        int groups = 0;
        for (int start : batch.probeRowStart()) {
            groups += start >= 0 ? 1 : 0;
        }
        if (groups == 0) {
            return crossEntropy;
        }

        long[] starts = new long[groups];
        float[] weights = new float[groups];
        int g = 0;
        for (int i = 0; i < batch.probeRowStart().length; i++) {
            if (batch.probeRowStart()[i] >= 0) {
                starts[g] = batch.probeRowStart()[i];
                weights[g] = (float) batch.groupWeights()[i];
                g++;
            }
        }

        // Flat index of log p(t_i(d) | q_g, t_<i(d)) in logSoftmax(logits): ((row * L + position) * V + token).
        NDManager manager = logits.getManager();
        long positions = logits.getShape().get(1);
        long vocabulary = logits.getShape().get(2);
        int documents = stepMask.length / maxLength;
        Shape steps = new Shape(1, documents, maxLength);
        NDArray rows = manager.create(starts, new Shape(groups, 1, 1)).add(manager.create(stepProbe, steps));
        NDArray index = rows.mul(positions).add(manager.create(stepPosition, steps)).mul(vocabulary).add(manager.create(stepToken, steps));
        NDArray stepLogp = logits.logSoftmax(-1).reshape(-1).take(index.toType(DataType.INT64, false));
        NDArray documentLogp = stepLogp.mul(manager.create(stepMask, steps)).sum(new int[] {2});

        NDArray shift = documentLogp.max(new int[] {1}, true).stopGradient();
        NDArray logZ = documentLogp.sub(shift).exp().sum(new int[] {1}).log().add(shift.squeeze(1));
        NDArray normalizer = logZ.mul(manager.create(weights)).sum().div((float) batch.totalWeight());
        return crossEntropy.add(normalizer);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
