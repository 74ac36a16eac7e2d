package org.arr.reports.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Paired significance tests of per-query values, with Apache Commons Math 3.6.1.
 *
 * <p>Paired t-test: {@code t = mean(d) / (s_d / sqrt(n))} with {@code d = variant - baseline}, two-sided p from
 * Student's t with {@code n - 1} degrees of freedom ({@link TTest#pairedTTest}). When every difference is
 * zero the p-value is 1; when every difference is the same non-zero value the variance is zero, the statistic
 * is undefined and the p-value is NaN (not significant).
 *
 * <p>Wilcoxon signed-rank: zero differences are dropped first (Wilcoxon's treatment, as R's
 * {@code wilcox.test} does), because Commons Math ranks them together with the rest. The p-value is exact
 * when at most {@link #MAX_EXACT_PAIRS} non-zero differences remain and their absolute values have no ties;
 * otherwise Commons Math's normal approximation is used.
 */
public final class PairedTests {

    /** Largest sample for which Commons Math 3.6.1 computes the exact Wilcoxon p-value. */
    public static final int MAX_EXACT_PAIRS = 30;

    private PairedTests() {
    }

    /**
     * Compares {@code variant} with {@code baseline}, paired by index.
     *
     * @throws IllegalArgumentException if the arrays differ in length or are empty
     */
    public static PairedComparison compare(double[] variant, double[] baseline) {
        if (variant.length != baseline.length) {
            throw new IllegalArgumentException("Paired tests need arrays of equal length, got " + variant.length + " and "
                    + baseline.length);
        }
        if (variant.length == 0) {
            throw new IllegalArgumentException("Paired tests need at least one pair");
        }
        int n = variant.length;
        double[] differences = new double[n];
        for (int i = 0; i < n; i++) {
            differences[i] = variant[i] - baseline[i];
        }
        double meanDifference = Arrays.stream(differences).average().orElseThrow();

        double tStatistic = Double.NaN;
        double tPValue = Double.NaN;
        boolean allZero = Arrays.stream(differences).allMatch(d -> d == 0);
        boolean allEqual = Arrays.stream(differences).allMatch(d -> d == differences[0]);
        if (allZero) {
            tPValue = 1;
        } else if (n >= 2 && !allEqual) {
            TTest tTest = new TTest();
            tStatistic = tTest.pairedT(variant, baseline);
            tPValue = tTest.pairedTTest(variant, baseline);
        }

        double[] nonZero = Arrays.stream(differences).filter(d -> d != 0).toArray();
        if (nonZero.length == 0) {
            return new PairedComparison(n, meanDifference, tStatistic, tPValue, 1,
                    PairedComparison.WilcoxonMethod.ALL_ZERO, 0);
        }
        boolean exact = nonZero.length <= MAX_EXACT_PAIRS && !hasTiedMagnitudes(nonZero);
        double[] zeros = new double[nonZero.length];
        double wilcoxonPValue = Math.min(1, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(nonZero, zeros, exact));
        return new PairedComparison(n, meanDifference, tStatistic, tPValue, wilcoxonPValue,
                exact ? PairedComparison.WilcoxonMethod.EXACT : PairedComparison.WilcoxonMethod.NORMAL_APPROXIMATION,
                nonZero.length);
    }

    private static boolean hasTiedMagnitudes(double[] differences) {
        double[] magnitudes = Arrays.stream(differences).map(Math::abs).sorted().toArray();
        for (int i = 1; i < magnitudes.length; i++) {
            if (magnitudes[i] == magnitudes[i - 1]) {
                return true;
            }
        }
        return false;
    }
}
