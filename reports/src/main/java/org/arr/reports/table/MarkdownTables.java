package org.arr.reports.table;

import java.util.List;

/** Writes a {@link ReportTable} as a GitHub-flavoured Markdown table with its caption below. */
public final class MarkdownTables {

    private MarkdownTables() {
    }

    public static String write(ReportTable table) {
        StringBuilder out = new StringBuilder();
        out.append('|');
        table.headers().forEach(header -> out.append(' ').append(escape(header)).append(" |"));
        out.append("\n|");
        for (int c = 0; c < table.headers().size(); c++) {
            out.append(c < table.leftAlignedColumns() ? ":---|" : "---:|");
        }
        out.append('\n');

        for (List<Cell> row : table.rows()) {
            out.append('|');
            for (Cell cell : row) {
                out.append(' ').append(render(cell)).append(" |");
            }
            out.append('\n');
        }
        out.append("\n").append(escape(table.caption())).append('\n');
        return out.toString();
    }

    private static String render(Cell cell) {
        String text = escape(cell.text());
        if (cell.bold()) {
            text = "**" + text + "**";
        }
        StringBuilder markers = new StringBuilder();
        cell.markers().forEach(marker -> markers.append(marker.unicode()));
        return text + markers;
    }

    /** Escapes characters that Markdown tables treat as syntax: pipes, asterisks and underscores. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
    }
}
