package org.arr.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arr.cli.ArrCommand;
import org.arr.config.ConfigLoader;
import org.arr.config.ResolvedConfig;
import org.arr.cost.RankingCost;
import org.arr.run.Provenance;
import org.arr.run.RunDirectory;
import org.arr.run.RunStatus;
import org.arr.train.Checkpoints;
import org.arr.train.InvalidCheckpointException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs a tiny experiment end to end with the real engine: 15 top-2 queries over 6 synthetic documents, a
 * one-layer model, 3 epochs.
 */
class ExperimentRunnerTest {

    private static final String CONFIG = """
            name: tiny
            dataset:
              spec: synthetic:top-k
              options: {n: 6, k: 2}
              split: {kind: transductive}
            docids:
              scheme: sequential
              options: {base: 3}
            model:
              layers: 1
              dModel: 16
              heads: 2
              mlpRatio: 2
              dropout: 0.0
              tokenizer: {type: word}
            train:
              epochs: 3
              batchSize: 4
              learningRate: 0.01
              evalEvery: 2
              patience: 0
            eval:
              beamWidth: 6
              topK: 6
            seed: 5
            """;

    private static final List<String> MEASURES = List.of("ndcg_cut.10", "recall.10", "P.10", "recip_rank", "map");

    @TempDir
    static Path shared;

    private static Path finished;

    @TempDir
    Path folder;

    private static ResolvedConfig config(String... overrides) {
        return ConfigLoader.parse(CONFIG, Path.of("tiny.yaml"), List.of(overrides));
    }

    private static ExperimentRunner.Result run(ResolvedConfig config, Path out, boolean resume, int stopAfterEpoch) {
        ExperimentRunner.Options options = new ExperimentRunner.Options(out.getParent(), out, resume, List.of("test"), "test",
                false, stopAfterEpoch);
        return new ExperimentRunner(Clock.systemUTC()).run(config, options);
    }

    @BeforeAll
    static void runOnce() {
        finished = shared.resolve("finished");
        ExperimentRunner.Result result = run(config(), finished, false, 0);
        assertEquals(RunStatus.FINISHED, result.status());
    }

    private static Map<String, Double> metrics(Path run) throws IOException {
        return RunFiles.readMetrics(Files.readString(run.resolve(RunDirectory.METRICS)));
    }

    @Test
    void runWritesEveryFile() throws IOException {
        for (String file : List.of(RunDirectory.CONFIG, RunDirectory.PROVENANCE, RunDirectory.TRAIN_LOG, RunDirectory.RUN,
                RunDirectory.PER_QUERY, RunDirectory.METRICS, RunDirectory.RUN_LOG, RunFiles.TEST_QRELS, RunFiles.REFERENCES,
                RunFiles.DOCIDS, RunFiles.TOKENIZER)) {
            assertTrue(Files.isRegularFile(finished.resolve(file)), file);
        }
        try (var checkpoints = Files.list(finished.resolve(RunDirectory.CHECKPOINTS))) {
            assertTrue(checkpoints.findAny().isPresent());
        }
        assertEquals(config().yaml(), Files.readString(finished.resolve(RunDirectory.CONFIG)));
    }

    @Test
    void provenanceRecordsFinishedRun() throws IOException {
        Provenance provenance = RunDirectory.readProvenance(finished);

        assertEquals(RunStatus.FINISHED, provenance.status());
        assertEquals(config().hash(), provenance.configHash());
        assertEquals(5, provenance.seed());
        assertNotNull(provenance.endTime());
        assertNotNull(provenance.environment().javaVersion());
        assertNotNull(provenance.environment().engine());
    }

    @Test
    void trainLogHasOneRowPerEpoch() throws IOException {
        List<String> lines = Files.readAllLines(finished.resolve(RunDirectory.TRAIN_LOG));

        assertEquals("epoch,loss,dev_ndcg_cut_10,learning_rate,seconds", lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith("1,"), lines.get(1));
        assertTrue(lines.get(2).split(",", -1)[2].length() > 0, "epoch 2 has a dev value: " + lines.get(2));
        assertEquals("", lines.get(1).split(",", -1)[2], "epoch 1 has no dev value: " + lines.get(1));
    }

    @Test
    void metricsHaveTrecEvalNamesAndValidity() throws IOException {
        Map<String, Double> metrics = metrics(finished);

        assertEquals(List.of("map", "recip_rank", "P_10", "recall_10", "ndcg_cut_10", "invalid_rate", "invalid_mass",
                RankingCost.FORWARD_PASSES_PER_QUERY, RankingCost.FLOPS_PER_QUERY), List.copyOf(metrics.keySet()));
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            assertNotNull(metric.getValue(), metric.getKey());
            if (!RankingCost.NAMES.contains(metric.getKey())) {
                assertTrue(metric.getValue() >= 0 && metric.getValue() <= 1, metric.toString());
            }
        }
        assertTrue(metrics.get(RankingCost.FORWARD_PASSES_PER_QUERY) >= 1, "beam search runs the model at least once per query");
    }

    @Test
    void wallClockGoesToTimingFile() throws IOException {
        Map<String, Double> timing = RunFiles.readMetrics(Files.readString(finished.resolve(RunFiles.TIMING)));

        assertEquals(List.of(RankingCost.MS_PER_QUERY), List.copyOf(timing.keySet()));
        assertTrue(timing.get(RankingCost.MS_PER_QUERY) > 0, timing.toString());
    }

    @Test
    void perQueryHasEveryTestQuery() throws IOException {
        List<String> lines = Files.readAllLines(finished.resolve(RunDirectory.PER_QUERY));

        assertEquals("query_id\tmap\trecip_rank\tP_10\trecall_10\tndcg_cut_10\tinvalid_rate\tinvalid_mass", lines.get(0));
        assertEquals(1 + 15, lines.size());
    }

    @Test
    void arrEvalReproducesMetrics() throws IOException {
        StringWriter out = new StringWriter();
        CommandLine commandLine = ArrCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        List<String> arguments = new java.util.ArrayList<>(List.of("eval", "-c"));
        for (String measure : MEASURES) {
            arguments.add("-m");
            arguments.add(measure);
        }
        arguments.add("-m");
        arguments.add("num_q");
        arguments.add(finished.resolve(RunFiles.TEST_QRELS).toString());
        arguments.add(finished.resolve(RunDirectory.RUN).toString());

        assertEquals(0, commandLine.execute(arguments.toArray(String[]::new)));

        Map<String, Double> printed = new LinkedHashMap<>();
        for (String line : out.toString().split("\n")) {
            String[] columns = line.trim().split("\\s+");
            printed.put(columns[0], Double.parseDouble(columns[2]));
        }
        Map<String, Double> metrics = metrics(finished);
        for (String measure : List.of("map", "recip_rank", "P_10", "recall_10", "ndcg_cut_10")) {
            assertEquals(metrics.get(measure), printed.get(measure), 5e-5, measure);
        }
        assertEquals(15.0, printed.get("num_q"));
    }

    @Test
    void sameSeedGivesIdenticalResults() throws IOException {
        Path again = folder.resolve("again");
        run(config(), again, false, 0);

        assertArrayEquals(Files.readAllBytes(finished.resolve(RunDirectory.METRICS)),
                Files.readAllBytes(again.resolve(RunDirectory.METRICS)));
        assertArrayEquals(Files.readAllBytes(finished.resolve(RunDirectory.RUN)), Files.readAllBytes(again.resolve(RunDirectory.RUN)));
    }

    @Test
    void resumeFinishesInterruptedRun() throws IOException {
        Path out = folder.resolve("interrupted");

        ExperimentRunner.Result stopped = run(config(), out, false, 1);
        assertEquals(RunStatus.INTERRUPTED, stopped.status());
        assertEquals(RunStatus.INTERRUPTED, RunDirectory.readProvenance(out).status());
        assertEquals(2, Files.readAllLines(out.resolve(RunDirectory.TRAIN_LOG)).size());
        assertFalse(Files.exists(out.resolve(RunDirectory.METRICS)));

        IllegalArgumentException withoutResume = assertThrows(IllegalArgumentException.class,
                () -> run(config(), out, false, 0));
        assertTrue(withoutResume.getMessage().contains("pass --resume"), withoutResume.getMessage());

        ExperimentRunner.Result resumed = run(config(), out, true, 0);
        assertEquals(RunStatus.FINISHED, resumed.status());
        Provenance provenance = RunDirectory.readProvenance(out);
        assertEquals(RunStatus.FINISHED, provenance.status());
        assertEquals(1, provenance.resumedAt().size());
        List<String> log = Files.readAllLines(out.resolve(RunDirectory.TRAIN_LOG));
        assertEquals(4, log.size());
        assertEquals(List.of("1", "2", "3"), log.subList(1, 4).stream().map(line -> line.split(",")[0]).toList());
        assertArrayEquals(Files.readAllBytes(finished.resolve(RunDirectory.METRICS)),
                Files.readAllBytes(out.resolve(RunDirectory.METRICS)));
    }

    @Test
    void corruptCheckpointFailsResume() throws IOException {
        Path out = folder.resolve("corrupt");
        run(config(), out, false, 1);
        Path checkpoint;
        try (var files = Files.list(out.resolve(RunDirectory.CHECKPOINTS))) {
            checkpoint = files.filter(file -> file.getFileName().toString().equals(Checkpoints.LAST)).findFirst().orElseThrow();
        }
        Files.write(checkpoint, new byte[] {1, 2, 3});

        InvalidCheckpointException error = assertThrows(InvalidCheckpointException.class, () -> run(config(), out, true, 0));

        assertTrue(error.getMessage().contains(Checkpoints.LAST), error.getMessage());
        assertEquals(RunStatus.FAILED, RunDirectory.readProvenance(out).status());
    }

    @Test
    void finishedRunIsNeverOverwritten() throws IOException {
        byte[] metrics = Files.readAllBytes(finished.resolve(RunDirectory.METRICS));
        byte[] provenance = Files.readAllBytes(finished.resolve(RunDirectory.PROVENANCE));

        for (boolean resume : new boolean[] {false, true}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> run(config(), finished, resume, 0));
            assertTrue(error.getMessage().contains("contains a finished run"), error.getMessage());
        }

        assertArrayEquals(metrics, Files.readAllBytes(finished.resolve(RunDirectory.METRICS)));
        assertArrayEquals(provenance, Files.readAllBytes(finished.resolve(RunDirectory.PROVENANCE)));
    }

    @Test
    void failureMarksRunFailed() throws IOException {
        Path out = folder.resolve("failed");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> run(config("dataset.options.z=1"), out, false, 0));

        Provenance provenance = RunDirectory.readProvenance(out);
        assertEquals(RunStatus.FAILED, provenance.status());
        assertTrue(provenance.message().contains(error.getMessage()), provenance.message());
    }

    @Test
    void runCommandPrintsSummaryAndRejectsFinishedFolder() throws IOException {
        Path configFile = folder.resolve("tiny.yaml");
        Files.writeString(configFile, CONFIG);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ArrCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));

        int exitCode = commandLine.execute("run", configFile.toString(), "--out", finished.toString(), "--no-progress");

        assertEquals(2, exitCode);
        assertTrue(err.toString().startsWith("error: Folder " + finished + " contains a finished run"), err.toString());
        assertEquals("", out.toString());
    }
}
