package org.arr.reports.table;

import java.util.Locale;

/** Formats numbers for tables: 4 decimals below 10, 2 below 1000, none above; NaN as {@code n/a}. */
public final class Numbers {

    private Numbers() {
    }

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude < 10) {
            return String.format(Locale.ROOT, "%.4f", value);
        }
        if (magnitude < 1000) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }

    /** Formats a p-value: 4 decimals, or {@code <0.0001} below that. */
    public static String formatP(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
