package org.arr.datasets.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.arr.data.InputFormatException;

/** Opens UTF-8 text files of a dataset, with a clear error for a missing file and a progress bar for large ones. */
public final class TextFiles {

    /** Files at least this large show a progress bar (in MiB, on stderr) while they are read. */
    public static final long PROGRESS_BAR_MIN_BYTES = 64L << 20;

    private TextFiles() {
    }

    /**
     * Opens a file for reading as UTF-8 text.
     *
     * @param file the file
     * @param what what the file should contain, for the message when it is missing (e.g. "BEIR corpus")
     * @throws InputFormatException if the file does not exist or is not a regular file
     * @throws UncheckedIOException if it cannot be opened
     */
    public static BufferedReader open(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException(file, 0, "File not found: expected the " + what + " here");
        }
        try {
            InputStream input = Files.newInputStream(file);
            long size = Files.size(file);
            if (size >= PROGRESS_BAR_MIN_BYTES) {
                ProgressBarBuilder progress = new ProgressBarBuilder()
                        .setTaskName("Reading " + file.getFileName())
                        .setUnit(" MiB", 1L << 20)
                        .setInitialMax(size);
                input = ProgressBar.wrap(input, progress);
            }
            return new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to open " + file + ": " + e.getMessage(), e);
        }
    }
}
