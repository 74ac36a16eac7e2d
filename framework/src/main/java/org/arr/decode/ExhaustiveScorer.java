package org.arr.decode;

import java.util.Arrays;
import org.arr.trie.PrefixTree;

/**
 * Exact {@code log p(d | q) = sum_i log p(t_i(d) | q, t_<i(d))} for every document of a trie (batched teacher
 * forcing): the ranking the model defines, used as the oracle for beam search and for small corpora.
 *
 * <p>Only the next-token distribution at each inner trie node is needed, and the {@link ProbePaths} yield all of
 * them with one {@link NextTokenScorer#logProbabilitiesAlong} row per probe instead of one per document. Scores accumulate in {@code double} from the root down, in the same order as {@link BeamSearch}.
 */
public final class ExhaustiveScorer {

    /** Rows (query, probe) sent to the scorer per call; bounds the memory of the returned distributions. */
    private static final int ROWS_PER_CALL = 2048;

    private final PrefixTree trie;
    private final ProbePaths probePaths;
    private final int[][] probes;

    public ExhaustiveScorer(PrefixTree trie) {
        this.trie = trie;
        this.probePaths = new ProbePaths(trie);
        this.probes = probePaths.paths();
    }

    /** Returns the number of scorer rows each query needs. */
    public int rowsPerQuery() {
        return probes.length;
    }

    /**
     * Scores every document for every query.
     *
     * @return {@code [query][document]} log-probabilities, documents indexed as in the trie
     * @throws IllegalArgumentException if the scorer's vocabulary differs from the trie's
     */
    public double[][] score(NextTokenScorer scorer, int[][] queries) {
        if (scorer.vocabularySize() != trie.vocabularySize()) {
            throw new IllegalArgumentException("Scorer vocabulary " + scorer.vocabularySize()
                    + " differs from the docID vocabulary " + trie.vocabularySize());
        }
        double[][] result = new double[queries.length][];
        if (probes.length == 0) {
            for (int q = 0; q < queries.length; q++) {
                result[q] = new double[trie.documentCount()];
            }
            return result;
        }
        int queriesPerCall = Math.max(1, ROWS_PER_CALL / probes.length);
        for (int from = 0; from < queries.length; from += queriesPerCall) {
            int to = Math.min(queries.length, from + queriesPerCall);
            int[][] rowQueries = new int[(to - from) * probes.length][];
            int[][] rowSequences = new int[rowQueries.length][];
            for (int q = from; q < to; q++) {
                for (int p = 0; p < probes.length; p++) {
                    rowQueries[(q - from) * probes.length + p] = queries[q];
                    rowSequences[(q - from) * probes.length + p] = probes[p];
                }
            }
            float[][][] along = scorer.logProbabilitiesAlong(rowQueries, rowSequences);
            for (int q = from; q < to; q++) {
                result[q] = documentScores(along, (q - from) * probes.length);
            }
        }
        return result;
    }

    private double[] documentScores(float[][][] along, int firstRow) {
        int nodes = trie.nodeCount();
        double[] nodeLogp = new double[nodes];

        // Node ids follow depth-first order, so a parent is always finished before its children.
        for (int node = 1; node < nodes; node++) {
            int parent = trie.parent(node);
            float[] distribution = along[firstRow + probePaths.sourceProbe(parent)][trie.depth(parent)];
            nodeLogp[node] = nodeLogp[parent] + distribution[probePaths.token(node)];
        }
        double[] documents = new double[trie.documentCount()];
        for (int d = 0; d < documents.length; d++) {
            documents[d] = nodeLogp[trie.leafOf(d)];
        }
        return documents;
    }

    /**
     * Returns document indices by decreasing score, equal scores by increasing document index.
     *
     * @param scores one score per document
     */
    public static int[] ranking(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int d = 0; d < scores.length; d++) {
            order[d] = d;
        }
        Arrays.sort(order, (a, b) -> {
            int byScore = Double.compare(scores[b], scores[a]);
            return byScore != 0 ? byScore : Integer.compare(a, b);
        });
        int[] ranking = new int[scores.length];
        for (int i = 0; i < ranking.length; i++) {
            ranking[i] = order[i];
        }
        return ranking;
    }
}
