package org.arr.theory.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.arr.theory.experiment.CapacityCurve;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/** Plots "smallest dimension that realizes every ranking" against the number of documents, one series per model. */
public final class CapacityPlot {

    private CapacityPlot() {
    }

    /**
     * Writes {@code base.png} and {@code base.svg} into a directory. Points where a model found no dimension
     * ({@code NaN}) are left out of its series.
     *
     * @throws IOException if a file cannot be written
     */
    public static void write(String title, List<CapacityCurve> curves, Path directory, String base) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(640).title(title)
                .xAxisTitle("number of documents n").yAxisTitle("smallest dimension realizing every ranking").build();
        ChartStyle.apply(chart);
        chart.getStyler().setYAxisDecimalPattern("#");
        chart.getStyler().setYAxisMin(0.0);
        ChartStyle.integerXAxis(chart, curves.stream().flatMap(curve -> curve.n().stream()).mapToInt(Integer::intValue)
                .min().orElse(0), curves.stream().flatMap(curve -> curve.n().stream()).mapToInt(Integer::intValue).max()
                .orElse(1));

        int measured = 1;
        for (CapacityCurve curve : curves) {
            List<Integer> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < curve.n().size(); i++) {
                if (!curve.dim().get(i).isNaN()) {
                    xs.add(curve.n().get(i));
                    ys.add(curve.dim().get(i));
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(curve.label(), xs, ys);
            switch (curve.kind()) {
                case BOUND -> ChartStyle.styleBound(series);
                case REFERENCE -> ChartStyle.styleReference(series);
                case MEASURED -> ChartStyle.styleSeries(series, measured++);
                case FAILED -> ChartStyle.styleFailure(series, measured - 1);
            }
            if (xs.size() == 1) {
                // A line through one point is not drawn, so a single-size bound or reference gets a marker.
                ChartStyle.markSinglePoint(series, curve.kind());
            }
        }
        ChartStyle.write(chart, directory, base);
    }
}
