package org.arr.reports.table;

import java.util.List;

/**
 * One table cell: plain text (may contain {@code ±}), whether it is the best of its column, and significance
 * markers.
 */
public record Cell(String text, boolean bold, List<Marker> markers) {

    /** Significance marker appended to a value. */
    public enum Marker {
        /** Significant by the paired t-test. */
        T_TEST("†", "\\dagger"),
        /** Significant by the Wilcoxon signed-rank test. */
        WILCOXON("‡", "\\ddagger");

        private final String unicode;
        private final String latex;

        Marker(String unicode, String latex) {
            this.unicode = unicode;
            this.latex = latex;
        }

        public String unicode() {
            return unicode;
        }

        /** Returns the LaTeX math-mode command, e.g. {@code \dagger}. */
        public String latex() {
            return latex;
        }
    }

    public Cell {
        markers = List.copyOf(markers);
    }

    public static Cell of(String text) {
        return new Cell(text, false, List.of());
    }
}
