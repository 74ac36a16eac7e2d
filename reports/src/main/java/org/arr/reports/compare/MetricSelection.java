package org.arr.reports.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.arr.reports.load.RunRecord;

/** Chooses the measures a report shows and checks that every run has them. */
public final class MetricSelection {

    private MetricSelection() {
    }

    /**
     * Returns the measures to report: {@code requested} when given, else the measures of the runs, in the order
     * of the first run's {@code metrics.json}.
     *
     * @throws IllegalArgumentException if a requested measure is missing from a run, or, without a request, the
     *     runs do not all have the same measures; the message names the runs and the measures involved
     */
    public static List<String> select(List<RunRecord> runs, List<String> requested) {
        if (!requested.isEmpty()) {
            for (RunRecord run : runs) {
                List<String> missing = requested.stream().filter(name -> !run.metrics().containsKey(name)).toList();
                if (!missing.isEmpty()) {
                    throw new IllegalArgumentException("Run " + run.folder() + " has no measure " + missing + " in its"
                            + " metrics.json; it has " + run.metrics().keySet() + ". Choose measures all runs have with"
                            + " --metrics");
                }
            }
            return List.copyOf(new LinkedHashSet<>(requested));
        }

        Map<Set<String>, List<RunRecord>> bySet = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (RunRecord run : runs) {
            bySet.computeIfAbsent(new java.util.TreeSet<>(run.metrics().keySet()), set -> new ArrayList<>()).add(run);
        }
        if (bySet.size() > 1) {
            StringBuilder message = new StringBuilder("Runs have different measure sets in metrics.json:");
            Set<String> common = null;
            for (Map.Entry<Set<String>, List<RunRecord>> group : bySet.entrySet()) {
                message.append("\n  ").append(group.getKey()).append(": ").append(group.getValue().size())
                        .append(" run(s), e.g. ").append(group.getValue().get(0).folder());
                if (common == null) {
                    common = new LinkedHashSet<>(group.getKey());
                } else {
                    common.retainAll(group.getKey());
                }
            }
            message.append("\nReport the shared measures with --metrics ").append(String.join(",", common))
                    .append(", or leave out the runs that differ");
            throw new IllegalArgumentException(message.toString());
        }
        return List.copyOf(runs.get(0).metrics().keySet());
    }
}
