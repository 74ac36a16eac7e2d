package org.arr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.arr.config.ResolvedConfig;
import org.arr.config.sweep.Shard;
import org.arr.config.sweep.Sweep;
import org.arr.config.sweep.SweepLoader;
import org.arr.experiment.sweep.CellRunner;
import org.arr.run.Environment;
import org.arr.run.Provenance;
import org.arr.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SweepExecutionTest {

    private static final String CONFIG = """
            name: tiny
            dataset:
              spec: limit-small
            docids:
              scheme: random
            sweep:
              seeds: [1, 2]
              grid:
                train.epochs: [1, 2]
            """;

    @TempDir
    Path root;

    /** Finishes every cell with ndcg_cut_10 = epochs / 10 + seed / 100, except the cell named {@code failing}. */
    private static CellRunner runner(String failing) {
        return (ResolvedConfig config, Path folder, boolean resume) -> {
            Environment environment = new Environment(null, null, "test", "17", "vendor", null, null, "os", 2, 1, "host");
            Provenance start = Provenance.started(config.hash(), config.spec().seed(), List.of("run"), Clock.systemUTC().instant(),
                    environment);
            try (RunDirectory run = RunDirectory.open(folder, config.yaml(), start, resume, Clock.systemUTC())) {
                if (folder.getFileName().toString().equals(failing)) {
                    run.fail("out of memory");
                    throw new IllegalStateException("out of memory");
                }
                double ndcg = config.spec().train().epochs() / 10.0 + config.spec().seed() / 100.0;
                run.writeString(RunDirectory.METRICS, "{\"ndcg_cut_10\": " + ndcg + "}");
                run.finish();
            }
        };
    }

    private static Sweep sweep() {
        return SweepLoader.parse(CONFIG, Path.of("tiny.yaml"), List.of()).orElseThrow();
    }

    @Test
    void runPrintsSummaryAndDefaultsToRunsFolder() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Sweep sweep = sweep();

        int exit = SweepExecution.run(sweep, null, root.resolve("runs"), Shard.ALL, runner(null), false, new PrintWriter(out),
                new PrintWriter(err));

        assertEquals(0, exit, err.toString());
        Path folder = root.resolve("runs").resolve("tiny").resolve("sweep-" + sweep.hash());
        assertTrue(Files.isRegularFile(folder.resolve("summary.csv")));
        assertTrue(Files.isRegularFile(folder.resolve("epochs-2_seed-1").resolve("metrics.json")));
        // epochs 1: 0.11 and 0.12, mean 0.115, std sqrt(2 * 0.005^2) = 0.0071.
        assertTrue(out.toString().contains("epochs-1   2/2  0.1150 ± 0.0071"), out.toString());
        assertTrue(out.toString().contains("epochs-2   2/2  0.2150 ± 0.0071"), out.toString());
    }

    @Test
    void failedCellsAreListedWithExitCode() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = SweepExecution.run(sweep(), root.resolve("out"), root, Shard.ALL, runner("epochs-1_seed-2"), false,
                new PrintWriter(out), new PrintWriter(err));

        assertEquals(SweepExecution.CELLS_FAILED, exit);
        assertTrue(err.toString().contains("1 of 4 cells failed:"), err.toString());
        assertTrue(err.toString().contains("  epochs-1_seed-2: out of memory"), err.toString());
        assertTrue(out.toString().contains("epochs-1   1/2"), out.toString());
        assertTrue(out.toString().contains("1 of 4 cells have no finished run yet."), out.toString());
    }

    @Test
    void shardRunsItsSliceOnly() {
        StringWriter out = new StringWriter();

        int exit = SweepExecution.run(sweep(), root.resolve("out"), root, Shard.parse("2/3"), runner(null), false, new PrintWriter(out),
                new PrintWriter(new StringWriter()));

        assertEquals(0, exit);
        assertTrue(Files.isDirectory(root.resolve("out").resolve("epochs-2_seed-1")));
        assertEquals(1, root.resolve("out").toFile().list((dir, name) -> name.startsWith("epochs-")).length);
        assertTrue(out.toString().contains("3 of 4 cells have no finished run yet (other shards may still be running)."),
                out.toString());
    }

    @Test
    void shardWithoutSweepIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SweepExecution.shard("1/2", Optional.empty(), Path.of("plain.yaml")));

        assertTrue(error.getMessage().contains("plain.yaml has no sweep: section"), error.getMessage());
        assertEquals(Shard.ALL, SweepExecution.shard(null, Optional.empty(), Path.of("plain.yaml")));
        assertEquals(new Shard(3, 4), SweepExecution.shard("3/4", Optional.of(sweep()), Path.of("tiny.yaml")));
    }

    @Test
    void validateChecksEveryCell() throws Exception {
        Path config = Files.writeString(root.resolve("sweep.yaml"), CONFIG);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ArrCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));

        assertEquals(0, commandLine.execute("validate", config.toString()), err.toString());
        assertTrue(err.toString().contains("Sweep is valid: 4 cells in 2 variants"), err.toString());
        assertTrue(out.toString().contains("id: epochs-2_seed-2"), out.toString());

        StringWriter badErr = new StringWriter();
        commandLine.setErr(new PrintWriter(badErr));
        assertEquals(2, commandLine.execute("validate", config.toString(), "--set", "sweep.grid={train.epochs: [1, 0]}"));
        assertTrue(badErr.toString().contains("train.epochs:"), badErr.toString());
        assertTrue(badErr.toString().contains("(cells epochs-0_seed-1, epochs-0_seed-2)"), badErr.toString());
    }
}
