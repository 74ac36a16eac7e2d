package org.arr.reports.plot;

import java.util.ArrayList;
import java.util.List;
import org.arr.reports.compare.Comparison;
import org.arr.reports.stats.ConfidenceInterval;
import org.arr.reports.variant.Variant;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/** Bar charts of measures per variant, with 95% confidence intervals as error bars. */
public final class MetricCharts {

    private MetricCharts() {
    }

    /**
     * Builds one bar per variant for a measure, with the variant names on the x axis. Each variant is its own
     * series in its palette color, so it matches the training curves. A series has value 0 at the other variants'
     * positions, because XChart bar series take no gaps, and the bars are overlapped. A variant with one seed has no
     * error bar.
     */
    public static CategoryChart metricBars(Comparison comparison, String metric) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(metric + " per variant (mean and 95% CI over seeds)")
                .xAxisTitle("variant").yAxisTitle(metric + " (mean over test queries)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(labelRotation(comparison.variants()));
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setErrorBarsColor(java.awt.Color.BLACK);

        List<String> labels = comparison.variants().stream().map(Variant::shortLabel).toList();
        for (int v = 0; v < comparison.variants().size(); v++) {
            ConfidenceInterval interval = comparison.interval(comparison.variants().get(v), metric);
            List<Double> values = new ArrayList<>(java.util.Collections.nCopies(labels.size(), 0.0));
            List<Double> errors = new ArrayList<>(java.util.Collections.nCopies(labels.size(), 0.0));
            values.set(v, interval.mean());
            errors.set(v, interval.hasInterval() ? interval.halfWidth() : 0);
            CategorySeries series = chart.addSeries(labels.get(v), labels, values, errors);
            series.setFillColor(ChartStyle.color(v));
        }
        return chart;
    }

    /**
     * Builds grouped bars of the invalid-docID measures ({@code invalid_rate}, {@code invalid_mass} and prefixed
     * forms) per variant, one series per measure.
     *
     * @throws IllegalArgumentException if {@code invalidMetrics} is empty
     */
    public static CategoryChart invalidBars(Comparison comparison, List<String> invalidMetrics) {
        if (invalidMetrics.isEmpty()) {
            throw new IllegalArgumentException("No invalid-docID measure to plot");
        }
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Invalid docIDs per variant (mean and 95% CI over seeds)")
                .xAxisTitle("variant").yAxisTitle("invalid fraction (0 to 1)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(labelRotation(comparison.variants()));
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setErrorBarsColor(java.awt.Color.BLACK);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        chart.getStyler().setSeriesColors(new java.awt.Color[] {ChartStyle.color(0), ChartStyle.color(3),
            ChartStyle.color(1), ChartStyle.color(7)});

        List<String> labels = comparison.variants().stream().map(Variant::shortLabel).toList();
        for (String metric : invalidMetrics) {
            List<Double> means = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (Variant variant : comparison.variants()) {
                ConfidenceInterval interval = comparison.interval(variant, metric);
                means.add(interval.mean());
                errors.add(interval.hasInterval() ? interval.halfWidth() : 0);
            }
            chart.addSeries(metric, labels, means, errors);
        }
        return chart;
    }

    /**
     * Rotates the variant names by 45 degrees when they would not fit side by side. At 20 degrees XChart dropped
     * the last of six names of about 40 characters, because its rotated box ran past the chart's right edge.
     */
    static int labelRotation(List<Variant> variants) {
        int totalLength = variants.stream().mapToInt(variant -> variant.shortLabel().length()).sum();
        return totalLength * 7 > ChartStyle.WIDTH - 120 ? 45 : 0;
    }
}
