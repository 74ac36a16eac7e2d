package org.arr.theory.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.arr.theory.capacity.Permutations;
import org.arr.theory.capacity.RankingTargets;
import org.arr.theory.construction.BinaryDocIds;
import org.junit.jupiter.api.Test;

class TransformerCapacityTest {

    private static final int[][] PERMUTATIONS_OF_THREE = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

    @Test
    void binaryTransformerLearnsAllRankingsOfThree() {
        RankingTargets targets = RankingTargets.fullRankings(PERMUTATIONS_OF_THREE, 3);
        TransformerCapacity.Settings settings = new TransformerCapacity.Settings(4, 1, 1, 4, 1, 400, 0.03, 0.03, 400, 1, 1);

        TransformerCapacity.Result result = TransformerCapacity.train(targets, TransformerCapacity.DocIdKind.BINARY, settings);

        assertFalse(result.diverged());
        assertEquals(6, result.realizedQueries());
    }

    @Test
    void atomicTransformerStaysWithinCoverBound() {
        // N_lin(4, 2) = 12 < 24: with dModel 2 the atomic scores are linear functionals in R^2, so at most 12 of the
        // 24 permutations of 4 documents can be realized, however long the training.
        RankingTargets targets = RankingTargets.fullRankings(Permutations.all(4), 4);
        TransformerCapacity.Settings settings = new TransformerCapacity.Settings(2, 1, 1, 4, 2, 300, 0.03, 0.03, 300, 1, 1);

        TransformerCapacity.Result result = TransformerCapacity.train(targets, TransformerCapacity.DocIdKind.ATOMIC, settings);

        assertFalse(result.diverged());
        assertTrue(result.realizedQueries() <= 12, "realized " + result.realizedQueries());
    }

    @Test
    void learningRateWarmsUpThenDecaysToFinalRate() {
        // 105 steps: 5 warm-up steps, then a half cosine from 0.02 to 0.0001 over the remaining 100, so step 55 is
        // halfway down: 0.0001 + (0.02 - 0.0001) / 2 = 0.01005.
        TransformerCapacity.Settings settings = new TransformerCapacity.Settings(4, 1, 1, 4, 1, 105, 0.02, 0.0001, 105, 1, 1);

        assertEquals(0.004, TransformerCapacity.learningRate(settings, 5, 1), 1e-12);
        assertEquals(0.02, TransformerCapacity.learningRate(settings, 5, 5), 1e-12);
        assertEquals(0.01005, TransformerCapacity.learningRate(settings, 5, 55), 1e-12);
        assertEquals(0.0001, TransformerCapacity.learningRate(settings, 5, 105), 1e-12);
    }

    @Test
    void binaryRepresentativesCoverEveryInnerNode() {
        // n = 7: docIDs 000, 001, 010, 011, 100, 101, 11. Document 0 is the first under the prefixes (), 0 and 00,
        // document 2 under 01, document 4 under 1 and 10.
        int[][] docIds = BinaryDocIds.assign(7);

        assertArrayEquals(new int[] {0, 2, 4}, TransformerCapacity.prefixRepresentatives(docIds));
    }

    @Test
    void atomicRepresentativeIsOneRow() {
        int[][] docIds = {{0}, {1}, {2}, {3}};

        assertArrayEquals(new int[] {0}, TransformerCapacity.prefixRepresentatives(docIds));
    }

    @Test
    void selectorSumsEachDocumentPath() {
        int[][] docIds = BinaryDocIds.assign(3);
        int[] representatives = TransformerCapacity.prefixRepresentatives(docIds);
        int length = 2;
        int vocabulary = 2;

        float[] selector = TransformerCapacity.selector(docIds, representatives, length, vocabulary);

        for (int d = 0; d < docIds.length; d++) {
            float ones = 0;
            for (int entry = d; entry < selector.length; entry += docIds.length) {
                ones += selector[entry];
            }
            assertEquals(docIds[d].length, ones, 0, "document " + d);
        }
    }
}
