package org.arr.theory.counting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Orderings observed on random point sets never exceed the exact counts. */
class SampledOrderingsTest {

    private static final int QUERIES = 3000;

    @Property(tries = 25)
    void linearOrderingsSeenNeverExceedCoverCount(@ForAll @IntRange(min = 2, max = 7) int n,
            @ForAll @IntRange(min = 1, max = 4) int dim, @ForAll long seed) {
        Random random = new Random(seed);
        double[][] points = gaussianPoints(random, n, dim);
        Set<List<Integer>> seen = new HashSet<>();
        for (int i = 0; i < QUERIES; i++) {
            double[] direction = gaussianPoints(random, 1, dim)[0];
            double[] scores = new double[n];
            for (int p = 0; p < n; p++) {
                scores[p] = dot(points[p], direction);
            }
            seen.add(argsort(scores));
        }
        BigInteger bound = OrderingCounts.linearOrderings(n, dim);
        assertTrue(BigInteger.valueOf(seen.size()).compareTo(bound) <= 0,
                seen.size() + " linear orderings seen, bound N_lin(" + n + ", " + dim + ") = " + bound);
    }

    @Property(tries = 25)
    void distanceOrderingsSeenNeverExceedCount(@ForAll @IntRange(min = 2, max = 7) int n,
            @ForAll @IntRange(min = 1, max = 4) int dim, @ForAll long seed) {
        Random random = new Random(seed);
        double[][] points = gaussianPoints(random, n, dim);
        Set<List<Integer>> seen = new HashSet<>();
        for (int i = 0; i < QUERIES; i++) {
            double[] query = gaussianPoints(random, 1, dim)[0];
            for (int k = 0; k < dim; k++) {
                query[k] *= 3;
            }
            double[] scores = new double[n];
            for (int p = 0; p < n; p++) {
                double squared = 0;
                for (int k = 0; k < dim; k++) {
                    double difference = points[p][k] - query[k];
                    squared += difference * difference;
                }
                scores[p] = -squared;
            }
            seen.add(argsort(scores));
        }
        BigInteger bound = OrderingCounts.distancePermutations(n, dim);
        assertTrue(BigInteger.valueOf(seen.size()).compareTo(bound) <= 0,
                seen.size() + " distance orderings seen, bound N_euc(" + n + ", " + dim + ") = " + bound);
    }

    private static double[][] gaussianPoints(Random random, int count, int dim) {
        double[][] points = new double[count][dim];
        for (double[] point : points) {
            for (int k = 0; k < dim; k++) {
                point[k] = random.nextGaussian();
            }
        }
        return points;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    private static List<Integer> argsort(double[] scores) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        return List.of(order);
    }
}
