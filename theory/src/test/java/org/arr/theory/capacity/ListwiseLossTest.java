package org.arr.theory.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ListwiseLossTest {

    @Property(tries = 100)
    void gradientMatchesFiniteDifferences(@ForAll @IntRange(min = 2, max = 12) int n, @ForAll long seed) {
        Random random = new Random(seed);
        RankingTargets targets = RankingTargets.fromGrades(new int[][] {randomGrades(random, n)});
        double[] scores = randomScores(random, n);
        double[] gradient = new double[n];
        ListwiseLoss.lossAndGradient(scores, targets.order(0), targets.tierStarts(0), gradient, new double[n + 1]);

        double step = 1e-6;
        for (int doc = 0; doc < n; doc++) {
            double[] plus = scores.clone();
            double[] minus = scores.clone();
            plus[doc] += step;
            minus[doc] -= step;
            double numeric = (loss(targets, plus) - loss(targets, minus)) / (2 * step);
            assertEquals(numeric, gradient[doc], 1e-6, "dL/ds of document " + doc);
        }
    }

    @Property(tries = 100)
    void fullRankingLossIsListMle(@ForAll @IntRange(min = 2, max = 10) int n, @ForAll long seed) {
        Random random = new Random(seed);
        int[] permutation = Permutations.sample(n, 1, seed)[0];
        double[] scores = randomScores(random, n);

        double expected = 0;
        for (int i = 0; i < n; i++) {
            double denominator = 0;
            for (int j = i; j < n; j++) {
                denominator += Math.exp(scores[permutation[j]]);
            }
            expected += Math.log(denominator) - scores[permutation[i]];
        }
        assertEquals(expected, loss(RankingTargets.fullRankings(new int[][] {permutation}, n), scores), 1e-9);
    }

    @Property(tries = 100)
    void topKLossIsInfoNce(@ForAll @IntRange(min = 3, max = 10) int n, @ForAll long seed) {
        Random random = new Random(seed);
        int k = 1 + random.nextInt(n - 1);
        int[] relevant = java.util.Arrays.copyOf(Permutations.sample(n, 1, seed)[0], k);
        double[] scores = randomScores(random, n);

        java.util.Set<Integer> relevantSet = java.util.Arrays.stream(relevant).boxed().collect(java.util.stream.Collectors.toSet());
        double negatives = 0;
        for (int doc = 0; doc < n; doc++) {
            if (!relevantSet.contains(doc)) {
                negatives += Math.exp(scores[doc]);
            }
        }
        double expected = 0;
        for (int doc : relevant) {
            expected += -Math.log(Math.exp(scores[doc]) / (Math.exp(scores[doc]) + negatives)) / k;
        }
        assertEquals(expected, loss(RankingTargets.topK(new int[][] {relevant}, n), scores), 1e-9);
    }

    @Property(tries = 50)
    void extremeScoresStayFinite(@ForAll @IntRange(min = 2, max = 10) int n, @ForAll long seed) {
        Random random = new Random(seed);
        RankingTargets targets = RankingTargets.fromGrades(new int[][] {randomGrades(random, n)});
        double[] scores = randomScores(random, n);
        for (int i = 0; i < n; i++) {
            scores[i] *= 1e4;
        }
        double[] gradient = new double[n];
        double value = ListwiseLoss.lossAndGradient(scores, targets.order(0), targets.tierStarts(0), gradient, new double[n + 1]);
        assertEquals(true, Double.isFinite(value), "loss " + value);
        for (double g : gradient) {
            assertEquals(true, Double.isFinite(g), "gradient " + g);
        }
    }

    private static double loss(RankingTargets targets, double[] scores) {
        int n = scores.length;
        return ListwiseLoss.lossAndGradient(scores, targets.order(0), targets.tierStarts(0), new double[n], new double[n + 1]);
    }

    private static int[] randomGrades(Random random, int n) {
        int[] grades = new int[n];
        do {
            for (int i = 0; i < n; i++) {
                grades[i] = random.nextInt(4);
            }
        } while (java.util.Arrays.stream(grades).distinct().count() < 2);
        return grades;
    }

    private static double[] randomScores(Random random, int n) {
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextGaussian() * 2;
        }
        return scores;
    }
}
