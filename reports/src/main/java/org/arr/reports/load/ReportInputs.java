package org.arr.reports.load;

import java.nio.file.Path;
import java.util.List;

/**
 * Inputs of a report: run directories (finished or not) and theory CSV files.
 *
 * @param runs every run directory found, in path order
 * @param capacityFiles capacity CSV files (model, docID scheme, n, dim, fraction realized, seconds)
 * @param criticalNFiles critical-n CSV files (dim, critical n)
 */
public record ReportInputs(List<RunRecord> runs, List<Path> capacityFiles, List<Path> criticalNFiles) {

    public ReportInputs {
        runs = List.copyOf(runs);
        capacityFiles = List.copyOf(capacityFiles);
        criticalNFiles = List.copyOf(criticalNFiles);
    }
}
