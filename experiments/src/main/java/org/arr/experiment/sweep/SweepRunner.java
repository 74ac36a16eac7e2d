package org.arr.experiment.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.arr.config.sweep.Shard;
import org.arr.config.sweep.Sweep;
import org.arr.config.sweep.SweepCell;
import org.arr.run.AtomicFiles;
import org.arr.run.RunDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the cells of a sweep (or of one shard of it), each in its own run folder {@code <sweep folder>/<cell id>/},
 * one after another in sweep order. The sweep folder gets {@code sweep.yaml} (the resolved definition) first and
 * {@code summary.csv} ({@link SweepSummary} over every finished cell, of all shards) at the end.
 *
 * <p>Per cell: a finished run is skipped; an unfinished one (running, interrupted or failed) is resumed; a missing
 * or empty folder starts a new run. A cell that fails is recorded and the sweep goes on with the next cell.
 * Shards of one sweep may run at the same time in one sweep folder: they run disjoint cells, and every file they
 * share is written atomically with the same content ({@code sweep.yaml}) or rewritten whole ({@code summary.csv}).
 */
public final class SweepRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SweepRunner.class);

    /** Folder, inside the sweep folder, of the claim files of jobs that share a sweep ({@link #claiming}). */
    public static final String CLAIMS = ".claims";

    private final CellRunner cellRunner;
    private final boolean claim;

    public SweepRunner(CellRunner cellRunner) {
        this(cellRunner, false);
    }

    private SweepRunner(CellRunner cellRunner, boolean claim) {
        this.cellRunner = cellRunner;
        this.claim = claim;
    }

    /**
     * Returns a runner for one of several jobs that work through the same cells at once: before it runs an
     * unfinished cell it creates {@code <sweep folder>/.claims/<cell id>} (an atomic create-if-absent), and it leaves
     * cells whose claim file exists to the job that made it. The caller that starts the jobs removes {@code .claims} before
     * and after them.
     */
    public static SweepRunner claiming(CellRunner cellRunner) {
        return new SweepRunner(cellRunner, true);
    }

    /** The outcome of one cell in this invocation. */
    public enum Outcome {
        /** Ran (new or resumed) and finished. */
        FINISHED,
        /** Had finished before; not run again. */
        SKIPPED,
        /** Failed, with the error message. */
        FAILED,
        /** Claimed by another job of the same sweep (see {@link #claiming}); not run here. */
        CLAIMED_ELSEWHERE
    }

    /**
     * @param cell the cell
     * @param outcome how it ended
     * @param message the error of a failed cell, otherwise null
     * @param seconds wall-clock seconds spent on it in this invocation
     */
    public record CellResult(SweepCell cell, Outcome outcome, String message, double seconds) {
    }

    /**
     * @param folder the sweep folder
     * @param results one per cell of the shard, in run order
     * @param summary the summary over every finished cell of the sweep
     */
    public record Result(Path folder, List<CellResult> results, SweepSummary summary) {

        public Result {
            results = List.copyOf(results);
        }

        /** Returns the failed cells, in run order. */
        public List<CellResult> failures() {
            return results.stream().filter(result -> result.outcome() == Outcome.FAILED).toList();
        }

        /** Returns how many cells ended with this outcome. */
        public long count(Outcome outcome) {
            return results.stream().filter(result -> result.outcome() == outcome).count();
        }
    }

    /**
     * Runs the cells of one shard.
     *
     * @param sweepFolder where the cell folders go; created if missing
     * @throws IllegalArgumentException if the folder contains a different sweep, or is a non-empty folder without
     *     {@code sweep.yaml}
     * @throws UncheckedIOException if {@code sweep.yaml} or {@code summary.csv} cannot be written, or the summary
     *     cannot read a cell's files
     */
    public Result run(Sweep sweep, Path sweepFolder, Shard shard) {
        prepareFolder(sweep, sweepFolder);
        List<SweepCell> cells = shard.select(sweep.cells());
        String shardText = shard.count() == 1 ? "" : " in shard " + shard;
        LOG.info("Sweep {} ({} cells, hash {}): running {} cell(s){} in {}", sweep.name(), sweep.cells().size(), sweep.hash(),
                cells.size(), shardText, sweepFolder);
        if (cells.isEmpty()) {
            LOG.warn("Shard {} has no cells: the sweep has only {} cell(s)", shard, sweep.cells().size());
        }

        List<CellResult> results = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            SweepCell cell = cells.get(i);
            String progress = "[" + (i + 1) + "/" + cells.size() + "] cell " + cell.id();
            results.add(runCell(cell, sweepFolder.resolve(cell.id()), progress));
        }

        SweepSummary summary;
        try {
            summary = SweepSummary.read(sweep, sweepFolder);
            AtomicFiles.writeString(sweepFolder.resolve(SweepSummary.FILE), summary.toCsv());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write the summary of sweep " + sweepFolder, e);
        }
        Result result = new Result(sweepFolder, results, summary);
        LOG.info("Sweep {}{}: {} finished, {} skipped (already finished), {} failed{}; summary in {}", sweep.name(), shardText,
                result.count(Outcome.FINISHED), result.count(Outcome.SKIPPED), result.count(Outcome.FAILED),
                claim ? ", " + result.count(Outcome.CLAIMED_ELSEWHERE) + " run by other jobs" : "",
                sweepFolder.resolve(SweepSummary.FILE));
        return result;
    }

    private CellResult runCell(SweepCell cell, Path folder, String progress) {
        long start = System.nanoTime();
        try {
            CellState state = CellState.of(folder);
            switch (state.kind()) {
                case FINISHED -> {
                    checkSameConfig(cell, folder);
                    LOG.info("{}: already finished, skipped", progress);
                    return new CellResult(cell, Outcome.SKIPPED, null, seconds(start));
                }
                case NOT_A_RUN -> throw new IllegalArgumentException("Folder " + folder + " is not empty and contains no run (no "
                        + RunDirectory.PROVENANCE + "); remove it to run the cell");
                case UNFINISHED, NEW -> {
                    if (claim && !claimCell(folder)) {
                        LOG.info("{}: claimed by another job", progress);
                        return new CellResult(cell, Outcome.CLAIMED_ELSEWHERE, null, seconds(start));
                    }
                }
                default -> throw new IllegalStateException("Unknown cell state " + state.kind());
            }
            if (state.kind() == CellState.Kind.UNFINISHED) {
                LOG.info("{}: resuming its {} run{}", progress, state.provenance().status().label(),
                        state.provenance().message() == null ? "" : " (" + state.provenance().message() + ")");
            } else {
                LOG.info("{}: starting", progress);
            }

            cellRunner.run(cell.config(), folder, state.kind() == CellState.Kind.UNFINISHED);

            CellState after = CellState.of(folder);
            if (after.kind() != CellState.Kind.FINISHED) {
                String status = after.provenance() == null ? "no run" : "status " + after.provenance().status().label();
                throw new IllegalStateException("the run ended without finishing (" + status + " in " + folder + ")");
            }
            double seconds = seconds(start);
            LOG.info("{}: finished in {} s", progress, String.format(java.util.Locale.ROOT, "%.1f", seconds));
            return new CellResult(cell, Outcome.FINISHED, null, seconds);
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.error("{}: failed: {}", progress, message, e);
            return new CellResult(cell, Outcome.FAILED, message, seconds(start));
        }
    }

    /** Creates the cell's claim file; returns false when another job created it first. */
    private static boolean claimCell(Path cellFolder) throws IOException {
        Path claims = cellFolder.getParent().resolve(CLAIMS);
        Files.createDirectories(claims);
        try {
            Files.writeString(claims.resolve(cellFolder.getFileName().toString()), ProcessHandle.current().pid() + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        }
    }

    /** Rejects a finished cell folder whose config differs from the cell's, which would be skipped by mistake. */
    private static void checkSameConfig(SweepCell cell, Path folder) throws IOException {
        Path configFile = folder.resolve(RunDirectory.CONFIG);
        String stored = Files.isRegularFile(configFile) ? Files.readString(configFile, StandardCharsets.UTF_8) : null;
        if (!cell.config().yaml().equals(stored)) {
            throw new IllegalArgumentException("Folder " + folder + " contains a finished run of a different config; move it"
                    + " away to run this cell");
        }
    }

    /** Creates the sweep folder with {@code sweep.yaml}, or checks that an existing one contains this same sweep. */
    private static void prepareFolder(Sweep sweep, Path sweepFolder) {
        Path definition = sweepFolder.resolve(Sweep.DEFINITION_FILE);
        try {
            if (Files.exists(sweepFolder) && !Files.isDirectory(sweepFolder)) {
                throw new IllegalArgumentException("Sweep folder " + sweepFolder + " is a file; choose a folder for --out");
            }
            if (!Files.isRegularFile(definition) && Files.isDirectory(sweepFolder) && hasEntries(sweepFolder)
                    && !Files.isRegularFile(definition)) {
                // The second look at sweep.yaml covers a shard that wrote it and its first cell between the two checks.
                throw new IllegalArgumentException("Folder " + sweepFolder + " is not empty and contains no " + Sweep.DEFINITION_FILE
                        + "; choose a new or empty folder for the sweep");
            }
            if (!Files.isRegularFile(definition)) {
                Files.createDirectories(sweepFolder);
                AtomicFiles.writeString(definition, sweep.yaml());
                return;
            }
            String stored = Files.readString(definition, StandardCharsets.UTF_8);
            if (!stored.equals(sweep.yaml())) {
                throw new IllegalArgumentException("Sweep folder " + sweepFolder + " contains a different sweep (its "
                        + Sweep.DEFINITION_FILE + " differs from this config's sweep, hash " + sweep.hash() + "); choose"
                        + " another --out, or rerun with the config and --set values that created it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to prepare sweep folder " + sweepFolder, e);
        }
    }

    /** Returns whether the folder contains anything besides temporary files of an atomic write in progress. */
    private static boolean hasEntries(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString())
                    .anyMatch(name -> !name.startsWith(AtomicFiles.TEMPORARY_PREFIX) && !name.equals(CLAIMS));
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
