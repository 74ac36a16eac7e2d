package org.arr.data.trec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.arr.data.InputFormatException;

/** Opening and number formatting shared by the qrels and run readers and writers. */
final class TrecFiles {

    /** Read buffer size: large enough that a million-line file costs few system calls. */
    private static final int BUFFER_CHARS = 1 << 16;

    private TrecFiles() {
    }

    /**
     * Opens a UTF-8 text file for reading.
     *
     * @throws InputFormatException if the file does not exist, is a folder or cannot be read
     */
    static BufferedReader open(Path file, String kind) {
        if (Files.isDirectory(file)) {
            throw new InputFormatException(file, 0, "expected a " + kind + " file but found a folder");
        }
        try {
            return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8),
                    BUFFER_CHARS);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, 0, kind + " file not found: " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new InputFormatException(file, 0, "cannot read " + kind + " file: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a decimal number as {@link Double#parseDouble} does, returning NaN for text that is not a number.
     * Hexadecimal and type-suffixed forms ({@code 1.0d}) are rejected, because trec_eval's {@code atof} would
     * not read them the same way.
     */
    static double parseNumber(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!allowed) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Formats a number so that {@link #parseNumber} reads back the same double; integers print without a fraction. */
    static String formatNumber(double value) {
        boolean negativeZero = value == 0 && 1 / value < 0;
        if (value == Math.rint(value) && Math.abs(value) < 1e15 && !negativeZero) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
