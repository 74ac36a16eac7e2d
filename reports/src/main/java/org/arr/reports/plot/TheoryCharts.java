package org.arr.reports.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.arr.data.InputFormatException;
import org.arr.reports.load.TheoryColumns;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Charts of the theory module's outputs: the smallest dimension that realizes every ranking against the number
 * of documents {@code n} (capacity), and the critical {@code n} against the dimension.
 */
public final class TheoryCharts {

    /** Fractions at or above this count as "every query realized" (guards against rounding in the CSV). */
    private static final double ALL_REALIZED = 1 - 1e-9;

    private TheoryCharts() {
    }

    /**
     * Reads a theory CSV with column types detected.
     *
     * @throws InputFormatException if the file is not valid CSV
     */
    public static Table read(Path file) throws IOException {
        try {
            return Table.read().usingOptions(CsvReadOptions.builder(file.toFile()).tableName(file.toString()));
        } catch (RuntimeException e) {
            throw new InputFormatException(file, 0, "invalid CSV: " + e.getMessage(), e);
        }
    }

    /**
     * Returns, per series (model, docID scheme and task where present), {@code n} to the smallest dimension at
     * which every query was realized. An {@code n} where no tried dimension realized every query is absent.
     *
     * @throws InputFormatException if a required column is missing
     */
    public static Map<String, Map<Integer, Integer>> smallestDimensions(Table table, Path file) {
        String model = TheoryColumns.require(table, file, TheoryColumns.MODEL);
        Optional<String> scheme = TheoryColumns.find(table, TheoryColumns.SCHEME);
        Optional<String> task = TheoryColumns.find(table, TheoryColumns.TASK);
        String n = TheoryColumns.require(table, file, TheoryColumns.N);
        String dim = TheoryColumns.require(table, file, TheoryColumns.DIM);
        String fraction = TheoryColumns.require(table, file, TheoryColumns.FRACTION);

        Map<String, Map<Integer, Integer>> smallest = new TreeMap<>();
        for (Row row : table) {
            String series = row.getObject(model).toString();
            if (scheme.isPresent() && !row.isMissing(scheme.get())) {
                series += " / " + row.getObject(scheme.get());
            }
            if (task.isPresent() && !row.isMissing(task.get())) {
                series += " (" + row.getObject(task.get()) + ")";
            }
            Map<Integer, Integer> byN = smallest.computeIfAbsent(series, s -> new TreeMap<>());
            if (number(row, fraction, file) >= ALL_REALIZED) {
                byN.merge((int) number(row, n, file), (int) number(row, dim, file), Math::min);
            }
        }
        return smallest;
    }

    /**
     * Builds the capacity chart: smallest dimension realizing every ranking against {@code n}, one line per
     * series, and the counting bound {@code dim = n - 1} (Cover 1967: a dot product in {@code R^dim} induces all
     * {@code n!} orderings of {@code n} points only when {@code dim >= n - 1}).
     */
    public static XYChart capacity(Map<String, Map<Integer, Integer>> smallest) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Smallest dimension that realizes every ranking")
                .xAxisTitle("n (documents)").yAxisTitle("dimension (dim or dModel)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0");

        int index = 0;
        int minN = Integer.MAX_VALUE;
        int maxN = Integer.MIN_VALUE;
        for (Map.Entry<String, Map<Integer, Integer>> series : smallest.entrySet()) {
            if (series.getValue().isEmpty()) {
                index++;
                continue;
            }
            List<Integer> ns = new ArrayList<>(series.getValue().keySet());
            minN = Math.min(minN, ns.get(0));
            maxN = Math.max(maxN, ns.get(ns.size() - 1));
            addLine(chart, series.getKey(), index++, ns, new ArrayList<>(series.getValue().values()));
        }
        if (minN <= maxN) {
            List<Integer> ns = new ArrayList<>();
            List<Integer> bound = new ArrayList<>();
            for (int n = minN; n <= maxN; n++) {
                ns.add(n);
                bound.add(n - 1);
            }
            XYSeries line = chart.addSeries("counting bound: dim = n - 1", ns, bound);
            line.setLineColor(ChartStyle.color(7));
            line.setLineStyle(ChartStyle.stroke(2));
            line.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * Builds the critical-{@code n} chart: the largest {@code n} at which every query is realized against the
     * dimension, one line per model when the CSV has a model column.
     *
     * @throws InputFormatException if the dimension or critical-n column is missing
     */
    public static XYChart criticalN(Table table, Path file) {
        String dim = TheoryColumns.require(table, file, TheoryColumns.DIM);
        String criticalN = TheoryColumns.require(table, file, TheoryColumns.CRITICAL_N);
        Optional<String> model = TheoryColumns.find(table, TheoryColumns.MODEL);

        Map<String, Map<Double, Double>> series = new TreeMap<>();
        for (Row row : table) {
            String name = model.isPresent() && !row.isMissing(model.get()) ? row.getObject(model.get()).toString()
                    : "critical n";
            series.computeIfAbsent(name, s -> new TreeMap<>()).put(number(row, dim, file), number(row, criticalN, file));
        }

        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Critical n: largest n with every query realized")
                .xAxisTitle("dimension (dim)").yAxisTitle("critical n (documents)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0");
        int index = 0;
        for (Map.Entry<String, Map<Double, Double>> entry : series.entrySet()) {
            addLine(chart, entry.getKey(), index++, new ArrayList<>(entry.getValue().keySet()),
                    new ArrayList<>(entry.getValue().values()));
        }
        return chart;
    }

    private static void addLine(XYChart chart, String name, int index, List<? extends Number> x,
            List<? extends Number> y) {
        XYSeries line = chart.addSeries(name, x, y);
        line.setLineColor(ChartStyle.color(index));
        line.setLineStyle(ChartStyle.stroke(index));
        line.setMarker(ChartStyle.marker(index));
        line.setMarkerColor(ChartStyle.color(index));
    }

    /** Returns a numeric cell; the CSV line is the row number plus 2 (1-based, after the header). */
    private static double number(Row row, String column, Path file) {
        Object value = row.isMissing(column) ? null : row.getObject(column);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new InputFormatException(file, row.getRowNumber() + 2, "column '" + column + "' holds '" + value
                + "', expected a number");
    }
}
