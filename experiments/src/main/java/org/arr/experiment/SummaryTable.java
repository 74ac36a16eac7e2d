package org.arr.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table printed at the end of a run: the model's test measures next to those of the reference rankers,
 * 4 decimals as trec_eval prints them, with {@code -} where a value was not computed.
 */
final class SummaryTable {

    private SummaryTable() {
    }

    /**
     * Formats the table.
     *
     * @param modelName row label of the model, e.g. {@code arr}
     * @param references per reference ranker name, its evaluation on the same queries
     */
    static String format(String modelName, TestEvaluation model, ValidityStats validity,
            Map<String, TestEvaluation> references) {
        return format(modelName, model, validity, Map.of(), references);
    }

    /**
     * Formats the table with extra model columns after the measures (e.g. the cost per query); reference rows show
     * {@code -} there.
     */
    static String format(String modelName, TestEvaluation model, ValidityStats validity, Map<String, Double> extra,
            Map<String, TestEvaluation> references) {
        List<String> columns = new ArrayList<>(model.summary().keySet());
        columns.add(RunFiles.INVALID_RATE);
        columns.add(RunFiles.INVALID_MASS);
        columns.addAll(extra.keySet());

        List<List<String>> rows = new ArrayList<>();
        rows.add(row(modelName, model, columns, validity, extra));
        references.forEach((name, evaluation) -> rows.add(row(name, evaluation, columns, ValidityStats.none(), Map.of())));

        List<String> header = new ArrayList<>();
        header.add("ranker");
        header.addAll(columns);
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }

        StringBuilder table = new StringBuilder();
        appendLine(table, header, widths);
        for (List<String> row : rows) {
            appendLine(table, row, widths);
        }
        return table.toString();
    }

    private static List<String> row(String name, TestEvaluation evaluation, List<String> columns, ValidityStats validity,
            Map<String, Double> extra) {
        List<String> cells = new ArrayList<>();
        cells.add(name);
        for (String column : columns) {
            Double value;
            if (column.equals(RunFiles.INVALID_RATE)) {
                value = validity.invalidRate();
            } else if (column.equals(RunFiles.INVALID_MASS)) {
                value = validity.invalidMass();
            } else if (extra.containsKey(column)) {
                value = extra.get(column);
            } else {
                value = evaluation.summary().get(column);
            }
            cells.add(format(column, value));
        }
        return cells;
    }

    private static String format(String column, Double value) {
        if (value == null) {
            return "-";
        }
        if (column.equals("num_q") || column.startsWith("num_")) {
            return Long.toString(Math.round(value));
        }
        if (Math.abs(value) >= 1e6) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static void appendLine(StringBuilder table, List<String> cells, int[] widths) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (c == 0) {
                table.append(cell).append(" ".repeat(widths[c] - cell.length()));
            } else {
                table.append("  ").append(" ".repeat(widths[c] - cell.length())).append(cell);
            }
        }
        table.append('\n');
    }
}
