package org.arr.theory.counting;

import java.math.BigInteger;

/**
 * Unsigned Stirling numbers of the first kind {@code |s(n, k)|}: the number of permutations of {@code n}
 * elements with exactly {@code k} cycles, equivalently the coefficients of the rising factorial
 * {@code x (x+1) ... (x+n-1) = sum_k |s(n, k)| x^k}.
 *
 * <p>Computed exactly from the recurrence {@code |s(n+1, k)| = n |s(n, k)| + |s(n, k-1)|} with
 * {@code |s(0, 0)| = 1} and {@code |s(n, 0)| = |s(0, k)| = 0} otherwise. Row {@code n} sums to {@code n!}.
 */
public final class StirlingNumbers {

    private StirlingNumbers() {
    }

    /**
     * Returns the rows {@code 0 .. maxN} of the triangle: {@code table[n][k] = |s(n, k)|} for {@code 0 <= k <= n}.
     *
     * @throws IllegalArgumentException if {@code maxN < 0}
     */
    public static BigInteger[][] unsignedFirstKindTable(int maxN) {
        if (maxN < 0) {
            throw new IllegalArgumentException("maxN must be >= 0, got " + maxN);
        }
        BigInteger[][] table = new BigInteger[maxN + 1][];
        table[0] = new BigInteger[] {BigInteger.ONE};
        for (int n = 1; n <= maxN; n++) {
            BigInteger[] previous = table[n - 1];
            BigInteger[] row = new BigInteger[n + 1];
            BigInteger factor = BigInteger.valueOf(n - 1);
            row[0] = BigInteger.ZERO;
            for (int k = 1; k <= n; k++) {
                BigInteger stay = k < n ? previous[k].multiply(factor) : BigInteger.ZERO;
                row[k] = stay.add(previous[k - 1]);
            }
            table[n] = row;
        }
        return table;
    }

    /**
     * Returns {@code |s(n, k)|}; zero when {@code k > n}.
     *
     * @throws IllegalArgumentException if {@code n < 0} or {@code k < 0}
     */
    public static BigInteger unsignedFirstKind(int n, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        if (k > n) {
            return BigInteger.ZERO;
        }
        return unsignedFirstKindTable(n)[n][k];
    }
}
