package org.arr.reports.plot;

import java.util.ArrayList;
import java.util.Arrays;
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
     * Builds one bar per variant for a measure. Each variant is its own series, in the variant's palette color,
     * so it matches the training curves; the variant names are on the x axis. A variant with one seed has no
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
        chart.getStyler().setYAxisDecimalPattern("0.000");
        chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);

        List<String> labels = comparison.variants().stream().map(Variant::shortLabel).toList();
        for (int v = 0; v < comparison.variants().size(); v++) {
            ConfidenceInterval interval = comparison.interval(comparison.variants().get(v), metric);
            double[] values = new double[labels.size()];
            double[] errors = new double[labels.size()];
            values[v] = interval.mean();
            errors[v] = interval.hasInterval() ? interval.halfWidth() : 0;
            CategorySeries series = chart.addSeries(labels.get(v), labels, toList(values), toList(errors));
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
                .xAxisTitle("variant").yAxisTitle("fraction (rate: of returned docIDs; mass: of probability)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(labelRotation(comparison.variants()));
        chart.getStyler().setYAxisDecimalPattern("0.000");
        chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
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

    /** Rotates the variant names when they would not fit side by side. */
    static int labelRotation(List<Variant> variants) {
        int totalLength = variants.stream().mapToInt(variant -> variant.shortLabel().length()).sum();
        return totalLength * 7 > ChartStyle.WIDTH - 120 ? 20 : 0;
    }

    private static List<Double> toList(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
