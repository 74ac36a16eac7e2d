package org.arr.theory.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.arr.theory.experiment.CapacityCurve;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Shared look of the theory plots: white background, large fonts, and series distinguished by marker shape and
 * line dash as well as by gray level, so a grayscale print stays readable. Writes PNG (at 2x resolution) and SVG.
 */
final class ChartStyle {

    private static final Color[] COLORS = {
        new Color(0, 0, 0), new Color(0, 90, 181), new Color(220, 50, 32), new Color(110, 110, 110),
        new Color(0, 140, 70)
    };
    private static final Marker[] MARKERS = {
        SeriesMarkers.NONE, SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP
    };
    private static final BasicStroke[] STROKES = {
        new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f),
        new BasicStroke(2.5f),
        new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 4f}, 0f),
        new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {12f, 4f, 2f, 4f}, 0f),
        new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 4f}, 0f)
    };

    private ChartStyle() {
    }

    static void apply(XYChart chart) {
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.DARK_GRAY);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setAntiAlias(true);
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setMarkerSize(11);
    }

    /**
     * Makes the x axis span exactly {@code [min, max]} ({@code [min - 1, min + 1]} when they are equal) and labels
     * only the ticks at integers. A rounding label pattern such as {@code "#"} is avoided because XChart 3.8.8 then
     * labels a tick at x = 3.14 as "3".
     */
    static void integerXAxis(XYChart chart, int min, int max) {
        boolean single = max <= min;
        chart.getStyler().setXAxisMin((double) (single ? min - 1 : min));
        chart.getStyler().setXAxisMax((double) (single ? min + 1 : max));
        chart.getStyler().setxAxisTickLabelsFormattingFunction(
                x -> Math.abs(x - Math.rint(x)) < 1e-9 ? Long.toString(Math.round(x)) : "");
    }

    /**
     * Styles a proven bound as a wide light-gray band without markers, so that a measured series lying exactly on
     * it stays visible on top.
     */
    static void styleBound(XYSeries series) {
        series.setLineColor(new Color(185, 185, 185));
        series.setLineStyle(new BasicStroke(10f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        series.setMarker(SeriesMarkers.NONE);
    }

    /** Styles a reference line as a dashed black line without markers. */
    static void styleReference(XYSeries series) {
        series.setLineColor(Color.BLACK);
        series.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {7f, 7f}, 0f));
        series.setMarker(SeriesMarkers.NONE);
    }

    /**
     * Gives a bound or reference series of one point a marker in its line color: a square for a bound, a
     * downward triangle for a reference. Measured and failed series already have markers.
     */
    static void markSinglePoint(XYSeries series, CapacityCurve.Kind kind) {
        if (kind == CapacityCurve.Kind.BOUND) {
            series.setMarker(SeriesMarkers.SQUARE);
            series.setMarkerColor(series.getLineColor());
        } else if (kind == CapacityCurve.Kind.REFERENCE) {
            series.setMarker(SeriesMarkers.TRIANGLE_DOWN);
            series.setMarkerColor(series.getLineColor());
        }
    }

    /** Styles the failures of the {@code index}-th measured series: its color, cross markers, no line. */
    static void styleFailure(XYSeries series, int index) {
        series.setMarkerColor(COLORS[index % COLORS.length]);
        series.setMarker(SeriesMarkers.CROSS);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }

    /** Styles the {@code index}-th measured series of a chart (index 0 is reserved for a fitted curve). */
    static void styleSeries(XYSeries series, int index) {
        series.setLineColor(COLORS[index % COLORS.length]);
        series.setMarkerColor(COLORS[index % COLORS.length]);
        series.setMarker(MARKERS[index % MARKERS.length]);
        series.setLineStyle(STROKES[index % STROKES.length]);
    }

    /**
     * Writes {@code base.png} and {@code base.svg}.
     *
     * @throws IOException if a file cannot be written
     */
    static void write(XYChart chart, Path directory, String base) throws IOException {
        Files.createDirectories(directory);
        BitmapEncoder.saveBitmapWithDPI(chart, directory.resolve(base + ".png").toString(), BitmapEncoder.BitmapFormat.PNG,
                144);
        VectorGraphicsEncoder.saveVectorGraphic(chart, directory.resolve(base + ".svg").toString(),
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}
