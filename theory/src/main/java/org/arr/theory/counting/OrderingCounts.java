package org.arr.theory.counting;

import java.math.BigInteger;

/**
 * Exact counts of the orderings of {@code n} points in general position in {@code R^dim} that a dot product
 * or a Euclidean distance can induce, computed with {@link BigInteger}.
 *
 * <p><b>Linear orderings</b> {@code N_lin(n, dim)}: the number of distinct strict orderings of {@code n} points
 * in general position in {@code R^dim} by the value of a linear functional {@code x -> <w, x>}, over all
 * directions {@code w}. A dual encoder scores {@code <f(q), g(d)>}, so with {@code n} fixed document vectors its
 * queries can realize at most {@code N_lin(n, dim)} rankings. T. M. Cover, "The number of linearly inducible
 * orderings of points in d-space", SIAM J. Appl. Math. 15(2):434-439, 1967, gives the recurrence
 * <pre>
 *   N_lin(n+1, dim) = N_lin(n, dim) + n * N_lin(n, dim-1)
 * </pre>
 * with the boundary conditions {@code N_lin(1, dim) = 1} (one point has one ordering) and
 * {@code N_lin(n, 1) = 2} for {@code n >= 2} (on a line only the two directions differ). The rule
 * {@code N_lin(n, 1) = 2} does not hold at {@code n = 1}, where the count is 1. OEIS A071223 lists the table
 * ({@code 2; 2, 6; 2, 12, 24; 2, 20, 72, 120; ...}) and states {@code N_lin(n, dim) = n!} for {@code dim >= n-1}.
 *
 * <p><b>Euclidean distance permutations</b> {@code N_euc(n, dim)}: the number of distinct orderings of {@code n}
 * points in general position by their distance from a query point that moves through {@code R^dim}:
 * <pre>
 *   N_euc(n, dim) = sum_{i=0..min(dim, n-1)} |s(n, n-i)|
 * </pre>
 * with {@code |s|} the unsigned Stirling numbers of the first kind ({@link StirlingNumbers}). The orderings are the
 * cells of the arrangement of the {@code C(n, 2)} bisector hyperplanes. The map
 * {@code y -> (|y - x_i|^2 - |y|^2)_i} is affine, so this arrangement is a generic {@code dim}-dimensional affine
 * section of the braid arrangement {@code {z_i = z_j}}, whose characteristic polynomial has the coefficients
 * {@code |s(n, k)|}; Zaslavsky's theorem then gives the sum above. W. D. Smith, "D-dimensional orderings and
 * Stirling numbers" (rangevoting.org, 2014) treats both counts; the property tests check the formula against
 * orderings sampled from random point sets.
 *
 * <p>Both counts reach {@code n!} exactly at {@code dim = n-1}: a dual encoder that realizes every ranking of
 * {@code n} documents needs dimension growing linearly with {@code n}.
 */
public final class OrderingCounts {

    private OrderingCounts() {
    }

    /**
     * Returns {@code n!}.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public static BigInteger factorial(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        BigInteger result = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            result = result.multiply(BigInteger.valueOf(i));
        }
        return result;
    }

    /**
     * Returns Cover's {@code N_lin(n, dim)}, the number of orderings of {@code n} points in general position in
     * {@code R^dim} induced by linear functionals.
     *
     * @throws IllegalArgumentException if {@code n < 1} or {@code dim < 1}
     */
    public static BigInteger linearOrderings(int n, int dim) {
        return linearOrderingsTable(n, dim)[n][dim];
    }

    /**
     * Returns {@code table[n][dim] = N_lin(n, dim)} for {@code 1 <= n <= maxN} and {@code 1 <= dim <= maxDim};
     * row and column 0 are null. Filled by Cover's recurrence from the boundary conditions.
     *
     * @throws IllegalArgumentException if {@code maxN < 1} or {@code maxDim < 1}
     */
    public static BigInteger[][] linearOrderingsTable(int maxN, int maxDim) {
        checkArguments(maxN, maxDim);
        BigInteger[][] table = new BigInteger[maxN + 1][maxDim + 1];
        BigInteger two = BigInteger.valueOf(2);
        for (int dim = 1; dim <= maxDim; dim++) {
            table[1][dim] = BigInteger.ONE;
        }
        for (int n = 2; n <= maxN; n++) {
            table[n][1] = two;
            BigInteger previousCount = BigInteger.valueOf(n - 1);
            for (int dim = 2; dim <= maxDim; dim++) {
                table[n][dim] = table[n - 1][dim].add(previousCount.multiply(table[n - 1][dim - 1]));
            }
        }
        return table;
    }

    /**
     * Returns {@code N_euc(n, dim) = sum_{i=0..min(dim, n-1)} |s(n, n-i)|}, the number of Euclidean distance
     * permutations of {@code n} points in general position in {@code R^dim}.
     *
     * @throws IllegalArgumentException if {@code n < 1} or {@code dim < 1}
     */
    public static BigInteger distancePermutations(int n, int dim) {
        checkArguments(n, dim);
        return distancePermutations(StirlingNumbers.unsignedFirstKindTable(n)[n], n, dim);
    }

    /**
     * Returns {@code N_euc(n, dim)} from a precomputed Stirling row {@code stirlingRow[k] = |s(n, k)|}.
     *
     * @throws IllegalArgumentException if {@code n < 1}, {@code dim < 1} or the row has the wrong length
     */
    public static BigInteger distancePermutations(BigInteger[] stirlingRow, int n, int dim) {
        checkArguments(n, dim);
        if (stirlingRow.length != n + 1) {
            throw new IllegalArgumentException("Expected the Stirling row of n = " + n + " (length " + (n + 1)
                    + "), got length " + stirlingRow.length);
        }
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i <= Math.min(dim, n - 1); i++) {
            sum = sum.add(stirlingRow[n - i]);
        }
        return sum;
    }

    /**
     * Returns the smallest {@code dim >= 1} with {@code N_lin(n, dim) = n!}; this is {@code n-1} for
     * {@code n >= 2} and 1 for {@code n = 1}.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static int smallestFullLinearDimension(int n) {
        return smallestLinearDimension(n, factorial(n));
    }

    /**
     * Returns the smallest {@code dim >= 1} with {@code N_euc(n, dim) = n!}.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static int smallestFullDistanceDimension(int n) {
        checkArguments(n, 1);
        BigInteger[] row = StirlingNumbers.unsignedFirstKindTable(n)[n];
        BigInteger all = factorial(n);
        int dim = 1;
        while (distancePermutations(row, n, dim).compareTo(all) < 0) {
            dim++;
        }
        return dim;
    }

    /**
     * Returns the smallest {@code dim >= 1} with {@code N_lin(n, dim) >= required}: the counting lower bound on
     * the dimension of a dual encoder whose {@code n} document vectors realize {@code required} distinct rankings.
     *
     * @throws IllegalArgumentException if {@code n < 1}, {@code required < 1} or {@code required > n!}
     */
    public static int smallestLinearDimension(int n, BigInteger required) {
        checkArguments(n, 1);
        if (required.signum() <= 0 || required.compareTo(factorial(n)) > 0) {
            throw new IllegalArgumentException("The number of rankings must be in [1, n!] for n = " + n + ", got "
                    + required);
        }
        int maxDim = Math.max(1, n - 1);
        BigInteger[][] table = linearOrderingsTable(n, maxDim);
        int dim = 1;
        while (table[n][dim].compareTo(required) < 0) {
            dim++;
        }
        return dim;
    }

    private static void checkArguments(int n, int dim) {
        if (n < 1) {
            throw new IllegalArgumentException("The number of points n must be >= 1, got " + n);
        }
        if (dim < 1) {
            throw new IllegalArgumentException("The dimension must be >= 1, got " + dim);
        }
    }
}
