package org.arr.reports.stats;

/**
 * Paired tests of one variant against the baseline on per-query values.
 *
 * @param pairs number of queries compared
 * @param meanDifference mean of {@code variant - baseline} over the pairs
 * @param tStatistic paired t statistic, NaN when it is undefined (fewer than 2 pairs, or all differences equal)
 * @param tPValue two-sided p-value of the paired t-test, NaN when the test could not run
 * @param wilcoxonPValue two-sided p-value of the Wilcoxon signed-rank test, NaN when it could not run
 * @param wilcoxonMethod how the Wilcoxon p-value was computed
 * @param nonZeroPairs pairs with a non-zero difference, the sample size of the Wilcoxon test
 */
public record PairedComparison(int pairs, double meanDifference, double tStatistic, double tPValue,
        double wilcoxonPValue, WilcoxonMethod wilcoxonMethod, int nonZeroPairs) {

    /** Method behind a Wilcoxon signed-rank p-value. */
    public enum WilcoxonMethod {
        /** Exact null distribution: at most {@link PairedTests#MAX_EXACT_PAIRS} non-zero differences, no ties. */
        EXACT("exact"),
        /** Normal approximation with continuity correction, without tie correction of the variance. */
        NORMAL_APPROXIMATION("normal approximation"),
        /** Every difference is zero: no evidence of a difference, p = 1. */
        ALL_ZERO("all differences zero");

        private final String description;

        WilcoxonMethod(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
