package org.arr.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.arr.model.ArrModel;
import org.arr.trie.PackedTrie;
import org.arr.trie.PrefixTree;

/**
 * Exact listwise log-likelihood over valid docIDs: the model's docID distribution renormalized over the corpus,
 * {@code p~(d | q) = p(d | q) / Z(q)} with {@code Z(q) = sum_{d' in corpus} p(d' | q)}, and
 * {@code L(q) = sum_{d in R+} pi(d) (-log p~(d | q)) = sum_{d in R+} pi(d) (-log p(d | q)) + log Z(q)}, where
 * {@code pi} is the item distribution of {@link StoicalLoss} ({@code alpha}, {@code gain}). Mass on invalid
 * sequences costs nothing here, unlike in {@link NtpLoss}.
 *
 * <p>{@code log p(d' | q) = sum_i log p(t_i(d') | q, t_<i(d'))} needs the next-token distribution at every inner
 * trie node. One extra forward pass per query over the {@link PackedTrie} row yields all of them; the document
 * log-probabilities are then gathered with one {@code take} and {@code log Z(q)} is a max-shifted log-sum-exp over
 * them. Cost per query: {@code |q| + 1 + I} extra tokens for {@code I} inner nodes, and attention over that row.
 */
public final class ListwiseLoss implements RankingLoss {

    public static final String NAME = "listwise";

    private final StoicalLoss items;
    private PrefixTree cachedTrie;
    private PackedTrie packed;
    private int maxLength;
    private long[] stepSlot;
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
    public boolean normalizesOverTrie() {
        return true;
    }

    /** Precomputes, per document and docID step, the packed-trie slot and the token whose log-probability it adds. */
    private synchronized void prepare(PrefixTree trie) {
        if (trie == cachedTrie) {
            return;
        }
        packed = PackedTrie.of(trie);
        maxLength = Math.max(1, trie.maxDepth());
        int documents = trie.documentCount();
        stepSlot = new long[documents * maxLength];
        stepToken = new long[documents * maxLength];
        stepMask = new float[documents * maxLength];
        for (int d = 0; d < documents; d++) {
            for (int node = trie.leafOf(d); node != trie.root(); node = trie.parent(node)) {
                int parent = trie.parent(node);
                int step = d * maxLength + trie.depth(parent);
                stepSlot[step] = packed.slotOf(parent);
                stepToken[step] = trie.tokenInto(node);
                stepMask[step] = 1;
            }
        }
        cachedTrie = trie;
    }

    /**
     * Rejects the call, because the normalizer needs a second forward pass. Use
     * {@link #loss(ArrModel, TrainingBatch, boolean)} instead.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public NDArray loss(NDArray logits, TrainingBatch batch) {
        throw new UnsupportedOperationException("The listwise loss needs the model to score the whole trie; call loss(model, batch, training)");
    }

    /**
     * Computes the weighted cross-entropy of the training rows plus {@code (1 / W) sum_g w_g log Z(q_g)} over the
     * normalized groups.
     *
     * @throws IllegalStateException if no training sequences were built with this loss yet
     */
    @Override
    public NDArray loss(ArrModel model, TrainingBatch batch, boolean training) {
        if (packed == null) {
            throw new IllegalStateException("Listwise loss has no trie yet; build training groups with it first");
        }
        NDArray logits = model.logits(batch.queryTokens(), batch.docIdInput(), training);
        NDArray crossEntropy = RankingLoss.weightedCrossEntropy(logits, batch);
        if (batch.normalizedQueryTokens() == null) {
            return crossEntropy;
        }

        NDArray trieLogits = model.trieLogits(batch.normalizedQueryTokens(), packed, training);
        return crossEntropy.add(logNormalizer(trieLogits, batch.normalizedWeights()).div((float) batch.totalWeight()));
    }

    /**
     * Computes {@code sum_g w_g log Z(q_g)} from packed-trie logits {@code [G, S, V]}.
     *
     * <p>Flat index of {@code log p(t_i(d) | q_g, t_<i(d))} in the log-softmax: {@code ((g * S + slot) * V + token)}.
     */
    NDArray logNormalizer(NDArray trieLogits, float[] groupWeights) {
        NDManager manager = trieLogits.getManager();
        long groups = trieLogits.getShape().get(0);
        long slots = trieLogits.getShape().get(1);
        long vocabulary = trieLogits.getShape().get(2);
        int documents = stepMask.length / maxLength;
        Shape steps = new Shape(1, documents, maxLength);

        NDArray group = manager.arange(0, (int) groups, 1, DataType.INT64).reshape(groups, 1, 1);
        NDArray index = group.mul(slots).add(manager.create(stepSlot, steps)).mul(vocabulary).add(manager.create(stepToken, steps));
        NDArray stepLogp = trieLogits.logSoftmax(-1).reshape(-1).take(index);
        NDArray documentLogp = stepLogp.mul(manager.create(stepMask, steps)).sum(new int[] {2});

        NDArray shift = documentLogp.max(new int[] {1}, true).stopGradient();
        NDArray logZ = documentLogp.sub(shift).exp().sum(new int[] {1}).log().add(shift.squeeze(1));
        return logZ.mul(manager.create(groupWeights)).sum();
    }

    @Override
    public String toString() {
        return NAME;
    }
}
