package org.arr.reports.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction of {@code m} p-values for the family-wise error rate (Holm 1979). With the
 * p-values sorted ascending, {@code p_(1) <= ... <= p_(m)}, the adjusted values are
 * {@code p'_(i) = min(1, max_{j <= i} (m - j + 1) · p_(j))}; a hypothesis is rejected at level alpha when its
 * adjusted p-value is at most alpha. NaN p-values (tests that could not run) stay NaN and do not count in
 * {@code m}.
 */
public final class HolmCorrection {

    private HolmCorrection() {
    }

    /** Returns the Holm-adjusted p-values, in the order of {@code pValues}. */
    public static double[] adjust(double[] pValues) {
        int[] order = IntStream.range(0, pValues.length)
                .filter(i -> !Double.isNaN(pValues[i]))
                .boxed()
                .sorted(Comparator.comparingDouble(i -> pValues[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);

        int m = order.length;
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            double scaled = Math.min(1, (m - rank) * pValues[order[rank]]);
            running = Math.max(running, scaled);
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
