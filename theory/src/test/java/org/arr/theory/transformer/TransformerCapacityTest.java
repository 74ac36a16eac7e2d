package org.arr.theory.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.arr.loss.GradedRelevance;
import org.arr.theory.capacity.RankingTargets;
import org.junit.jupiter.api.Test;

class TransformerCapacityTest {

    @Test
    void fullRankingGradesCountDownToZero() {
        RankingTargets targets = RankingTargets.fullRankings(new int[][] {{2, 0, 3, 1}}, 4);

        GradedRelevance relevance = TransformerCapacity.relevance(targets, 0);

        assertArrayEquals(new int[] {2, 0, 3}, relevance.documents());
        assertArrayEquals(new double[] {3, 2, 1}, relevance.grades());
    }

    @Test
    void topKGradesMembersOne() {
        RankingTargets targets = RankingTargets.topK(new int[][] {{4, 1}}, 5);

        GradedRelevance relevance = TransformerCapacity.relevance(targets, 0);

        assertArrayEquals(new int[] {1, 4}, relevance.documents());
        assertArrayEquals(new double[] {1, 1}, relevance.grades());
    }

    @Test
    void binaryTransformerLearnsAllRankingsOfThree() {
        int[][] permutations = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        RankingTargets targets = RankingTargets.fullRankings(permutations, 3);
        TransformerCapacity.Settings settings = new TransformerCapacity.Settings(8, 1, 1, 4, 300, 16, 0.01, 1);

        TransformerCapacity.Result result = TransformerCapacity.train(targets, TransformerCapacity.DocIdKind.BINARY, settings);

        assertFalse(result.diverged());
        assertEquals(6, result.realizedQueries());
    }
}
