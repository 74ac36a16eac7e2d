package org.arr.reports.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes a chart as a PNG and as an SVG with the same base name. */
public final class ChartFiles {

    /** Resolution of written PNGs: twice the 72 dpi layout, sharp on screens and in print drafts. */
    public static final int PNG_DPI = 144;

    private ChartFiles() {
    }

    /**
     * Writes {@code folder/name.png} and {@code folder/name.svg}, creating the folder.
     *
     * @return the two files, PNG first
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(Chart<?, ?> chart, Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path png = folder.resolve(name + ".png");
        Path svg = folder.resolve(name + ".svg");
        BitmapEncoder.saveBitmapWithDPI(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG, PNG_DPI);
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return List.of(png, svg);
    }

    /** Turns a measure or variant name into a file-name part of letters, digits, '-', '_' and '.'. */
    public static String fileNamePart(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]+", "-");
    }
}
