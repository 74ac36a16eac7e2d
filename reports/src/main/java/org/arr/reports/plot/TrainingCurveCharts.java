package org.arr.reports.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.arr.reports.load.RunFileLayout;
import org.arr.reports.load.RunRecord;
import org.arr.reports.variant.Variant;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Training curves from {@code train_log.csv}: one line per variant (the mean over its seeds at each epoch) and
 * a shaded band from the minimum to the maximum over seeds where a variant has two or more seeds.
 */
public final class TrainingCurveCharts {

    private TrainingCurveCharts() {
    }

    /** Returns the name of the dev-measure column shared by the runs' logs, if any, e.g. {@code dev_ndcg_cut_10}. */
    public static Optional<String> devColumn(List<Variant> variants) {
        for (Variant variant : variants) {
            for (RunRecord run : variant.runs()) {
                if (run.trainLog().isPresent()) {
                    for (String column : run.trainLog().get().columnNames()) {
                        if (column.startsWith(RunFileLayout.DEV_COLUMN_PREFIX)) {
                            return Optional.of(column);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Builds the chart of one training-log column against the epoch, or empty when no run logs it.
     *
     * @param column the log column, e.g. {@code loss} or {@code dev_ndcg_cut_10}
     * @param yAxisTitle the y-axis title with its unit
     */
    public static Optional<XYChart> curves(List<Variant> variants, String column, String title, String yAxisTitle) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.heightWithLegend(variants.size()))
                .title(title)
                .xAxisTitle("epoch").yAxisTitle(yAxisTitle).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.00");

        boolean any = false;
        for (int v = 0; v < variants.size(); v++) {
            Map<Double, double[]> byEpoch = collect(variants.get(v), column);
            if (byEpoch.isEmpty()) {
                continue;
            }
            any = true;
            addBand(chart, variants.get(v).shortLabel(), v, byEpoch);
            addMeanLine(chart, variants.get(v).shortLabel(), v, byEpoch);
        }
        return any ? Optional.of(chart) : Optional.empty();
    }

    /** Returns epoch to the column's values over seeds (missing cells skipped). */
    private static Map<Double, double[]> collect(Variant variant, String column) {
        Map<Double, List<Double>> values = new TreeMap<>();
        for (RunRecord run : variant.runs()) {
            if (run.trainLog().isEmpty() || !run.trainLog().get().columnNames().contains(column)) {
                continue;
            }
            Table log = run.trainLog().get();
            DoubleColumn epochs = log.doubleColumn(RunFileLayout.EPOCH_COLUMN);
            DoubleColumn cells = log.doubleColumn(column);
            for (int row = 0; row < log.rowCount(); row++) {
                if (!cells.isMissing(row) && !epochs.isMissing(row)) {
                    values.computeIfAbsent(epochs.getDouble(row), e -> new ArrayList<>()).add(cells.getDouble(row));
                }
            }
        }
        Map<Double, double[]> arrays = new TreeMap<>();
        values.forEach((epoch, list) -> arrays.put(epoch, list.stream().mapToDouble(Double::doubleValue).toArray()));
        return arrays;
    }

    private static void addMeanLine(XYChart chart, String name, int index, Map<Double, double[]> byEpoch) {
        List<Double> epochs = new ArrayList<>(byEpoch.keySet());
        List<Double> means = byEpoch.values().stream()
                .map(values -> java.util.Arrays.stream(values).average().orElseThrow()).toList();
        XYSeries line = chart.addSeries(name, epochs, means);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(ChartStyle.color(index));
        line.setLineStyle(ChartStyle.stroke(index));
        line.setMarker(ChartStyle.marker(index));
        line.setMarkerColor(ChartStyle.color(index));
    }

    /** Adds the min-max band over seeds as a closed polygon: maxima left to right, then minima right to left. */
    private static void addBand(XYChart chart, String name, int index, Map<Double, double[]> byEpoch) {
        List<Double> x = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        byEpoch.forEach((epoch, values) -> {
            if (values.length >= 2) {
                x.add(epoch);
                upper.add(java.util.Arrays.stream(values).max().orElseThrow());
                lower.add(java.util.Arrays.stream(values).min().orElseThrow());
            }
        });
        if (x.size() < 2) {
            return;
        }
        List<Double> polygonX = new ArrayList<>(x);
        List<Double> polygonY = new ArrayList<>(upper);
        for (int i = x.size() - 1; i >= 0; i--) {
            polygonX.add(x.get(i));
            polygonY.add(lower.get(i));
        }
        XYSeries band = chart.addSeries(name + " (seed range)", polygonX, polygonY);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(ChartStyle.translucent(index, 50));
        band.setLineColor(ChartStyle.translucent(index, 0));
        band.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        band.setShowInLegend(false);
    }
}
