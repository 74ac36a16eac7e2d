package org.arr.theory.capacity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.data.Splits;
import org.arr.datasets.synthetic.SyntheticTasks;
import org.junit.jupiter.api.Test;

class RankingTargetsTest {

    @Property(tries = 300)
    void realizedMatchesPairwiseDefinition(@ForAll @IntRange(min = 2, max = 8) int n, @ForAll long seed) {
        Random random = new Random(seed);
        int[] grades = randomGrades(random, n);
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            // Few distinct values, so ties and near-orders are common.
            scores[i] = random.nextInt(4);
        }

        boolean expected = true;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (grades[a] > grades[b] && !(scores[a] > scores[b])) {
                    expected = false;
                }
            }
        }
        assertEquals(expected, RankingTargets.fromGrades(new int[][] {grades}).isRealized(0, scores));
    }

    @Property(tries = 300)
    void marginIsSmallestGapBetweenAdjacentGrades(@ForAll @IntRange(min = 2, max = 8) int n, @ForAll long seed) {
        Random random = new Random(seed);
        int[] grades = randomGrades(random, n);
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextInt(5) - 2 + 0.25 * random.nextInt(3);
        }

        // Brute force: the smallest s_a - s_b over pairs where b has the next lower grade present below a's grade.
        int[] present = java.util.Arrays.stream(grades).distinct().sorted().toArray();
        double expected = Double.POSITIVE_INFINITY;
        boolean allPairsOrdered = true;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                int rankA = java.util.Arrays.binarySearch(present, grades[a]);
                int rankB = java.util.Arrays.binarySearch(present, grades[b]);
                if (rankA == rankB + 1) {
                    expected = Math.min(expected, scores[a] - scores[b]);
                }
                if (grades[a] > grades[b] && !(scores[a] > scores[b])) {
                    allPairsOrdered = false;
                }
            }
        }
        RankingTargets targets = RankingTargets.fromGrades(new int[][] {grades});
        assertEquals(expected, targets.margin(0, scores), 1e-12);
        assertEquals(allPairsOrdered, expected > 0);
        assertEquals(allPairsOrdered, targets.isRealized(0, scores));
    }

    /** Returns {@code n} grades in {@code 0..2} with at least two distinct values. */
    private static int[] randomGrades(Random random, int n) {
        int[] grades = new int[n];
        do {
            for (int i = 0; i < n; i++) {
                grades[i] = random.nextInt(3);
            }
        } while (java.util.Arrays.stream(grades).distinct().count() < 2);
        return grades;
    }

    @Test
    void fullRankingHasSingletonTiers() {
        RankingTargets targets = RankingTargets.fullRankings(new int[][] {{2, 0, 1}}, 3);
        assertArrayEquals(new int[] {2, 0, 1}, targets.order(0));
        assertArrayEquals(new int[] {0, 1, 2, 3}, targets.tierStarts(0));
        assertEquals(true, targets.isRealized(0, new double[] {1, 0, 2}));
        assertEquals(false, targets.isRealized(0, new double[] {1, 1, 2}));
        assertEquals(false, targets.isRealized(0, new double[] {1, Double.NaN, 2}));
        assertEquals(1.0, targets.margin(0, new double[] {1, 0, 2}));
        assertEquals(-1.0, targets.margin(0, new double[] {0, 1, 2}));
        assertEquals(Double.NaN, targets.margin(0, new double[] {1, Double.NaN, 2}));
    }

    @Test
    void topKHasTwoTiers() {
        RankingTargets targets = RankingTargets.topK(new int[][] {{3, 1}}, 4);
        assertEquals(2, targets.tierCount(0));
        assertEquals(true, targets.isRealized(0, new double[] {0, 5, 0, 4}));
        assertEquals(false, targets.isRealized(0, new double[] {4, 5, 0, 4}));
    }

    @Test
    void fromTaskReadsPermutationGrades() {
        RankingTargets targets = RankingTargets.fromTask(SyntheticTasks.completeRanking(4), Splits.TRAIN);
        int[][] permutations = Permutations.all(4);
        assertEquals(permutations.length, targets.queryCount());
        for (int q = 0; q < permutations.length; q++) {
            assertArrayEquals(permutations[q], targets.order(q), "query " + q);
            assertEquals(4, targets.tierCount(q));
        }
    }

    @Test
    void fromTaskPutsUnjudgedDocumentsLast() {
        RankingTargets targets = RankingTargets.fromTask(SyntheticTasks.topKSubsets(5, 2), Splits.TRAIN);
        assertEquals(10, targets.queryCount());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, targets.order(0));
        assertArrayEquals(new int[] {0, 2, 5}, targets.tierStarts(0));
    }

    @Test
    void fromTaskRejectsUnknownSplit() {
        assertThrows(IllegalArgumentException.class,
                () -> RankingTargets.fromTask(SyntheticTasks.completeRanking(3), "validation"));
    }

    @Test
    void invalidTargetsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RankingTargets.fullRankings(new int[][] {{0, 0, 1}}, 3));
        assertThrows(IllegalArgumentException.class, () -> RankingTargets.fullRankings(new int[][] {{0, 1}}, 3));
        assertThrows(IllegalArgumentException.class, () -> RankingTargets.fullRankings(new int[0][], 3));
        assertThrows(IllegalArgumentException.class, () -> RankingTargets.topK(new int[][] {{0, 0}}, 3));
        assertThrows(IllegalArgumentException.class, () -> RankingTargets.topK(new int[][] {{0, 1, 2}}, 3));
        assertThrows(IllegalArgumentException.class, () -> RankingTargets.topK(new int[][] {{5}}, 3));
        assertThrows(IllegalArgumentException.class, () -> RankingTargets.fromGrades(new int[][] {{1, 1, 1}}));
    }
}
