package org.arr.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder of one run: resolved config, provenance, training log, checkpoints, TREC run, per-query and
 * summary metrics. Every file is written atomically ({@link AtomicFiles}). The status in
 * {@code provenance.json} is {@code running} until {@link #finish}, {@link #fail} or {@link #interrupt};
 * a JVM shutdown (Ctrl-C) while running marks the run {@code interrupted}.
 *
 * <p>Rules: a folder that contains a finished run is never written again, and opening it fails with a message
 * naming it; a folder with an unfinished run is reused only with {@code resume} and the same resolved config;
 * a non-empty folder without {@code provenance.json} is rejected. While open, the run holds a lock on
 * {@code .lock} in its folder, so a second process cannot write the same run.
 */
public final class RunDirectory implements AutoCloseable {

    public static final String CONFIG = "config.yaml";
    public static final String PROVENANCE = "provenance.json";
    public static final String TRAIN_LOG = "train_log.csv";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String RUN = "run.trec";
    public static final String PER_QUERY = "per_query.tsv";
    public static final String METRICS = "metrics.json";
    public static final String RUN_LOG = "run.log";
    private static final String LOCK = ".lock";

    /** Folder names start with the UTC start time in this form, e.g. {@code 20250102-134501}. */
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private static final Logger LOG = LoggerFactory.getLogger(RunDirectory.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;
    private final Clock clock;
    private final boolean resumed;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private Provenance provenance;
    private Thread shutdownHook;

    private RunDirectory(Path folder, Clock clock, boolean resumed, FileChannel lockChannel, FileLock lock) {
        this.folder = folder;
        this.clock = clock;
        this.resumed = resumed;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates a new run folder {@code runsRoot/<name>/<yyyyMMdd-HHmmss>-<configHash>/} (UTC start time; a
     * {@code -2}, {@code -3}, ... suffix when two runs of one config start in the same second) and writes the
     * config and the {@code running} provenance.
     *
     * @throws UncheckedIOException if the folder or its files cannot be written
     */
    public static RunDirectory create(Path runsRoot, String name, String configYaml, Provenance start, Clock clock) {
        Path parent = runsRoot.resolve(name);
        String base = FOLDER_TIME.format(clock.instant()) + "-" + start.configHash();
        try {
            Files.createDirectories(parent);
            for (int attempt = 1; ; attempt++) {
                Path folder = parent.resolve(attempt == 1 ? base : base + "-" + attempt);
                try {
                    Files.createDirectory(folder);
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    continue;
                }
                return start(folder, configYaml, start, clock);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create a run folder under " + parent, e);
        }
    }

    /**
     * Opens a run folder chosen by the user ({@code --out DIR}): a missing or empty folder starts a new run; a
     * folder with an unfinished run is resumed when {@code resume} is set.
     *
     * @param start provenance of a new run; on resume the stored provenance is kept and the resume time added
     * @throws IllegalArgumentException if the folder contains a finished run, contains an unfinished run without
     *     {@code resume}, was run with a different config, is locked by another process, or is a non-empty
     *     folder that is not a run
     * @throws UncheckedIOException if the folder cannot be read or written
     */
    public static RunDirectory open(Path folder, String configYaml, Provenance start, boolean resume, Clock clock) {
        try {
            if (!Files.exists(folder) || isEmptyFolder(folder)) {
                if (resume) {
                    throw new IllegalArgumentException("Cannot resume: " + folder + " contains no run; start it without --resume");
                }
                Files.createDirectories(folder);
                return start(folder, configYaml, start, clock);
            }
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("Run folder " + folder + " is a file; choose a folder for --out");
            }
            Path provenanceFile = folder.resolve(PROVENANCE);
            if (!Files.isRegularFile(provenanceFile)) {
                throw new IllegalArgumentException("Folder " + folder + " is not empty and contains no run (no " + PROVENANCE
                        + "); choose a new or empty folder");
            }
            Provenance stored = readProvenance(folder);
            if (stored.isFinished()) {
                throw finishedRun(folder, stored);
            }
            if (!resume) {
                throw new IllegalArgumentException("Folder " + folder + " contains an unfinished run (status " + stored.status().label()
                        + describeMessage(stored) + "); pass --resume to continue it, or choose another folder");
            }
            return resume(folder, configYaml, stored, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to open run folder " + folder, e);
        }
    }

    /**
     * Resumes the newest unfinished run of a config under {@code runsRoot/<name>/}, found by the config hash in
     * the folder names.
     *
     * @throws IllegalArgumentException if there is no unfinished run of this config, or it is locked or was run
     *     with a different config
     * @throws UncheckedIOException if a folder cannot be read or written
     */
    public static RunDirectory resumeLatest(Path runsRoot, String name, String configYaml, String configHash, Clock clock) {
        Path parent = runsRoot.resolve(name);
        Optional<Path> latest = latestUnfinished(parent, configHash);
        if (latest.isEmpty()) {
            throw new IllegalArgumentException("Cannot resume: no unfinished run of '" + name + "' with config hash " + configHash
                    + " under " + parent + "; start it without --resume, or give its folder with --out");
        }
        try {
            return resume(latest.get(), configYaml, readProvenance(latest.get()), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to open run folder " + latest.get(), e);
        }
    }

    /** Returns the newest folder under {@code parent} named for this config hash whose run did not finish. */
    static Optional<Path> latestUnfinished(Path parent, String configHash) {
        if (!Files.isDirectory(parent)) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> folders = Files.list(parent)) {
            folders.filter(Files::isDirectory)
                    .filter(folder -> folder.getFileName().toString().matches("\\d{8}-\\d{6}-" + configHash + "(-\\d+)?"))
                    .forEach(candidates::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list run folders in " + parent, e);
        }
        candidates.sort(Comparator.comparing((Path folder) -> folder.getFileName().toString()).reversed());
        for (Path folder : candidates) {
            try {
                if (Files.isRegularFile(folder.resolve(PROVENANCE)) && !readProvenance(folder).isFinished()) {
                    return Optional.of(folder);
                }
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Skipping run folder {}: {}", folder, e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static RunDirectory start(Path folder, String configYaml, Provenance start, Clock clock) throws IOException {
        RunDirectory run = locked(folder, clock, false);
        try {
            AtomicFiles.writeString(folder.resolve(CONFIG), configYaml);
            Files.createDirectories(folder.resolve(CHECKPOINTS));
            run.setProvenance(start);
        } catch (IOException | RuntimeException e) {
            run.releaseLock();
            throw e;
        }
        LOG.info("Run folder {}", folder);
        return run;
    }

    private static RunDirectory resume(Path folder, String configYaml, Provenance stored, Clock clock) throws IOException {
        Path configFile = folder.resolve(CONFIG);
        String storedConfig = Files.isRegularFile(configFile) ? Files.readString(configFile, StandardCharsets.UTF_8) : null;
        if (!configYaml.equals(storedConfig)) {
            throw new IllegalArgumentException("Cannot resume " + folder + ": its " + CONFIG + " differs from the resolved config;"
                    + " resume with the same config file and --set values");
        }
        RunDirectory run = locked(folder, clock, true);
        try {
            Provenance current = readProvenance(folder);
            if (current.isFinished()) {
                throw finishedRun(folder, current);
            }
            Files.createDirectories(folder.resolve(CHECKPOINTS));
            run.setProvenance(current.withResume(clock.instant()));
        } catch (IOException | RuntimeException e) {
            run.releaseLock();
            throw e;
        }
        LOG.info("Resuming run in {}", folder);
        return run;
    }

    private static RunDirectory locked(Path folder, Clock clock, boolean resumed) throws IOException {
        FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalArgumentException("Run folder " + folder + " is in use by another running process");
        }
        return new RunDirectory(folder, clock, resumed, channel, lock);
    }

    private static IllegalArgumentException finishedRun(Path folder, Provenance stored) {
        return new IllegalArgumentException("Folder " + folder + " contains a finished run (ended " + stored.endTime()
                + "), which is never overwritten; choose another folder");
    }

    private static String describeMessage(Provenance stored) {
        return stored.message() == null ? "" : ": " + stored.message();
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * Reads the {@code provenance.json} of a run folder.
     *
     * @throws IllegalArgumentException if the file is not valid provenance JSON
     * @throws IOException if it cannot be read
     */
    public static Provenance readProvenance(Path folder) throws IOException {
        Path file = folder.resolve(PROVENANCE);
        try {
            return JSON.readValue(file.toFile(), Provenance.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": invalid provenance file: " + e.getOriginalMessage(), e);
        }
    }

    public Path path() {
        return folder;
    }

    /** Returns the folder for checkpoints (it exists). */
    public Path checkpoints() {
        return folder.resolve(CHECKPOINTS);
    }

    /** Returns whether this run continues an earlier, unfinished one. */
    public boolean resumed() {
        return resumed;
    }

    public synchronized Provenance provenance() {
        return provenance;
    }

    /**
     * Replaces a file of the run with a string, atomically.
     *
     * @throws IllegalStateException if the run has finished
     * @throws UncheckedIOException if writing fails
     */
    public void writeString(String fileName, String content) {
        write(fileName, temporary -> Files.writeString(temporary, content, StandardCharsets.UTF_8));
    }

    /**
     * Replaces a file of the run with what {@code writer} writes to a temporary file, atomically.
     *
     * @throws IllegalStateException if the run has finished
     * @throws UncheckedIOException if writing fails
     */
    public synchronized void write(String fileName, AtomicFiles.Writer writer) {
        requireWritable();
        Path target = folder.resolve(fileName);
        try {
            AtomicFiles.write(target, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write " + target, e);
        }
    }

    /** Returns the training log of this run, keeping rows written before a resume. */
    public TrainLog trainLog(String devMetricName) {
        return TrainLog.open(this, devMetricName);
    }

    /**
     * Marks the run {@code interrupted} if the JVM shuts down (Ctrl-C, SIGTERM) while it is running. Removed
     * when the run ends or the folder is closed.
     */
    public synchronized void markInterruptedOnShutdown() {
        if (shutdownHook != null) {
            return;
        }
        shutdownHook = new Thread(() -> {
            synchronized (this) {
                if (provenance != null && provenance.status() == RunStatus.RUNNING) {
                    LOG.warn("Interrupted: marking run {} as interrupted; continue it with --resume", folder);
                    endQuietly(RunStatus.INTERRUPTED, "interrupted by a shutdown signal (Ctrl-C or SIGTERM)");
                }
            }
        }, "arr-run-interrupt");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Marks the run {@code finished}; afterwards no file of it is written again. */
    public synchronized void finish() {
        end(RunStatus.FINISHED, null);
        LOG.info("Run finished: {}", folder);
    }

    /** Marks the run {@code failed} with the error message; {@code --resume} may continue it. */
    public synchronized void fail(String message) {
        end(RunStatus.FAILED, message);
        LOG.error("Run failed: {}: {}", folder, message);
    }

    /** Marks the run {@code interrupted} with a reason; {@code --resume} continues it. */
    public synchronized void interrupt(String reason) {
        end(RunStatus.INTERRUPTED, reason);
        LOG.warn("Run interrupted: {}: {}", folder, reason);
    }

    /**
     * Releases the folder. A run that is still {@code running} is marked {@code interrupted}, because the code
     * that opened it ended without reporting how the run ended.
     */
    @Override
    public synchronized void close() {
        if (provenance != null && provenance.status() == RunStatus.RUNNING) {
            endQuietly(RunStatus.INTERRUPTED, "closed before the run ended");
        }
        removeShutdownHook();
        releaseLock();
    }

    private void end(RunStatus status, String message) {
        requireWritable();
        setProvenance(provenance.withEnd(status, message, clock.instant()));
        removeShutdownHook();
    }

    private void endQuietly(RunStatus status, String message) {
        try {
            setProvenance(provenance.withEnd(status, message, clock.instant()));
        } catch (UncheckedIOException e) {
            LOG.error("Failed to mark run {} as {}: {}", folder, status.label(), e.getMessage());
        }
    }

    private void setProvenance(Provenance updated) {
        try {
            byte[] json = JSON.writeValueAsBytes(updated);
            AtomicFiles.write(folder.resolve(PROVENANCE), temporary -> Files.write(temporary, json));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write " + folder.resolve(PROVENANCE), e);
        }
        provenance = updated;
    }

    private void requireWritable() {
        if (provenance != null && provenance.isFinished()) {
            throw new IllegalStateException("Run " + folder + " has finished; its files are never written again");
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is shutting down and runs the hook anyway; it finds the run no longer running.
        }
        shutdownHook = null;
    }

    private void releaseLock() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();

            // A finished run is never opened for writing again, so its lock file is no longer needed.
            if (provenance != null && provenance.isFinished()) {
                Files.deleteIfExists(folder.resolve(LOCK));
            }
        } catch (IOException e) {
            LOG.warn("Failed to release the lock of run folder {}: {}", folder, e.getMessage());
        }
    }
}
