package org.arr.reports;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Inputs and comparison settings of a report.
 *
 * @param inputs run directories, sweep folders and theory CSV files or folders
 * @param out the output folder; created when missing, files of an earlier report are replaced
 * @param baseline the variant to test the others against, as a label or {@code key=value} pairs
 * @param metrics measures to report; empty for every measure the runs share
 * @param alpha significance level for the Holm-adjusted p-values
 * @param ignoredKeys config keys that never tell variants apart (the seed, the run name)
 * @param commandLine the report's own command line, quoted in {@code report.md}
 */
public record ReportOptions(List<Path> inputs, Path out, Optional<String> baseline, List<String> metrics, double alpha,
        Set<String> ignoredKeys, String commandLine) {

    public ReportOptions {
        inputs = List.copyOf(inputs);
        metrics = List.copyOf(metrics);
        ignoredKeys = Set.copyOf(ignoredKeys);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("No input: give at least one run directory, sweep folder or theory CSV");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("Invalid significance level " + alpha + "; expected a value in (0, 1)");
        }
    }
}
