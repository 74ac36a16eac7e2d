package org.arr.reports;

import java.nio.file.Path;
import java.util.List;
import org.arr.reports.load.RunRecord;

/**
 * Files and counts of a written report.
 *
 * @param reportFile the {@code report.md}
 * @param files every file written, report included
 * @param variants number of variants compared
 * @param runsUsed number of finished runs averaged in
 * @param leftOut runs that were read but not used: unfinished ones and duplicate seeds
 */
public record ReportResult(Path reportFile, List<Path> files, int variants, int runsUsed, List<RunRecord> leftOut) {

    public ReportResult {
        files = List.copyOf(files);
        leftOut = List.copyOf(leftOut);
    }
}
