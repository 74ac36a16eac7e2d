package org.arr.loss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Random prefix-free docID sets and graded relevance for loss property tests. */
final class LossFixtures {

    private LossFixtures() {
    }

    /** Returns 1 .. maxDocuments random prefix-free docIDs of length 1 .. maxDepth. */
    static int[][] docIds(Random random, int vocabulary, int maxDepth, int maxDocuments) {
        List<int[]> docIds = new ArrayList<>();
        grow(random, new int[0], vocabulary, maxDepth, maxDocuments, docIds);
        return docIds.toArray(new int[0][]);
    }

    private static void grow(Random random, int[] prefix, int vocabulary, int maxDepth, int maxDocuments, List<int[]> out) {
        if (prefix.length == maxDepth || (prefix.length > 0 && random.nextDouble() < 0.3) || out.size() >= maxDocuments) {
            if (prefix.length > 0) {
                out.add(prefix);
            }
            return;
        }
        int[] tokens = random.ints(0, vocabulary).distinct().limit(1 + random.nextInt(vocabulary)).sorted().toArray();
        for (int token : tokens) {
            if (out.size() >= maxDocuments) {
                return;
            }
            int[] child = Arrays.copyOf(prefix, prefix.length + 1);
            child[prefix.length] = token;
            grow(random, child, vocabulary, maxDepth, maxDocuments, out);
        }
    }

    /** Returns 1 .. documents distinct relevant documents with integer grades 1 .. 3. */
    static GradedRelevance relevance(Random random, int documents) {
        int[] relevant = random.ints(0, documents).distinct().limit(1 + random.nextInt(documents)).toArray();
        double[] grades = new double[relevant.length];
        for (int j = 0; j < grades.length; j++) {
            grades[j] = 1 + random.nextInt(3);
        }
        return new GradedRelevance(relevant, grades);
    }
}
