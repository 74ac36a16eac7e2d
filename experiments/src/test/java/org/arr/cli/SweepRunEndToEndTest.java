package org.arr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arr.run.Provenance;
import org.arr.run.RunDirectory;
import org.arr.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs a sweep of two tiny real experiments (6 synthetic documents, a one-layer model, 2 epochs) through
 * {@code arr run} in two shards, with an interrupted first attempt that the rerun resumes.
 */
class SweepRunEndToEndTest {

    private static final String CONFIG = """
            name: tiny
            dataset:
              spec: synthetic:top-k
              options: {n: 6, k: 2}
              split: {kind: transductive}
            docids:
              scheme: sequential
              options: {base: 3}
            model: {layers: 1, dModel: 16, heads: 2, mlpRatio: 2, dropout: 0.0, tokenizer: {type: word}}
            train: {epochs: 2, batchSize: 4, learningRate: 0.01, evalEvery: 2, patience: 0}
            eval: {beamWidth: 6, topK: 6}
            sweep:
              seeds: [3]
              variants:
                - {name: ntp, set: {loss.name: ntp}}
                - {name: stoical-b1, set: {loss.name: stoical, loss.beta: 1}}
            """;

    @TempDir
    Path root;

    private record Execution(int exit, String out, String err) {
    }

    private static Execution arr(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ArrCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(args);
        return new Execution(exit, out.toString(), err.toString());
    }

    @Test
    void shardsResumeAndSkipIntoOneSweep() throws Exception {
        Path config = Files.writeString(root.resolve("tiny.yaml"), CONFIG);
        Path sweep = root.resolve("sweep");
        String[] base = {"run", config.toString(), "--out", sweep.toString(), "--no-progress"};

        Execution stopped = arr(concat(base, "--shard", "1/2", "--stop-after-epoch", "1"));
        assertEquals(SweepExecution.CELLS_FAILED, stopped.exit(), stopped.err());
        assertTrue(stopped.err().contains("1 of 1 cells failed:"), stopped.err());
        assertTrue(stopped.err().contains("ntp_seed-3: the run ended without finishing (status interrupted"), stopped.err());
        assertEquals(RunStatus.INTERRUPTED, RunDirectory.readProvenance(sweep.resolve("ntp_seed-3")).status());

        Execution resumed = arr(concat(base, "--shard", "1/2"));
        assertEquals(0, resumed.exit(), resumed.err());
        Execution second = arr(concat(base, "--shard", "2/2"));
        assertEquals(0, second.exit(), second.err());

        for (String cell : List.of("ntp_seed-3", "stoical-b1_seed-3")) {
            Provenance provenance = RunDirectory.readProvenance(sweep.resolve(cell));
            assertEquals(RunStatus.FINISHED, provenance.status(), cell);
            assertEquals(3, provenance.seed(), cell);
            assertEquals(cell.startsWith("ntp") ? 1 : 0, provenance.resumedAt().size(), cell);
            assertEquals(3, Files.readAllLines(sweep.resolve(cell).resolve(RunDirectory.TRAIN_LOG)).size(), cell);
            assertTrue(Files.isRegularFile(sweep.resolve(cell).resolve(RunDirectory.PER_QUERY)), cell);
        }
        assertTrue(Files.readString(sweep.resolve("stoical-b1_seed-3").resolve(RunDirectory.CONFIG)).contains("beta: 1"));

        List<String> summary = Files.readAllLines(sweep.resolve("summary.csv"));
        assertEquals(3, summary.size(), summary::toString);
        assertTrue(summary.get(0).startsWith("variant,cells,finished,"), summary.get(0));
        assertTrue(summary.get(0).contains("invalid_rate_mean,invalid_rate_std,invalid_mass_mean,invalid_mass_std"),
                summary.get(0));
        assertTrue(summary.get(1).startsWith("ntp,1,1,"), summary.get(1));
        assertTrue(summary.get(2).startsWith("stoical-b1,1,1,"), summary.get(2));

        Execution rerun = arr(base);
        assertEquals(0, rerun.exit(), rerun.err());
        assertTrue(rerun.out().contains("ntp          1/1"), rerun.out());
        assertEquals(summary, Files.readAllLines(sweep.resolve("summary.csv")));
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
