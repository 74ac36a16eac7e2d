package org.arr.reports.table;

import java.util.List;

/**
 * A table ready to be written as Markdown or LaTeX.
 *
 * @param label short identifier, used for LaTeX {@code \label{tab:...}} and file names
 * @param caption caption text (plain; writers escape it)
 * @param headers column headers
 * @param rows rows of cells, each as long as {@code headers}
 * @param leftAlignedColumns number of leading text columns; the rest are right-aligned numbers
 */
public record ReportTable(String label, String caption, List<String> headers, List<List<Cell>> rows,
        int leftAlignedColumns) {

    public ReportTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("Row of " + row.size() + " cells in a table of " + headers.size()
                        + " columns");
            }
        }
    }
}
