package org.arr.experiment;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.arr.config.ExperimentSpec;
import org.arr.data.Splits;
import org.arr.decode.NextTokenScorer;
import org.arr.loss.Losses;
import org.arr.loss.RankingLoss;
import org.arr.loss.TrainingGroup;
import org.arr.model.ArrModel;
import org.arr.train.ArrTrainer;
import org.arr.train.EpochRecord;
import org.arr.train.TrainerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures training and decoding throughput of the model a config describes, on the config's own task. Training
 * is timed over whole epochs (tokens/s, optimizer steps/s) and decoding as constrained beam search over test
 * queries (queries/s). The JVM's peak heap and the process's peak resident memory are reported too.
 */
public final class Benchmark {

    private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);

    /**
     * Measured figures.
     *
     * @param parameters scalar parameters of the model
     * @param trainingGroups training groups per epoch (queries plus indexing examples)
     * @param trainTokensPerSecond input tokens per second of the training steps
     * @param trainStepsPerSecond optimizer steps per second
     * @param timedEpochs epochs timed
     * @param decodeQueries test queries decoded
     * @param beamWidth beam width of the decoding
     * @param decodeQueriesPerSecond decoded queries per second
     * @param peakHeapBytes sum of the peak usage of the JVM's heap pools
     * @param peakResidentBytes the process's peak resident set size ({@code VmHWM}), or -1 where
     *     {@code /proc/self/status} is unavailable
     */
    public record Figures(long parameters, int trainingGroups, double trainTokensPerSecond, double trainStepsPerSecond,
            int timedEpochs,
            int decodeQueries, int beamWidth, double decodeQueriesPerSecond, long peakHeapBytes, long peakResidentBytes) {
    }

    /** Ends training once the timed epochs are done. */
    private static final class EnoughEpochs extends RuntimeException {

        private static final long serialVersionUID = 1L;

        EnoughEpochs() {
            super("enough epochs timed", null, false, false);
        }
    }

    private Benchmark() {
    }

    /**
     * Runs the measurements.
     *
     * @param epochs training epochs to time after one untimed warm-up epoch; fewer are timed when
     *     {@code train.epochs} ends first
     * @param maxQueries at most this many test queries are decoded
     * @param scratch a folder for the checkpoints the trainer writes
     */
    public static Figures run(ExperimentSpec spec, int epochs, int maxQueries, Path scratch) {
        PreparedTask prepared = PreparedTask.prepare(spec);
        ArrStage stage = new ArrStage(spec, prepared);
        RankingLoss loss = Losses.create(spec.loss().name(), spec.loss().options());
        List<TrainingGroup> groups = stage.trainingGroups(loss);

        // The config's own schedule over all its epochs, stopped after the timed ones, so the learning rate (and
        // with it the numerical behaviour) matches a real run.
        TrainerConfig trainerConfig = ArrStage.trainerConfig(spec, false);
        int stepsPerEpoch = (groups.size() + trainerConfig.batchSize() - 1) / trainerConfig.batchSize();

        try (ArrModel model = ArrModel.create(ArrStage.modelConfig(spec, prepared), spec.seed())) {
            List<EpochRecord> records = new ArrayList<>();
            try {
                new ArrTrainer(trainerConfig).train(model, loss, groups, scratch, false, null, record -> {
                    // The first epoch warms up the JIT compiler and the native library, so it is not timed.
                    if (record.epoch() > 1) {
                        records.add(record);
                    }
                    if (records.size() >= epochs) {
                        throw new EnoughEpochs();
                    }
                });
            } catch (EnoughEpochs done) {
                LOG.info("Timed {} training epoch(s)", records.size());
            }
            if (records.isEmpty()) {
                throw new IllegalArgumentException("Nothing to time: the config trains for " + spec.train().epochs()
                        + " epoch(s) and the first is a warm-up; set train.epochs to 2 or more");
            }
            double seconds = records.stream().mapToDouble(EpochRecord::seconds).sum();
            double tokensPerSecond = records.stream().mapToDouble(r -> r.tokensPerSecond() * r.seconds()).sum() / seconds;

            List<String> testIds = prepared.queryIds(Splits.TEST);
            List<String> decoded = testIds.subList(0, Math.min(maxQueries, testIds.size()));
            int[][] queries = stage.queryTokens(decoded);
            NextTokenScorer scorer = model.scorer(512);
            long started = System.nanoTime();
            stage.decode(scorer, queries, true, false, "Decoding");
            double decodeSeconds = (System.nanoTime() - started) / 1e9;
            LOG.info("Decoded {} queries in {} s", decoded.size(), String.format(Locale.ROOT, "%.2f", decodeSeconds));

            return new Figures(model.parameterCount(), groups.size(), tokensPerSecond, stepsPerEpoch * records.size() / seconds, records.size(),
                    decoded.size(), spec.eval().beamWidth(), decoded.size() / decodeSeconds, peakHeapBytes(),
                    peakResidentBytes());
        }
    }

    /** Returns the sum over heap memory pools of their peak usage since the JVM started. */
    static long peakHeapBytes() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }

    /** Returns {@code VmHWM} (peak resident set size) from {@code /proc/self/status}, or -1 when unavailable. */
    static long peakResidentBytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try (Stream<String> lines = Files.lines(status, StandardCharsets.US_ASCII)) {
            return lines.filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .mapToLong(kilobytes -> Long.parseLong(kilobytes) * 1024)
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            LOG.debug("Cannot read {}: {}", status, e.getMessage());
            return -1;
        }
    }
}
