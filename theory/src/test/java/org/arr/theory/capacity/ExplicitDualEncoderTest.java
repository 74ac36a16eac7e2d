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
 * A dual encoder in {@code dim = n-1} realizes any permutation: with document vectors in general position
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
}
