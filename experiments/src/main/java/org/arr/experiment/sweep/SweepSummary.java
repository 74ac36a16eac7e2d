package org.arr.experiment.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.arr.config.sweep.Sweep;
import org.arr.config.sweep.SweepCell;
import org.arr.data.InputFormatException;
import org.arr.run.Provenance;
import org.arr.run.RunDirectory;

/**
 * The mean and standard deviation over seeds of every metric in the cells' {@code metrics.json} and
 * {@code timing.json}, per variant (the cells that differ only in their seed). Only finished cells count. A metric that a finished cell stores as
 * null (not computed) is left out of that metric's statistics, so {@link Stats#n()} may be below the number of
 * finished seeds.
 *
 * <p>Formulas over the n values {@code x_i} of one metric: mean {@code m = (1/n) sum x_i}; sample standard deviation
 * {@code s = sqrt(sum (x_i - m)^2 / (n - 1))}, undefined (NaN) for {@code n < 2}.
 *
 * @param metrics every metric name found, in the order of first appearance (cells in sweep order)
 * @param rows one row per variant, in sweep order
 * @param unfinished ids of the cells without a finished run, in sweep order
 */
public record SweepSummary(List<String> metrics, List<Row> rows, List<String> unfinished) {

    /** The file in a sweep folder that stores {@link #toCsv()}. */
    public static final String FILE = "summary.csv";

    /** The run file with wall-clock costs (such as {@code ms_per_query}); its numbers join the metrics when present. */
    static final String TIMING = "timing.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public SweepSummary {
        metrics = List.copyOf(metrics);
        rows = List.copyOf(rows);
        unfinished = List.copyOf(unfinished);
    }

    /**
     * Statistics of one metric over the seeds of a variant.
     *
     * @param n number of values
     * @param mean their mean, NaN when n is 0
     * @param std their sample standard deviation, NaN when n is below 2
     */
    public record Stats(int n, double mean, double std) {

        static Stats of(double[] values) {
            double mean = values.length == 0 ? Double.NaN : new Mean().evaluate(values);
            double std = values.length < 2 ? Double.NaN : new StandardDeviation(true).evaluate(values);
            return new Stats(values.length, mean, std);
        }
    }

    /**
     * @param variant the variant label shared by its cells
     * @param cells the number of cells of the variant in the sweep
     * @param finished how many of them finished
     * @param stats per metric name, its statistics over the finished cells (every metric of the summary present)
     */
    public record Row(String variant, int cells, int finished, Map<String, Stats> stats) {

        public Row {
            stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
        }
    }

    /**
     * Reads the {@code metrics.json} of every finished cell of a sweep under its folder.
     *
     * @throws InputFormatException if a finished cell's {@code metrics.json} is missing or not a JSON object of
     *     numbers and nulls
     * @throws IllegalArgumentException if a cell's {@code provenance.json} is invalid
     * @throws IOException if a file cannot be read
     */
    public static SweepSummary read(Sweep sweep, Path sweepFolder) throws IOException {
        Map<String, List<Map<String, Double>>> byVariant = new LinkedHashMap<>();
        Map<String, Integer> cellCounts = new LinkedHashMap<>();
        Set<String> metrics = new LinkedHashSet<>();
        List<String> unfinished = new ArrayList<>();

        for (SweepCell cell : sweep.cells()) {
            cellCounts.merge(cell.variant(), 1, Integer::sum);
            List<Map<String, Double>> finished = byVariant.computeIfAbsent(cell.variant(), key -> new ArrayList<>());
            Path folder = sweepFolder.resolve(cell.id());
            if (!isFinished(folder)) {
                unfinished.add(cell.id());
                continue;
            }
            Map<String, Double> values = readMetrics(folder.resolve(RunDirectory.METRICS));
            Path timing = folder.resolve(TIMING);
            if (Files.isRegularFile(timing)) {
                values.putAll(readMetrics(timing));
            }
            metrics.addAll(values.keySet());
            finished.add(values);
        }

        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Double>>> variant : byVariant.entrySet()) {
            Map<String, Stats> stats = new LinkedHashMap<>();
            for (String metric : metrics) {
                double[] values = variant.getValue().stream()
                        .map(cellValues -> cellValues.get(metric))
                        .filter(value -> value != null)
                        .mapToDouble(Double::doubleValue)
                        .toArray();
                stats.put(metric, Stats.of(values));
            }
            rows.add(new Row(variant.getKey(), cellCounts.get(variant.getKey()), variant.getValue().size(), stats));
        }
        return new SweepSummary(List.copyOf(metrics), rows, unfinished);
    }

    private static boolean isFinished(Path folder) throws IOException {
        if (!Files.isRegularFile(folder.resolve(RunDirectory.PROVENANCE))) {
            return false;
        }
        Provenance provenance = RunDirectory.readProvenance(folder);
        return provenance.isFinished();
    }

    /** Returns metric name to value (null when stored as null), in file order. */
    static Map<String, Double> readMetrics(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException(file, 0, "missing metrics file of a finished run; the run folder is incomplete");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputFormatException(file, line, "invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InputFormatException(file, 0, "expected a JSON object of metric names to numbers");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) tree::fields) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                values.put(field.getKey(), null);
            } else if (value.isNumber()) {
                values.put(field.getKey(), value.doubleValue());
            } else {
                throw new InputFormatException(file, 0, "metric '" + field.getKey() + "' has the value " + value
                        + "; expected a number or null");
            }
        }
        return values;
    }

    /**
     * Returns the summary as CSV: columns {@code variant}, {@code cells}, {@code finished}, then
     * {@code <metric>_mean} and {@code <metric>_std} per metric; values in full precision, empty where undefined.
     */
    public String toCsv() {
        List<String> header = new ArrayList<>(List.of("variant", "cells", "finished"));
        for (String metric : metrics) {
            header.add(metric + "_mean");
            header.add(metric + "_std");
        }
        StringBuilder csv = new StringBuilder();
        appendCsvLine(csv, header);
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(List.of(row.variant(), Integer.toString(row.cells()),
                    Integer.toString(row.finished())));
            for (String metric : metrics) {
                Stats stats = row.stats().get(metric);
                cells.add(Double.isNaN(stats.mean()) ? "" : Double.toString(stats.mean()));
                cells.add(Double.isNaN(stats.std()) ? "" : Double.toString(stats.std()));
            }
            appendCsvLine(csv, cells);
        }
        return csv.toString();
    }

    private static void appendCsvLine(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(csvField(cells.get(i)));
        }
        csv.append('\n');
    }

    /** Quotes a field that contains a comma, quote or line break, doubling its quotes (RFC 4180). */
    static String csvField(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /**
     * Returns the summary as an aligned text table: one row per variant, {@code mean ± std} per metric with 4
     * decimals ({@code mean} alone from a single seed, {@code -} without values), and finished runs out of cells.
     */
    public String format() {
        List<String> header = new ArrayList<>(List.of("variant", "runs"));
        header.addAll(metrics);
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        for (Row row : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(row.variant());
            cells.add(row.finished() + "/" + row.cells());
            for (String metric : metrics) {
                cells.add(formatStats(row.stats().get(metric)));
            }
            lines.add(cells);
        }

        int[] widths = new int[header.size()];
        for (List<String> line : lines) {
            for (int c = 0; c < line.size(); c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> line : lines) {
            for (int c = 0; c < line.size(); c++) {
                String cell = line.get(c);
                if (c == 0) {
                    table.append(cell).append(" ".repeat(widths[c] - cell.length()));
                } else {
                    table.append("  ").append(" ".repeat(widths[c] - cell.length())).append(cell);
                }
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static String formatStats(Stats stats) {
        if (stats.n() == 0) {
            return "-";
        }
        String mean = String.format(Locale.ROOT, "%.4f", stats.mean());
        return stats.n() < 2 ? mean : mean + " ± " + String.format(Locale.ROOT, "%.4f", stats.std());
    }
}
