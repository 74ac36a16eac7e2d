package org.arr.theory.construction;

import java.util.Arrays;
import org.arr.decode.NextTokenScorer;
import org.arr.trie.PrefixTree;

/**
 * Exact document log-probabilities under a causal docID model: {@code log p(d | q) = sum_i log p(t_i(d) | q,
 * t_<i(d))} for every document, by teacher forcing. Every inner node of the prefix tree is scored once per
 * query, all in one batch, and each document sums the log-probabilities along its root-to-leaf path. This is
 * the exact ranking the model defines, the oracle against which beam search is checked.
 */
public final class ExhaustiveScorer {

    private final PrefixTree tree;
    private final int[][] nodePrefixes;
    private final int[] innerNodes;

    /**
     * Prepares scoring over a set of docIDs.
     *
     * @param docIds docID of each document, prefix-free
     * @param vocabularySize tokens are {@code 0 .. V-1}
     * @throws IllegalArgumentException if the docIDs do not form a valid prefix tree
     */
    public ExhaustiveScorer(int[][] docIds, int vocabularySize) {
        this.tree = PrefixTree.build(docIds, vocabularySize);
        this.nodePrefixes = new int[tree.nodeCount()][];
        for (int[] docId : docIds) {
            for (int length = 0; length <= docId.length; length++) {
                int[] prefix = Arrays.copyOf(docId, length);
                int node = tree.nodeOf(prefix);
                if (nodePrefixes[node] == null) {
                    nodePrefixes[node] = prefix;
                }
            }
        }
        this.innerNodes = java.util.stream.IntStream.range(0, tree.nodeCount())
                .filter(node -> tree.documentAt(node) < 0)
                .toArray();
    }

    public PrefixTree tree() {
        return tree;
    }

    /**
     * Returns {@code log p(d | q)} for every document and each query, indexed {@code [query][document]}.
     *
     * @param model the causal docID model
     * @param queryTokens the token ids of each query
     * @throws IllegalArgumentException if the model's vocabulary differs from the docIDs' vocabulary
     */
    public double[][] score(NextTokenScorer model, int[][] queryTokens) {
        if (model.vocabularySize() != tree.vocabularySize()) {
            throw new IllegalArgumentException("The model has a vocabulary of " + model.vocabularySize()
                    + " tokens, the docIDs use " + tree.vocabularySize());
        }
        int rowsPerQuery = innerNodes.length;
        int[][] batchQueries = new int[queryTokens.length * rowsPerQuery][];
        int[][] batchPrefixes = new int[batchQueries.length][];
        for (int q = 0; q < queryTokens.length; q++) {
            for (int i = 0; i < rowsPerQuery; i++) {
                batchQueries[q * rowsPerQuery + i] = queryTokens[q];
                batchPrefixes[q * rowsPerQuery + i] = nodePrefixes[innerNodes[i]];
            }
        }
        float[][] logProbabilities = model.nextTokenLogProbabilities(batchQueries, batchPrefixes);

        double[][] scores = new double[queryTokens.length][tree.documentCount()];
        int[] rowOfNode = new int[tree.nodeCount()];
        for (int i = 0; i < rowsPerQuery; i++) {
            rowOfNode[innerNodes[i]] = i;
        }
        for (int q = 0; q < queryTokens.length; q++) {
            // Nodes are numbered so that parents precede children, so one forward sweep accumulates path sums.
            double[] pathLogProbability = new double[tree.nodeCount()];
            for (int node = 0; node < tree.nodeCount(); node++) {
                if (tree.documentAt(node) >= 0) {
                    continue;
                }
                float[] row = logProbabilities[q * rowsPerQuery + rowOfNode[node]];
                for (int token : tree.childTokens(node)) {
                    pathLogProbability[tree.child(node, token)] = pathLogProbability[node] + row[token];
                }
            }
            for (int doc = 0; doc < tree.documentCount(); doc++) {
                scores[q][doc] = pathLogProbability[tree.leafOf(doc)];
            }
        }
        return scores;
    }
}
