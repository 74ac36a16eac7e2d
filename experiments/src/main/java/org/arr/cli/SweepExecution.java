package org.arr.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.arr.config.sweep.Shard;
import org.arr.config.sweep.Sweep;
import org.arr.experiment.sweep.CellRunner;
import org.arr.experiment.sweep.SweepRunner;
import org.arr.experiment.sweep.SweepSummary;

/**
 * The sweep part of {@code arr run}: runs every cell of a sweep config (or of one {@code --shard}), prints the
 * summary table and lists the failed cells.
 */
final class SweepExecution {

    /** Exit code when at least one cell failed. */
    static final int CELLS_FAILED = 1;

    private SweepExecution() {
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
    static int run(Sweep sweep, Path out, Path runsRoot, Shard shard, CellRunner cellRunner, PrintWriter stdout,
            PrintWriter stderr) {
        Path folder = out != null ? out : sweep.defaultFolder(runsRoot);
        SweepRunner.Result result = new SweepRunner(cellRunner).run(sweep, folder, shard);

        SweepSummary summary = result.summary();
        stdout.println("Sweep " + sweep.name() + " in " + folder + " (mean ± sample std over seeds; runs = finished/cells):");
        stdout.print(summary.format());
        stdout.println("Summary written to " + folder.resolve(SweepSummary.FILE));
        if (!summary.unfinished().isEmpty()) {
            stdout.println(summary.unfinished().size() + " of " + sweep.cells().size() + " cells have no finished run yet"
                    + (shard.count() > 1 ? " (other shards may still be running)" : "") + ".");
        }
        stdout.flush();

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
