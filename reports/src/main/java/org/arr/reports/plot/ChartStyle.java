package org.arr.reports.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look shared by every report chart: size, fonts, and a palette that stays apart in grayscale. Series
 * {@code i} always gets color, marker and line style {@code i}, so a variant looks the same in every chart. The
 * colors are the Okabe-Ito palette (colour-blind safe) with dark gray in place of black, so black error bars stay
 * visible on every bar. Neighbours differ in lightness, and markers and dash patterns vary too, so lines stay
 * apart when printed in gray.
 */
public final class ChartStyle {

    /** Chart width in pixels at 72 dpi; PNGs are written at {@link ChartFiles#PNG_DPI}. */
    public static final int WIDTH = 800;
    /** Chart height in pixels at 72 dpi. */
    public static final int HEIGHT = 520;

    private static final Color[] COLORS = {
        new Color(0x55, 0x55, 0x55),
        new Color(0xE6, 0x9F, 0x00),
        new Color(0x00, 0x72, 0xB2),
        new Color(0x56, 0xB4, 0xE9),
        new Color(0xD5, 0x5E, 0x00),
        new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7),
        new Color(0x99, 0x99, 0x99),
    };

    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS, SeriesMarkers.OVAL,
    };

    private static final BasicStroke[] STROKES = {
        new BasicStroke(2.2f),
        new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 5f}, 0f),
        new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 4f}, 0f),
        new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {10f, 4f, 2f, 4f}, 0f),
    };

    private ChartStyle() {
    }

    /**
     * Returns the chart height for a legend of {@code legendEntries} lines below the plot, so the plot area keeps
     * its size however many series there are.
     */
    public static int heightWithLegend(int legendEntries) {
        return HEIGHT + 22 * legendEntries;
    }

    public static Color color(int index) {
        return COLORS[index % COLORS.length];
    }

    /** Returns the series color with the given opacity (0-255), for confidence bands. */
    public static Color translucent(int index, int alpha) {
        Color color = color(index);
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    public static Marker marker(int index) {
        return MARKERS[index % MARKERS.length];
    }

    /** Returns the line style: solid, dashed, dotted, dash-dot, cycling with the series index. */
    public static BasicStroke stroke(int index) {
        return STROKES[index % STROKES.length];
    }

    /** Applies fonts, white background, grid and an outside legend, so the legend never covers data. */
    public static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setAntiAlias(true);
        styler.setSeriesColors(COLORS);
    }
}
