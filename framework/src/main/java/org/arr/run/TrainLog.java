package org.arr.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-epoch training log of a run, {@code train_log.csv}, with the columns
 * {@code epoch,loss,dev_<measure>,learning_rate,seconds}; the dev value is empty for epochs without a dev
 * evaluation. The file is rewritten atomically after each epoch. On resume, rows already written are kept, and
 * {@link #truncateAfter} drops those of epochs that the resumed training will repeat.
 */
public final class TrainLog {

    /**
     * One epoch.
     *
     * @param epoch 1-based epoch number
     * @param loss mean training loss over the epoch
     * @param devMetric the dev measure after the epoch, or null when the dev split was not evaluated
     * @param learningRate learning rate at the end of the epoch
     * @param seconds wall-clock seconds of the epoch, dev evaluation included
     */
    public record Row(int epoch, double loss, Double devMetric, double learningRate, double seconds) {
    }

    private final RunDirectory run;
    private final String header;
    private final List<String> lines = new ArrayList<>();

    private TrainLog(RunDirectory run, String header) {
        this.run = run;
        this.header = header;
    }

    static TrainLog open(RunDirectory run, String devMetricName) {
        TrainLog log = new TrainLog(run, "epoch,loss,dev_" + devMetricName + ",learning_rate,seconds");
        Path file = run.path().resolve(RunDirectory.TRAIN_LOG);
        if (Files.isRegularFile(file)) {
            try {
                List<String> existing = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (!existing.isEmpty() && existing.get(0).equals(log.header)) {
                    log.lines.addAll(existing.subList(1, existing.size()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to read " + file, e);
            }
        }
        return log;
    }

    /** Drops the rows of epochs after {@code epoch}, e.g. those a resumed training repeats. */
    public void truncateAfter(int epoch) {
        lines.removeIf(line -> Integer.parseInt(line.substring(0, line.indexOf(','))) > epoch);
        write();
    }

    /** Appends a row and rewrites the file. */
    public void append(Row row) {
        lines.add(row.epoch() + "," + row.loss() + "," + (row.devMetric() == null ? "" : row.devMetric()) + ","
                + row.learningRate() + "," + String.format(java.util.Locale.ROOT, "%.3f", row.seconds()));
        write();
    }

    /** Returns the number of rows. */
    public int size() {
        return lines.size();
    }

    private void write() {
        StringBuilder content = new StringBuilder(header).append('\n');
        for (String line : lines) {
            content.append(line).append('\n');
        }
        run.writeString(RunDirectory.TRAIN_LOG, content.toString());
    }
}
