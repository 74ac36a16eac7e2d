package org.arr.reports.table;

import java.util.List;

/**
 * Writes a {@link ReportTable} as a LaTeX {@code table} with a {@code tabular} in the style of the booktabs
 * package, which the document must load. Best values are {@code \textbf}, significance markers are math
 * superscripts, and all text is escaped with {@link #escape}.
 */
public final class LatexTables {

    private LatexTables() {
    }

    public static String write(ReportTable table) {
        StringBuilder out = new StringBuilder();
        out.append("\\begin{table}[t]\n\\centering\n");
        out.append("\\caption{").append(escape(table.caption())).append("}\n");
        out.append("\\label{tab:").append(escape(table.label())).append("}\n");
        out.append("\\begin{tabular}{");
        for (int c = 0; c < table.headers().size(); c++) {
            out.append(c < table.leftAlignedColumns() ? 'l' : 'r');
        }
        out.append("}\n\\toprule\n");
        out.append(String.join(" & ", table.headers().stream().map(LatexTables::escape).toList())).append(" \\\\\n");
        out.append("\\midrule\n");

        for (List<Cell> row : table.rows()) {
            out.append(String.join(" & ", row.stream().map(LatexTables::render).toList())).append(" \\\\\n");
        }
        out.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n");
        return out.toString();
    }

    private static String render(Cell cell) {
        String text = escape(cell.text());
        if (cell.bold()) {
            text = "\\textbf{" + text + "}";
        }
        if (!cell.markers().isEmpty()) {
            StringBuilder markers = new StringBuilder("$^{");
            cell.markers().forEach(marker -> markers.append(marker.latex()).append(' '));
            text = text + markers.toString().trim() + "}$";
        }
        return text;
    }

    /**
     * Escapes text for LaTeX text mode: {@code \ _ % & # $ { } ~ ^} become their escaped forms, {@code < >} (which
     * the default OT1 font encoding prints as other glyphs) become {@code \textless{}} and {@code \textgreater{}},
     * and {@code ± ≤ † ‡} become math symbols, because pdfLaTeX's default input encoding does not map them.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '_', '%', '&', '#', '$', '{', '}' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '<' -> out.append("\\textless{}");
                case '>' -> out.append("\\textgreater{}");
                case '±' -> out.append("$\\pm$");
                case '≤' -> out.append("$\\leq$");
                case '†' -> out.append("$^{\\dagger}$");
                case '‡' -> out.append("$^{\\ddagger}$");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
