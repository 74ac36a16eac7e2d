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

    /** Horizontal offset between series in the capacity chart, so series with equal values stay visible. */
    private static final double DODGE = 0.07;

    /**
     * Builds the capacity chart: smallest dimension realizing every ranking against {@code n}, one line per
     * series, over a wide gray line for the counting bound {@code dim = n - 1} (Cover 1967: a dot product in
     * {@code R^dim} induces all {@code n!} orderings of {@code n} points only when {@code dim >= n - 1}). Series
     * are shifted sideways by a few hundredths of {@code n} each, so series with the same values (a DE and atomic
     * ARR on the bound) show side by side instead of hiding each other.
     */
    public static XYChart capacity(Map<String, Map<Integer, Integer>> smallest) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.heightWithLegend(smallest.size() + 1))
                .title("Smallest dimension that realizes every ranking")
                .xAxisTitle("n (documents; series shifted slightly apart)").yAxisTitle("dimension (dim or dModel)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0");

        int minN = smallest.values().stream().flatMap(byN -> byN.keySet().stream()).min(Integer::compare).orElse(0);
        int maxN = smallest.values().stream().flatMap(byN -> byN.keySet().stream()).max(Integer::compare).orElse(-1);
        if (minN <= maxN) {
            XYSeries bound = chart.addSeries("counting bound: dim = n - 1", List.of(minN, maxN), List.of(minN - 1, maxN - 1));
            bound.setLineColor(new java.awt.Color(0xBB, 0xBB, 0xBB));
            bound.setLineStyle(new java.awt.BasicStroke(9f));
            bound.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }

        int index = 0;
        double center = (smallest.size() - 1) / 2.0;
        for (Map.Entry<String, Map<Integer, Integer>> series : smallest.entrySet()) {
            if (!series.getValue().isEmpty()) {
                double offset = (index - center) * DODGE;
                List<Double> ns = series.getValue().keySet().stream().map(n -> n + offset).toList();
                addLine(chart, series.getKey(), index, ns, new ArrayList<>(series.getValue().values()));
            }
            index++;
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

        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.heightWithLegend(series.size()))
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
        throw new InputFormatException(file, row.getRowNumber() + 2, "invalid value '" + value + "' in column '"
                + column + "'; expected a number");
    }
}
