package org.arr.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.arr.config.sweep.Shard;
import org.arr.config.sweep.Sweep;
import org.arr.config.sweep.SweepCell;
import org.arr.config.sweep.SweepLoader;
import org.arr.run.RunDirectory;
import org.arr.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {

    private static final String CONFIG = """
            name: tiny
            dataset:
              spec: limit-small
            docids:
              scheme: random
            sweep:
              seeds: [1, 2, 3]
              variants:
                - {name: a, set: {train.epochs: 1}}
                - {name: b, set: {train.epochs: 2}}
            """;

    private static final List<String> IDS = List.of("a_seed-1", "b_seed-1", "a_seed-2", "b_seed-2", "a_seed-3", "b_seed-3");

    @TempDir
    Path root;

    private static Sweep sweep() {
        return SweepLoader.parse(CONFIG, Path.of("test.yaml"), List.of()).orElseThrow();
    }

    private Path folder() {
        return root.resolve("sweep");
    }

    private static List<String> called(FakeCellRunner runner) {
        return runner.calls().stream().map(FakeCellRunner.Call::cell).toList();
    }

    private static RunStatus status(Path cellFolder) throws IOException {
        return RunDirectory.readProvenance(cellFolder).status();
    }

    @Test
    void runsEveryCellIntoItsFolder() throws IOException {
        FakeCellRunner runner = new FakeCellRunner();
        Sweep sweep = sweep();

        SweepRunner.Result result = new SweepRunner(runner).run(sweep, folder(), Shard.ALL);

        assertEquals(IDS, called(runner));
        assertTrue(runner.calls().stream().noneMatch(FakeCellRunner.Call::resume));
        assertEquals(6, result.count(SweepRunner.Outcome.FINISHED));
        assertTrue(result.failures().isEmpty());
        for (SweepCell cell : sweep.cells()) {
            Path cellFolder = folder().resolve(cell.id());
            assertEquals(RunStatus.FINISHED, status(cellFolder));
            assertEquals(cell.config().yaml(), Files.readString(cellFolder.resolve(RunDirectory.CONFIG)));
        }
        assertEquals(sweep.yaml(), Files.readString(folder().resolve(Sweep.DEFINITION_FILE)));
        assertEquals(result.summary().toCsv(), Files.readString(folder().resolve(SweepSummary.FILE)));
    }

    @Test
    void rerunSkipsFinishedCells() {
        FakeCellRunner first = new FakeCellRunner();
        new SweepRunner(first).run(sweep(), folder(), Shard.ALL);
        FakeCellRunner second = new FakeCellRunner();

        SweepRunner.Result result = new SweepRunner(second).run(sweep(), folder(), Shard.ALL);

        assertEquals(List.of(), second.calls());
        assertEquals(6, result.count(SweepRunner.Outcome.SKIPPED));
        assertEquals(0, result.count(SweepRunner.Outcome.FINISHED));
    }

    @Test
    void failingCellDoesNotStopOthers() throws IOException {
        FakeCellRunner runner = new FakeCellRunner().failing("a_seed-2");

        SweepRunner.Result result = new SweepRunner(runner).run(sweep(), folder(), Shard.ALL);

        assertEquals(IDS, called(runner));
        assertEquals(1, result.failures().size());
        SweepRunner.CellResult failure = result.failures().get(0);
        assertEquals("a_seed-2", failure.cell().id());
        assertEquals("loss is NaN at epoch 1", failure.message());
        assertEquals(5, result.count(SweepRunner.Outcome.FINISHED));
        assertEquals(RunStatus.FAILED, status(folder().resolve("a_seed-2")));
        assertEquals(RunStatus.FINISHED, status(folder().resolve("b_seed-3")));
        assertEquals(List.of("a_seed-2"), result.summary().unfinished());
    }

    @Test
    void rerunResumesFailedAndInterruptedCells() throws IOException {
        FakeCellRunner runner = new FakeCellRunner().failing("a_seed-2").stopping("b_seed-3");
        SweepRunner.Result first = new SweepRunner(runner).run(sweep(), folder(), Shard.ALL);
        assertEquals(List.of("a_seed-2", "b_seed-3"), first.failures().stream().map(f -> f.cell().id()).toList());
        assertTrue(first.failures().get(1).message().contains("ended without finishing (status interrupted"),
                first.failures().get(1).message());
        assertEquals(RunStatus.INTERRUPTED, status(folder().resolve("b_seed-3")));

        FakeCellRunner rerun = new FakeCellRunner();
        SweepRunner.Result second = new SweepRunner(rerun).run(sweep(), folder(), Shard.ALL);

        assertEquals(List.of(new FakeCellRunner.Call("a_seed-2", true), new FakeCellRunner.Call("b_seed-3", true)), rerun.calls());
        assertEquals(4, second.count(SweepRunner.Outcome.SKIPPED));
        assertEquals(2, second.count(SweepRunner.Outcome.FINISHED));
        assertEquals(List.of(), second.summary().unfinished());
        assertEquals(1, RunDirectory.readProvenance(folder().resolve("a_seed-2")).resumedAt().size());
    }

    @Test
    void foreignFolderFailsOnlyItsCell() throws IOException {
        Files.createDirectories(folder().resolve("b_seed-1"));
        Files.writeString(folder().resolve(Sweep.DEFINITION_FILE), sweep().yaml());
        Files.writeString(folder().resolve("b_seed-1").resolve("notes.txt"), "mine");
        FakeCellRunner runner = new FakeCellRunner();

        SweepRunner.Result result = new SweepRunner(runner).run(sweep(), folder(), Shard.ALL);

        assertEquals(1, result.failures().size());
        assertTrue(result.failures().get(0).message().contains("contains no run"), result.failures().get(0).message());
        assertEquals(5, runner.calls().size());
        assertEquals("mine", Files.readString(folder().resolve("b_seed-1").resolve("notes.txt")));
    }

    @Test
    void folderOfAnotherSweepIsRejected() throws IOException {
        new SweepRunner(new FakeCellRunner()).run(sweep(), folder(), Shard.ALL);
        Sweep other = SweepLoader.parse(CONFIG, Path.of("test.yaml"), List.of("train.batchSize=4")).orElseThrow();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SweepRunner(new FakeCellRunner()).run(other, folder(), Shard.ALL));

        assertTrue(error.getMessage().contains("contains a different sweep"), error.getMessage());
    }

    @Test
    void nonEmptyFolderWithoutDefinitionIsRejected() throws IOException {
        Files.createDirectories(folder());
        Files.writeString(folder().resolve("results.txt"), "x");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SweepRunner(new FakeCellRunner()).run(sweep(), folder(), Shard.ALL));

        assertTrue(error.getMessage().contains("is not empty and contains no sweep.yaml"), error.getMessage());
    }

    @Test
    void shardsRunDisjointCellsIntoOneFolder() throws IOException {
        Set<String> ran = new HashSet<>();
        List<String> order = new ArrayList<>();
        SweepRunner.Result last = null;
        for (int index = 1; index <= 4; index++) {
            FakeCellRunner runner = new FakeCellRunner();
            last = new SweepRunner(runner).run(sweep(), folder(), new Shard(index, 4));
            for (String cell : called(runner)) {
                assertTrue(ran.add(cell), cell + " ran in two shards");
                order.add(cell);
            }
        }

        assertEquals(Set.copyOf(IDS), ran);
        assertEquals(List.of("a_seed-1", "a_seed-3", "b_seed-1", "b_seed-3", "a_seed-2", "b_seed-2"), order);
        assertEquals(List.of(), last.summary().unfinished());
        assertEquals(3, last.summary().rows().get(0).finished());
        for (String id : IDS) {
            assertEquals(RunStatus.FINISHED, status(folder().resolve(id)));
        }
    }

    @Test
    void claimedCellsAreLeftToOtherJobs() throws IOException {
        Files.createDirectories(folder().resolve(SweepRunner.CLAIMS));
        Files.writeString(folder().resolve(SweepRunner.CLAIMS).resolve("b_seed-1"), "1\n");
        Files.writeString(folder().resolve(SweepRunner.CLAIMS).resolve("a_seed-3"), "1\n");

        FakeCellRunner first = new FakeCellRunner();
        SweepRunner.Result result = SweepRunner.claiming(first).run(sweep(), folder(), Shard.ALL);
        FakeCellRunner second = new FakeCellRunner();
        SweepRunner.Result again = SweepRunner.claiming(second).run(sweep(), folder(), Shard.ALL);

        assertEquals(List.of("a_seed-1", "a_seed-2", "b_seed-2", "b_seed-3"), called(first));
        assertEquals(2, result.count(SweepRunner.Outcome.CLAIMED_ELSEWHERE));
        assertEquals(List.of(), called(second), "finished cells are skipped and claimed ones left alone");
        assertEquals(4, again.count(SweepRunner.Outcome.SKIPPED));
        assertEquals(2, again.count(SweepRunner.Outcome.CLAIMED_ELSEWHERE));
        assertTrue(Files.isRegularFile(folder().resolve(SweepRunner.CLAIMS).resolve("a_seed-1")));
    }

    @Test
    void summaryAddsTimingOfCells() throws IOException {
        new SweepRunner(new FakeCellRunner()).run(sweep(), folder(), Shard.ALL);
        Files.writeString(folder().resolve("a_seed-1").resolve(SweepSummary.TIMING), "{\"ms_per_query\": 2.0}");
        Files.writeString(folder().resolve("a_seed-2").resolve(SweepSummary.TIMING), "{\"ms_per_query\": 4.0}");

        SweepSummary summary = SweepSummary.read(sweep(), folder());

        assertTrue(summary.metrics().contains("ms_per_query"), summary.metrics().toString());
        SweepSummary.Stats timing = summary.rows().get(0).stats().get("ms_per_query");
        assertEquals(2, timing.n());
        assertEquals(3.0, timing.mean(), 1e-12);
        assertEquals(0, summary.rows().get(1).stats().get("ms_per_query").n());
    }

    @Test
    void summaryHasMeanAndStdPerVariant() {
        FakeCellRunner runner = new FakeCellRunner()
                .metrics("a_seed-1", "{\"ndcg_cut_10\": 0.2, \"invalid_rate\": 0.0, \"invalid_mass\": 0.1}")
                .metrics("a_seed-2", "{\"ndcg_cut_10\": 0.4, \"invalid_rate\": 0.5, \"invalid_mass\": 0.3}")
                .metrics("a_seed-3", "{\"ndcg_cut_10\": 0.9, \"invalid_rate\": 1.0, \"invalid_mass\": 0.2}")
                .metrics("b_seed-1", "{\"ndcg_cut_10\": 0.5, \"invalid_rate\": 0.25, \"invalid_mass\": null}")
                .metrics("b_seed-2", "{\"ndcg_cut_10\": 0.5, \"invalid_rate\": 0.25, \"invalid_mass\": 0.4}")
                .metrics("b_seed-3", "{\"ndcg_cut_10\": 0.8, \"invalid_rate\": 0.25, \"invalid_mass\": 0.2, \"train_seconds\": 12}");

        SweepSummary summary = new SweepRunner(runner).run(sweep(), folder(), Shard.ALL).summary();

        assertEquals(List.of("ndcg_cut_10", "invalid_rate", "invalid_mass", "train_seconds"), summary.metrics());
        assertEquals(List.of("a", "b"), summary.rows().stream().map(SweepSummary.Row::variant).toList());
        SweepSummary.Row a = summary.rows().get(0);
        SweepSummary.Row b = summary.rows().get(1);
        assertEquals(3, a.finished());
        // a: ndcg 0.2, 0.4, 0.9 -> mean 0.5, squared deviations 0.09 + 0.01 + 0.16 = 0.26, std sqrt(0.26 / 2).
        assertEquals(0.5, a.stats().get("ndcg_cut_10").mean(), 1e-12);
        assertEquals(Math.sqrt(0.13), a.stats().get("ndcg_cut_10").std(), 1e-12);
        assertEquals(0.5, a.stats().get("invalid_rate").mean(), 1e-12);
        assertEquals(0.5, a.stats().get("invalid_rate").std(), 1e-12);
        assertEquals(0.2, a.stats().get("invalid_mass").mean(), 1e-12);
        assertEquals(0.1, a.stats().get("invalid_mass").std(), 1e-12);
        assertEquals(0, a.stats().get("train_seconds").n());
        // b: ndcg 0.5, 0.5, 0.8 -> mean 0.6, std sqrt((0.01 + 0.01 + 0.04) / 2).
        assertEquals(0.6, b.stats().get("ndcg_cut_10").mean(), 1e-12);
        assertEquals(Math.sqrt(0.03), b.stats().get("ndcg_cut_10").std(), 1e-12);
        assertEquals(0.0, b.stats().get("invalid_rate").std(), 1e-12);
        // invalid_mass is null in b_seed-1, so it averages 0.4 and 0.2 only.
        assertEquals(2, b.stats().get("invalid_mass").n());
        assertEquals(0.3, b.stats().get("invalid_mass").mean(), 1e-12);
        assertEquals(Math.sqrt(0.02), b.stats().get("invalid_mass").std(), 1e-12);
        assertEquals(1, b.stats().get("train_seconds").n());
        assertEquals(12.0, b.stats().get("train_seconds").mean());
        assertTrue(Double.isNaN(b.stats().get("train_seconds").std()));
    }

    @Test
    void summaryCsvAndTableShowStatistics() {
        FakeCellRunner runner = new FakeCellRunner()
                .metrics("a_seed-1", "{\"ndcg_cut_10\": 0.25, \"invalid_mass\": null}")
                .metrics("a_seed-2", "{\"ndcg_cut_10\": 0.75, \"invalid_mass\": null}")
                .metrics("b_seed-1", "{\"ndcg_cut_10\": 0.5, \"invalid_mass\": 0.125}")
                .failing("a_seed-3").failing("b_seed-2").failing("b_seed-3");

        SweepSummary summary = new SweepRunner(runner).run(sweep(), folder(), Shard.ALL).summary();

        // a: mean 0.5, std sqrt((0.0625 + 0.0625) / 1) = 0.3535533905932738; b: one seed, so no std.
        assertEquals("""
                variant,cells,finished,ndcg_cut_10_mean,ndcg_cut_10_std,invalid_mass_mean,invalid_mass_std
                a,3,2,0.5,0.3535533905932738,,
                b,3,1,0.5,,0.125,
                """, summary.toCsv());
        assertEquals("""
                variant  runs      ndcg_cut_10  invalid_mass
                a         2/3  0.5000 ± 0.3536             -
                b         1/3           0.5000        0.1250
                """, summary.format());
        assertEquals(List.of("b_seed-2", "a_seed-3", "b_seed-3"), summary.unfinished());
    }

    @Test
    void malformedMetricsFileIsReported() throws IOException {
        FakeCellRunner runner = new FakeCellRunner().metrics("b_seed-3", "{\"ndcg_cut_10\": \"high\"}");

        Exception error = assertThrows(Exception.class, () -> new SweepRunner(runner).run(sweep(), folder(), Shard.ALL));

        assertTrue(error.getMessage().contains("metric 'ndcg_cut_10' has the value \"high\""), error.getMessage());
        assertTrue(error.getMessage().contains("b_seed-3"), error.getMessage());
        assertFalse(Files.exists(folder().resolve(SweepSummary.FILE)));
    }

    @Test
    void csvFieldsWithCommasAreQuoted() {
        assertEquals("\"a,b\"", SweepSummary.csvField("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", SweepSummary.csvField("say \"hi\""));
        assertEquals("plain", SweepSummary.csvField("plain"));
    }
}
