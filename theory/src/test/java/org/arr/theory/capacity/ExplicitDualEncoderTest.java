package org.arr.theory.capacity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Explicit dual encoders. In {@code dim = n-1} they realize any permutation: with document vectors in general position
 * (affinely independent), the differences {@code g(d_i) - g(d_{n-1})} form a basis of {@code R^{n-1}}, so for any
 * target score vector {@code t} the linear system {@code <q, g(d_i) - g(d_{n-1})> = t_i - t_{n-1}} has a solution
 * {@code q}, and its scores equal {@code t} up to the constant {@code <q, g(d_{n-1})> - t_{n-1}}.
 */
class ExplicitDualEncoderTest {

    @Property(tries = 100)
    void dimensionNMinusOneRealizesAnyPermutation(@ForAll @IntRange(min = 2, max = 12) int n, @ForAll long seed) {
        Random random = new Random(seed);
        int dim = n - 1;
        double[] documents = new double[n * dim];
        for (int i = 0; i < documents.length; i++) {
            documents[i] = random.nextGaussian();
        }
        int[] permutation = Permutations.sample(n, 1, seed)[0];
        double[] target = new double[n];
        for (int rank = 0; rank < n; rank++) {
            target[permutation[rank]] = n - rank;
        }

        RealMatrix differences = new Array2DRowRealMatrix(dim, dim);
        RealVector rightHandSide = new ArrayRealVector(dim);
        for (int i = 0; i < dim; i++) {
            for (int k = 0; k < dim; k++) {
                differences.setEntry(i, k, documents[i * dim + k] - documents[(n - 1) * dim + k]);
            }
            rightHandSide.setEntry(i, target[i] - target[n - 1]);
        }
        double[] query = new LUDecomposition(differences).getSolver().solve(rightHandSide).toArray();

        FreeEmbeddings embeddings = new FreeEmbeddings(dim, query, documents);
        RankingTargets targets = RankingTargets.fullRankings(new int[][] {permutation}, n);
        assertTrue(targets.isRealized(0, embeddings.scores(0)), "permutation " + java.util.Arrays.toString(permutation));
    }

    /**
     * Documents on the moment curve {@code x(t) = (t, t^2, ..., t^{2k})} (vertices of a cyclic polytope) realize
     * every top-{@code k} set in {@code dim = 2k}, for any {@code n}: the query made of the coefficients of
     * {@code -prod_{i in S} (t - t_i)^2} scores {@code p(t) - p(0)} with {@code p <= 0}, zero exactly on {@code S}.
     */
    @Property(tries = 40)
    void momentCurveRealizesEveryTopKSet(@ForAll @IntRange(min = 3, max = 40) int n,
            @ForAll @IntRange(min = 1, max = 2) int k) {
        if (k >= n) {
            return;
        }
        int dim = 2 * k;
        double[] documents = new double[n * dim];
        for (int doc = 0; doc < n; doc++) {
            double t = (doc + 1.0) / n;
            double power = 1;
            for (int j = 0; j < dim; j++) {
                power *= t;
                documents[doc * dim + j] = power;
            }
        }

        int[][] subsets = Permutations.subsets(n, k);
        double[] queries = new double[subsets.length * dim];
        for (int q = 0; q < subsets.length; q++) {
            double[] polynomial = {-1};
            for (int member : subsets[q]) {
                double root = (member + 1.0) / n;
                polynomial = multiply(multiply(polynomial, new double[] {-root, 1}), new double[] {-root, 1});
            }
            System.arraycopy(polynomial, 1, queries, q * dim, dim);
        }

        FreeEmbeddings embeddings = new FreeEmbeddings(dim, queries, documents);
        RankingTargets targets = RankingTargets.topK(subsets, n);
        for (int q = 0; q < subsets.length; q++) {
            assertTrue(targets.isRealized(q, embeddings.scores(q)), "subset " + java.util.Arrays.toString(subsets[q]));
        }
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] product = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                product[i + j] += a[i] * b[j];
            }
        }
        return product;
    }
}
