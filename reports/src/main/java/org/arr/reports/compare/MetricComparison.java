package org.arr.reports.compare;

import org.arr.reports.stats.PairedComparison;

/**
 * One variant against the baseline on one measure, with Holm-adjusted p-values.
 *
 * @param test the paired tests on per-query values (averaged over seeds)
 * @param tPValueHolm paired t-test p-value after Holm's correction over the compared variants
 * @param wilcoxonPValueHolm Wilcoxon p-value after Holm's correction over the compared variants
 */
public record MetricComparison(PairedComparison test, double tPValueHolm, double wilcoxonPValueHolm) {

    /** Returns whether the Holm-adjusted paired t-test rejects equality at level {@code alpha}. */
    public boolean tSignificant(double alpha) {
        return tPValueHolm <= alpha;
    }

    /** Returns whether the Holm-adjusted Wilcoxon test rejects equality at level {@code alpha}. */
    public boolean wilcoxonSignificant(double alpha) {
        return wilcoxonPValueHolm <= alpha;
    }
}
