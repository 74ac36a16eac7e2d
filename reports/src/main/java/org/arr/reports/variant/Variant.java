package org.arr.reports.variant;

import java.util.List;
import java.util.Map;
import org.arr.reports.load.RunRecord;

/**
 * Runs that share a resolved config apart from the seed (and other ignored keys): the seeds of one
 * experimental condition.
 *
 * @param label the config keys that tell this variant apart, e.g. {@code loss.name=stoical,loss.alpha=1}
 * @param shortLabel the label with each key cut to its last segment where that stays unambiguous, for plots
 * @param assignments the differing keys and this variant's values, in key order
 * @param runs the runs, ordered by seed, one per seed
 */
public record Variant(String label, String shortLabel, Map<String, String> assignments, List<RunRecord> runs) {

    public Variant {
        assignments = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(assignments));
        runs = List.copyOf(runs);
    }

    /** Returns the seeds of the runs, in order. */
    public List<Long> seeds() {
        return runs.stream().map(RunRecord::seed).toList();
    }
}
