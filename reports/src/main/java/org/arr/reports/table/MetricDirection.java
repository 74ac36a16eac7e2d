package org.arr.reports.table;

import java.util.List;
import java.util.Locale;

/**
 * Whether a higher or a lower value of a measure is better. Ranking measures (nDCG, recall, P, MRR, MAP) are
 * better when higher; invalid-docID rates and masses and cost measures (time, latency, memory, FLOPs,
 * parameters) are better when lower. The name decides, so prefixed names such as
 * {@code constrained.invalid_mass} are covered.
 */
public final class MetricDirection {

    private static final List<String> LOWER_IS_BETTER_PARTS = List.of("invalid", "seconds", "latency", "time", "memory",
            "bytes", "flops", "cost", "parameters", "params", "loss");

    private MetricDirection() {
    }

    /** Returns whether lower values of the measure are better. */
    public static boolean lowerIsBetter(String metric) {
        String name = metric.toLowerCase(Locale.ROOT);
        return LOWER_IS_BETTER_PARTS.stream().anyMatch(name::contains);
    }
}
