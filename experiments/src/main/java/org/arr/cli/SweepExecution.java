package org.arr.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.arr.config.sweep.Shard;
import org.arr.config.sweep.Sweep;
import org.arr.experiment.sweep.CellRunner;
import org.arr.experiment.sweep.SweepRunner;
import org.arr.experiment.sweep.SweepSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.stream.Stream;

/**
 * The sweep part of {@code arr run}: runs every cell of a sweep config (or of one {@code --shard}), in this process
 * or in {@code --jobs} child processes, prints the summary table and lists the failed cells.
 */
final class SweepExecution {

    private static final Logger LOG = LoggerFactory.getLogger(SweepExecution.class);

    /** Exit code when at least one cell failed. */
    static final int CELLS_FAILED = 1;

    private SweepExecution() {
    }

    /**
     * Runs a sweep in {@code jobs} child processes at once. Each child is this program with the same JVM options and
     * {@code childArguments}; children take the next unfinished cell through claim files ({@link SweepRunner#claiming}),
     * so a long cell does not hold up the others. Children's log lines go to this process's stderr.
     *
     * @param childArguments the {@code arr} arguments of every child (a {@code run} command with the sweep folder)
     * @return 0 when every child succeeded, otherwise {@link #CELLS_FAILED}
     * @throws IOException if the claim folder cannot be cleared or a child cannot be started
     * @throws InterruptedException if interrupted while waiting for the children (they are stopped)
     */
    static int runJobs(Sweep sweep, Path folder, int jobs, List<String> childArguments, PrintWriter stdout,
            PrintWriter stderr) throws IOException, InterruptedException {
        clearClaims(folder);
        List<String> command = ChildCommand.of(childArguments);
        LOG.info("Sweep {}: starting {} jobs in {}", sweep.name(), jobs, folder);

        List<Process> children = new ArrayList<>();
        int failedJobs = 0;
        try {
            for (int job = 0; job < jobs; job++) {
                children.add(new ProcessBuilder(command)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start());
            }
            for (int job = 0; job < jobs; job++) {
                int code = children.get(job).waitFor();
                if (code != 0) {
                    failedJobs++;
                    LOG.error("Sweep job {} of {} exited with code {}", job + 1, jobs, code);
                }
            }
        } finally {
            for (Process child : children) {
                child.destroy();
            }
        }
        clearClaims(folder);

        SweepSummary summary;
        try {
            summary = SweepSummary.read(sweep, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the summary of sweep " + folder, e);
        }
        printSummary(sweep, folder, summary, false, stdout);
        if (failedJobs == 0) {
            return 0;
        }
        stderr.println("error: " + failedJobs + " of " + jobs + " jobs reported failed cells (see the log above and"
                + " provenance.json in the cell folders).");
        stderr.println("Fix the cause and run the same command again: finished cells are skipped and failed ones resumed.");
        stderr.flush();
        return CELLS_FAILED;
    }

    private static void clearClaims(Path folder) throws IOException {
        Path claims = folder.resolve(SweepRunner.CLAIMS);
        if (!Files.isDirectory(claims)) {
            return;
        }
        try (Stream<Path> entries = Files.list(claims)) {
            for (Path entry : entries.toList()) {
                Files.delete(entry);
            }
        }
        Files.delete(claims);
    }

    private static void printSummary(Sweep sweep, Path folder, SweepSummary summary, boolean sharded, PrintWriter stdout) {
        stdout.println("Sweep " + sweep.name() + " in " + folder + " (mean ± sample std over seeds; runs = finished/cells):");
        stdout.print(summary.format());
        stdout.println("Summary written to " + folder.resolve(SweepSummary.FILE));
        if (!summary.unfinished().isEmpty()) {
            stdout.println(summary.unfinished().size() + " of " + sweep.cells().size() + " cells have no finished run yet"
                    + (sharded ? " (other shards may still be running)" : "") + ".");
        }
        stdout.flush();
    }

    /**
     * Parses the {@code --shard} option and checks that it applies.
     *
     * @param shardText the option value {@code I/N}, or null when not given
     * @param sweep the config's sweep, or empty for a config without one
     * @param config the config file, named in the message
     * @throws IllegalArgumentException if the value is malformed, or given for a config without a sweep
     */
    static Shard shard(String shardText, Optional<Sweep> sweep, Path config) {
        if (shardText == null) {
            return Shard.ALL;
        }
        if (sweep.isEmpty()) {
            throw new IllegalArgumentException("--shard " + shardText + " splits the cells of a sweep, but " + config
                    + " has no sweep: section; run it without --shard");
        }
        return Shard.parse(shardText);
    }

    /**
     * Runs the cells of the shard.
     *
     * @param out the sweep folder given with {@code --out}, or null for {@code runsRoot/<name>/sweep-<hash>}
     * @return 0 when no cell failed, otherwise {@link #CELLS_FAILED}
     * @throws IllegalArgumentException if the sweep folder contains another sweep or other files
     */
    static int run(Sweep sweep, Path out, Path runsRoot, Shard shard, CellRunner cellRunner, boolean claimCells,
            PrintWriter stdout, PrintWriter stderr) {
        Path folder = out != null ? out : sweep.defaultFolder(runsRoot);
        SweepRunner runner = claimCells ? SweepRunner.claiming(cellRunner) : new SweepRunner(cellRunner);
        SweepRunner.Result result = runner.run(sweep, folder, shard);

        printSummary(sweep, folder, result.summary(), shard.count() > 1, stdout);

        List<SweepRunner.CellResult> failures = result.failures();
        if (failures.isEmpty()) {
            return 0;
        }
        stderr.println("error: " + failures.size() + " of " + result.results().size() + " cells failed:");
        for (SweepRunner.CellResult failure : failures) {
            stderr.println("  " + failure.cell().id() + ": " + failure.message());
        }
        stderr.println("Fix the cause and run the same command again: finished cells are skipped and failed ones resumed.");
        stderr.flush();
        return CELLS_FAILED;
    }
}
