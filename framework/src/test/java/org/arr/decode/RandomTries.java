package org.arr.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.arr.trie.PrefixTree;

/** Random prefix-free docID sets for property tests. */
final class RandomTries {

    private RandomTries() {
    }

    /** Builds a random prefix-free docID set with 1 .. maxDocuments docIDs of length 1 .. maxDepth. */
    static int[][] docIds(Random random, int vocabulary, int maxDepth, int maxDocuments) {
        List<int[]> docIds = new ArrayList<>();
        grow(random, new int[0], vocabulary, maxDepth, maxDocuments, docIds);
        return docIds.toArray(new int[0][]);
    }

    private static void grow(Random random, int[] prefix, int vocabulary, int maxDepth, int maxDocuments, List<int[]> out) {
        boolean leaf = prefix.length == maxDepth || (prefix.length > 0 && random.nextDouble() < 0.3)
                || out.size() >= maxDocuments;
        if (leaf) {
            if (prefix.length > 0) {
                out.add(prefix);
            }
            return;
        }
        int children = 1 + random.nextInt(vocabulary);
        int[] tokens = random.ints(0, vocabulary).distinct().limit(children).toArray();
        java.util.Arrays.sort(tokens);
        for (int token : tokens) {
            if (out.size() >= maxDocuments && prefix.length > 0) {
                return;
            }
            int[] child = java.util.Arrays.copyOf(prefix, prefix.length + 1);
            child[prefix.length] = token;
            grow(random, child, vocabulary, maxDepth, maxDocuments, out);
        }
    }

    static PrefixTree trie(Random random, int vocabulary, int maxDepth, int maxDocuments) {
        return PrefixTree.build(docIds(random, vocabulary, maxDepth, maxDocuments), vocabulary);
    }
}
