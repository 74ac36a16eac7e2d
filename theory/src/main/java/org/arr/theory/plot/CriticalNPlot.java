package org.arr.theory.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.arr.theory.experiment.CriticalNExperiment;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/** Plots the critical {@code n} of free embeddings against the embedding dimension. */
public final class CriticalNPlot {

    private CriticalNPlot() {
    }

    /**
     * Writes {@code base.png} and {@code base.svg}; dimensions whose search reached the maximum {@code n} are
     * drawn as a separate "at least" series, because their critical {@code n} is only a lower bound.
     *
     * @param fitted optional fitted curve (dimension to n), drawn as a line; may be null
     * @throws IOException if a file cannot be written
     */
    public static void write(CriticalNExperiment.Report report, double[][] fitted, String fittedLabel, Path directory,
            String base) throws IOException {
        int k = report.k();
        XYChart chart = new XYChartBuilder().width(900).height(640)
                .title("Free embeddings: critical n for top-" + k + " sets (all C(n, " + k + ") queries)")
                .xAxisTitle("embedding dimension")
                .yAxisTitle("critical n (largest n with every top-" + k + " set realized)").build();
        ChartStyle.apply(chart);
        chart.getStyler().setYAxisDecimalPattern("#");
        chart.getStyler().setYAxisMin(0.0);
        ChartStyle.integerXAxis(chart, report.results().stream().mapToInt(CriticalNExperiment.DimensionResult::dim).min()
                .orElse(0), report.results().stream().mapToInt(CriticalNExperiment.DimensionResult::dim).max().orElse(1));

        List<Integer> dims = new ArrayList<>();
        List<Integer> ns = new ArrayList<>();
        List<Integer> cappedDims = new ArrayList<>();
        List<Integer> cappedNs = new ArrayList<>();
        for (CriticalNExperiment.DimensionResult result : report.results()) {
            (result.reachedMaxN() ? cappedDims : dims).add(result.dim());
            (result.reachedMaxN() ? cappedNs : ns).add(result.criticalN());
        }
        int index = 1;
        if (fitted != null) {
            XYSeries fit = chart.addSeries(fittedLabel, fitted[0], fitted[1]);
            ChartStyle.styleSeries(fit, 0);
            fit.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        if (!dims.isEmpty()) {
            XYSeries measured = chart.addSeries("free embeddings, InfoNCE + Adam (this run)", dims, ns);
            ChartStyle.styleSeries(measured, index);
        }
        if (!cappedDims.isEmpty()) {
            XYSeries capped = chart.addSeries("search reached max n (critical n is at least this)", cappedDims, cappedNs);
            ChartStyle.styleSeries(capped, index + 1);
            capped.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        ChartStyle.write(chart, directory, base);
    }
}
