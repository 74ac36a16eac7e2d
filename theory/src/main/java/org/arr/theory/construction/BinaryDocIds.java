package org.arr.theory.construction;

import java.util.Arrays;

/**
 * Binary docIDs for {@code n >= 2} documents: the root-to-leaf paths of a full binary tree with {@code n} leaves
 * (every inner node has both children 0 and 1). The tree splits the documents {@code 0 .. n-1} in order, the
 * first {@code ceil(n/2)} under token 0 and the rest under token 1, recursively, so every docID has length
 * {@code floor(log2 n)} or {@code ceil(log2 n)} and the set is prefix-free.
 */
public final class BinaryDocIds {

    /** The docID vocabulary: tokens 0 and 1. */
    public static final int VOCABULARY_SIZE = 2;

    private BinaryDocIds() {
    }

    /**
     * Returns the docIDs of documents {@code 0 .. n-1}.
     *
     * @throws IllegalArgumentException if {@code n < 2}
     */
    public static int[][] assign(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("Binary docIDs need at least 2 documents, got " + n);
        }
        int[][] docIds = new int[n][];
        fill(docIds, 0, n, new int[0]);
        return docIds;
    }

    private static void fill(int[][] docIds, int from, int to, int[] prefix) {
        if (to - from == 1) {
            docIds[from] = prefix;
            return;
        }
        int middle = from + (to - from + 1) / 2;
        fill(docIds, from, middle, append(prefix, 0));
        fill(docIds, middle, to, append(prefix, 1));
    }

    private static int[] append(int[] prefix, int token) {
        int[] extended = Arrays.copyOf(prefix, prefix.length + 1);
        extended[prefix.length] = token;
        return extended;
    }
}
