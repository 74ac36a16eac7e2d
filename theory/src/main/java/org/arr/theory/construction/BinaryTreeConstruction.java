package org.arr.theory.construction;

import org.arr.decode.NextTokenScorer;
import org.arr.theory.capacity.RankingTargets;
import org.arr.trie.PrefixTree;

/**
 * An explicit autoregressive ranker whose hidden state has dimension 1 for any number of documents, and which
 * realizes any given set of rankings exactly.
 *
 * <p><b>Construction.</b> Documents get {@link BinaryDocIds} (vocabulary {@code {0, 1}}, length at most
 * {@code ceil(log2 n)}). For query {@code q} with target order {@code pi_q} (tiers flattened, best first), the
 * target distribution is {@code p_q(d) = 3^-r / Z_q}, where {@code r} is the rank of {@code d} in {@code pi_q}.
 * At every inner node {@code u} of the docID tree the hidden state is the scalar
 * <pre>
 *   h(q, u) = log mass_q(u.1) - log mass_q(u.0),    mass_q(v) = sum of p_q(d) over documents d under v,
 * </pre>
 * and the output head is the fixed {@code 2 x 1} matrix {@code W = (-1/2, +1/2)^T}, so the logits are
 * {@code W h = (-h/2, h/2)} and {@code p(1 | q, u) = sigmoid(h) = mass_q(u.1) / mass_q(u)}. By the chain rule the
 * product along a document's path telescopes to {@code p_q(d)}, so {@code log p(d | q)} decreases strictly along
 * {@code pi_q}: every ranking is realized, whatever {@code n} and however many queries.
 *
 * <p><b>Why ratio 3.</b> Any strictly decreasing {@code p_q} realizes the ranking under exhaustive scoring.
 * With ratio 3, the mass of any set of documents whose best rank is {@code r} lies in {@code [3^-r, 1.5 * 3^-r)},
 * so prefixes of equal depth are ordered by mass exactly as their best documents are ranked. Beam search ranks
 * prefixes by that mass, so at every width {@code B} it keeps the prefixes of the top-{@code B} documents and
 * returns exactly the top {@code B} in order. With ratio 2 the bound becomes {@code [2^-r, 2 * 2^-r)} and ties
 * can occur at the boundary.
 *
 * <p><b>What "constant dimension" means here.</b> The hidden state that feeds the softmax has dimension 1 and
 * the output head is fixed, independent of {@code n} and of the number of queries. This is the bottleneck that
 * limits a dual encoder: there, {@code log p(d | q) = <f(q), g(d)>} (up to a per-query constant) is one softmax
 * over all {@code n} documents, so the {@code queries x documents} score matrix has rank at most {@code dim}, and
 * Cover's count {@code N_lin(n, dim)} bounds the rankings it realizes. Here each softmax chooses among only 2
 * tokens, and a document's score is a sum of {@code ceil(log2 n)} terms computed at different prefixes, so no
 * such rank bound applies. The construction does <em>not</em> claim that a network of fixed total size computes
 * {@code h}: it stores one scalar per (query, inner node), {@code m (n-1)} values in all, and reads them as a
 * lookup table. In a transformer that map from (query tokens, prefix) to the hidden state is the work of
 * embeddings, attention and MLPs, whose parameter count must grow with the number of rankings memorized, as any
 * model that stores {@code m} arbitrary rankings must. What stays constant is the width of the state at the
 * output head.
 *
 * <p><b>Model interface.</b> A query is the single token {@code q} (its index in the targets). A prefix that is a
 * complete docID or no docID prefix has no valid continuation; for it the model returns the uniform
 * distribution, which constrained decoding never reads.
 */
public final class BinaryTreeConstruction implements NextTokenScorer {

    /** Dimension of the hidden state at the output head. */
    public static final int HIDDEN_DIMENSION = 1;

    private static final double LOG_RATIO = Math.log(3);
    private static final float LOG_HALF = (float) Math.log(0.5);

    private final int[][] docIds;
    private final PrefixTree tree;
    private final float[][] hiddenStates;

    /**
     * Builds the hidden-state table that realizes every query's target.
     *
     * @throws IllegalArgumentException if the targets have fewer than 2 documents
     */
    public BinaryTreeConstruction(RankingTargets targets) {
        int n = targets.documentCount();
        this.docIds = BinaryDocIds.assign(n);
        this.tree = PrefixTree.build(docIds, BinaryDocIds.VOCABULARY_SIZE);
        this.hiddenStates = new float[targets.queryCount()][];

        double[] logMass = new double[tree.nodeCount()];
        for (int q = 0; q < targets.queryCount(); q++) {
            int[] order = targets.order(q);

            // log mass of each node, up to the common constant -log Z_q, which cancels in h.
            java.util.Arrays.fill(logMass, Double.NEGATIVE_INFINITY);
            for (int rank = 0; rank < n; rank++) {
                logMass[tree.leafOf(order[rank])] = -rank * LOG_RATIO;
            }
            // Children have larger node ids than their parents, so a reverse sweep sums subtrees.
            for (int node = tree.nodeCount() - 1; node > 0; node--) {
                int parent = tree.parent(node);
                logMass[parent] = logAddExp(logMass[parent], logMass[node]);
            }

            float[] states = new float[tree.nodeCount()];
            for (int node = 0; node < tree.nodeCount(); node++) {
                if (tree.documentAt(node) < 0) {
                    states[node] = (float) (logMass[tree.child(node, 1)] - logMass[tree.child(node, 0)]);
                }
            }
            hiddenStates[q] = states;
        }
    }

    /** Returns the docID of each document (copies). */
    public int[][] docIds() {
        int[][] copy = new int[docIds.length][];
        for (int i = 0; i < docIds.length; i++) {
            copy[i] = docIds[i].clone();
        }
        return copy;
    }

    /** Returns the hidden state {@code h(q, u)} (a vector of dimension {@link #HIDDEN_DIMENSION}). */
    public float[] hiddenState(int query, int[] prefix) {
        int node = tree.nodeOf(prefix);
        if (node < 0 || tree.documentAt(node) >= 0) {
            return new float[] {0f};
        }
        return new float[] {hiddenStates[checkQuery(query)][node]};
    }

    @Override
    public int vocabularySize() {
        return BinaryDocIds.VOCABULARY_SIZE;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a row's query tokens are not a single valid query index, or the batch
     *     arrays differ in length
     */
    @Override
    public float[][] nextTokenLogProbabilities(int[][] queryTokens, int[][] prefixes) {
        if (queryTokens.length != prefixes.length) {
            throw new IllegalArgumentException("Got " + queryTokens.length + " query rows but " + prefixes.length
                    + " prefix rows");
        }
        float[][] result = new float[queryTokens.length][];
        for (int row = 0; row < queryTokens.length; row++) {
            if (queryTokens[row].length != 1) {
                throw new IllegalArgumentException("Row " + row + ": the construction expects one query token (the "
                        + "query index), got " + queryTokens[row].length);
            }
            int query = checkQuery(queryTokens[row][0]);
            int node = tree.nodeOf(prefixes[row]);
            if (node < 0 || tree.documentAt(node) >= 0) {
                result[row] = new float[] {LOG_HALF, LOG_HALF};
                continue;
            }
            double h = hiddenStates[query][node];
            // Logits (-h/2, h/2): log p(1) = -log(1 + e^-h), log p(0) = -log(1 + e^h), both computed stably.
            result[row] = new float[] {(float) -softplus(h), (float) -softplus(-h)};
        }
        return result;
    }

    private int checkQuery(int query) {
        if (query < 0 || query >= hiddenStates.length) {
            throw new IllegalArgumentException("Query index " + query + " is outside [0, " + hiddenStates.length + ")");
        }
        return query;
    }

    /** Returns {@code log(1 + e^x)} without overflow. */
    private static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    private static double logAddExp(double a, double b) {
        double max = Math.max(a, b);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(-Math.abs(a - b)));
    }
}
