package org.arr.theory.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.arr.theory.capacity.RankingTargets;
import org.junit.jupiter.api.Test;

class TransformerCapacityTest {

    private static final int[][] PERMUTATIONS_OF_THREE = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

    @Test
    void binaryTransformerLearnsAllRankingsOfThree() {
        RankingTargets targets = RankingTargets.fullRankings(PERMUTATIONS_OF_THREE, 3);
        TransformerCapacity.Settings settings = new TransformerCapacity.Settings(4, 1, 1, 4, 1, 400, 0.03, 400, 1, 1);

        TransformerCapacity.Result result = TransformerCapacity.train(targets, TransformerCapacity.DocIdKind.BINARY, settings);

        assertFalse(result.diverged());
        assertEquals(6, result.realizedQueries());
    }
}
