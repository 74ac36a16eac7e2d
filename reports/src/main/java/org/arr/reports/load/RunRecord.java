package org.arr.reports.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * One run directory as read from disk. Immutable apart from the Tablesaw training log, which callers must not
 * change.
 *
 * @param folder the run directory
 * @param status the provenance status in lower case, e.g. {@code finished}, {@code running}, {@code failed}
 * @param message the provenance message of a failed or interrupted run, or null
 * @param seed the experiment seed
 * @param config the resolved config flattened to dotted keys ({@code loss.parameters.alpha}) with text values
 * @param commandLine the arguments the run was started with
 * @param gitCommit the git commit the run was started from, or null when unknown
 * @param endTime the end time from the provenance, or null
 * @param metrics summary measure name to value (empty for a run that did not finish)
 * @param perQuery measure name to (query id to value); empty when the run has no {@code per_query.tsv}
 * @param trainLog the training log, when the run has one
 */
public record RunRecord(Path folder, String status, String message, long seed, Map<String, String> config,
        List<String> commandLine, String gitCommit, String endTime, Map<String, Double> metrics,
        Map<String, Map<String, Double>> perQuery, Optional<Table> trainLog) {

    public RunRecord {
        config = Map.copyOf(config);
        commandLine = List.copyOf(commandLine);
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        perQuery = Map.copyOf(perQuery);
    }

    /** Returns whether the provenance marks the run finished. */
    public boolean isFinished() {
        return RunFileLayout.STATUS_FINISHED.equalsIgnoreCase(status);
    }
}
