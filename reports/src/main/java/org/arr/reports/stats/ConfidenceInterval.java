package org.arr.reports.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Mean of values over seeds with its Student-t confidence interval:
 * {@code mean ± t_{1-(1-level)/2, n-1} · s / sqrt(n)}, where {@code s} is the sample standard deviation
 * (divisor {@code n-1}). With one value there is no interval: {@link #hasInterval()} is false and the half
 * width is NaN.
 *
 * @param mean arithmetic mean of the values
 * @param halfWidth half width of the interval, NaN when {@code n < 2}
 * @param standardDeviation sample standard deviation, NaN when {@code n < 2}
 * @param n number of values
 * @param level confidence level, e.g. 0.95
 */
public record ConfidenceInterval(double mean, double halfWidth, double standardDeviation, int n, double level) {

    /** The confidence level reports use. */
    public static final double LEVEL_95 = 0.95;

    /**
     * Computes the mean and the Student-t interval of {@code values}.
     *
     * @throws IllegalArgumentException if {@code values} is empty, contains NaN, or the level is not in (0, 1)
     */
    public static ConfidenceInterval of(double[] values, double level) {
        if (values.length == 0) {
            throw new IllegalArgumentException("Cannot compute a confidence interval of no values");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("Invalid confidence level " + level + "; expected a value in (0, 1)");
        }
        SummaryStatistics statistics = new SummaryStatistics();
        for (double value : values) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("Cannot compute a confidence interval over NaN values");
            }
            statistics.addValue(value);
        }

        int n = values.length;
        if (n < 2) {
            return new ConfidenceInterval(statistics.getMean(), Double.NaN, Double.NaN, n, level);
        }
        double standardDeviation = statistics.getStandardDeviation();
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        return new ConfidenceInterval(statistics.getMean(), t * standardDeviation / Math.sqrt(n), standardDeviation, n,
                level);
    }

    /** Returns whether an interval exists, i.e. there are at least two values. */
    public boolean hasInterval() {
        return n >= 2;
    }

    public double lower() {
        return mean - halfWidth;
    }

    public double upper() {
        return mean + halfWidth;
    }
}
