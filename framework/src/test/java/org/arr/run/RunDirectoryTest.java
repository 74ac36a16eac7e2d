package org.arr.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    private static final String CONFIG = "name: tiny\nseed: 1\n";
    private static final Instant T0 = Instant.parse("2025-01-02T13:45:01Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path root;

    private static Provenance start() {
        Environment environment = new Environment(null, null, "test", "17", "vendor", null, null, "os", 2, 1, "host");
        return Provenance.started("abcd1234", 7, List.of("run", "tiny.yaml"), T0, environment);
    }

    @Test
    void createNamesFolderByTimeAndHash() throws IOException {
        try (RunDirectory run = RunDirectory.create(root, "tiny", CONFIG, start(), CLOCK)) {
            assertEquals(root.resolve("tiny").resolve("20250102-134501-abcd1234"), run.path());
            assertEquals(CONFIG, Files.readString(run.path().resolve(RunDirectory.CONFIG)));
            assertTrue(Files.isDirectory(run.checkpoints()));
            assertEquals(RunStatus.RUNNING, RunDirectory.readProvenance(run.path()).status());
            run.finish();
        }
    }

    @Test
    void provenanceStoresLowerCaseStatus() throws IOException {
        try (RunDirectory run = RunDirectory.create(root, "tiny", CONFIG, start(), CLOCK)) {
            assertTrue(Files.readString(run.path().resolve(RunDirectory.PROVENANCE)).contains("\"status\" : \"running\""));
            run.finish();
            assertTrue(Files.readString(run.path().resolve(RunDirectory.PROVENANCE)).contains("\"status\" : \"finished\""));
        }
    }

    @Test
    void sameSecondGetsNumberedFolder() {
        try (RunDirectory first = RunDirectory.create(root, "tiny", CONFIG, start(), CLOCK);
                RunDirectory second = RunDirectory.create(root, "tiny", CONFIG, start(), CLOCK)) {
            assertEquals("20250102-134501-abcd1234-2", second.path().getFileName().toString());
            first.finish();
            second.finish();
        }
    }

    @Test
    void provenanceRecordsStartAndCommand() throws IOException {
        try (RunDirectory run = RunDirectory.create(root, "tiny", CONFIG, start(), CLOCK)) {
            Provenance stored = RunDirectory.readProvenance(run.path());

            assertEquals("abcd1234", stored.configHash());
            assertEquals(7, stored.seed());
            assertEquals(List.of("run", "tiny.yaml"), stored.commandLine());
            assertEquals(T0.toString(), stored.startTime());
            assertNull(stored.endTime());
            assertEquals("host", stored.environment().hostname());
            run.finish();
        }
    }

    @Test
    void finishMarksFinishedWithEndTime() throws IOException {
        Path folder;
        try (RunDirectory run = RunDirectory.create(root, "tiny", CONFIG, start(), CLOCK)) {
            run.finish();
            folder = run.path();
        }

        Provenance stored = RunDirectory.readProvenance(folder);
        assertEquals(RunStatus.FINISHED, stored.status());
        assertEquals(T0.toString(), stored.endTime());
        assertNull(stored.message());
        assertFalse(Files.exists(folder.resolve(".lock")), "a finished run keeps no lock file");
    }

    @Test
    void failRecordsMessage() throws IOException {
        Path folder = root.resolve("out");
        try (RunDirectory run = RunDirectory.open(folder, CONFIG, start(), false, CLOCK)) {
            run.fail("loss is NaN at epoch 3");
        }

        Provenance stored = RunDirectory.readProvenance(folder);
        assertEquals(RunStatus.FAILED, stored.status());
        assertEquals("loss is NaN at epoch 3", stored.message());
    }

    @Test
    void closeWithoutEndMarksInterrupted() throws IOException {
        Path folder = root.resolve("out");
        try (RunDirectory run = RunDirectory.open(folder, CONFIG, start(), false, CLOCK)) {
            run.writeString(RunDirectory.METRICS, "{}");
        }

        assertEquals(RunStatus.INTERRUPTED, RunDirectory.readProvenance(folder).status());
        assertTrue(Files.exists(folder.resolve(".lock")), "an unfinished run keeps its lock file for the next process");
    }

    @Test
    void writesAfterFinishAreRejected() {
        try (RunDirectory run = RunDirectory.create(root, "tiny", CONFIG, start(), CLOCK)) {
            run.finish();

            assertThrows(IllegalStateException.class, () -> run.writeString(RunDirectory.METRICS, "{}"));
            assertThrows(IllegalStateException.class, () -> run.fail("late"));
        }
    }

    @Test
    void finishedRunIsNeverOverwritten() throws IOException {
        Path folder = root.resolve("out");
        try (RunDirectory run = RunDirectory.open(folder, CONFIG, start(), false, CLOCK)) {
            run.writeString(RunDirectory.METRICS, "{\"map\": 0.5}");
            run.finish();
        }
        byte[] provenance = Files.readAllBytes(folder.resolve(RunDirectory.PROVENANCE));
        byte[] metrics = Files.readAllBytes(folder.resolve(RunDirectory.METRICS));

        for (boolean resume : new boolean[] {false, true}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> RunDirectory.open(folder, CONFIG, start(), resume, CLOCK));
            assertTrue(error.getMessage().startsWith("Folder " + folder + " contains a finished run"), error.getMessage());
        }

        assertArrayEquals(provenance, Files.readAllBytes(folder.resolve(RunDirectory.PROVENANCE)));
        assertArrayEquals(metrics, Files.readAllBytes(folder.resolve(RunDirectory.METRICS)));
    }

    @Test
    void unfinishedRunNeedsResume() {
        Path folder = root.resolve("out");
        try (RunDirectory run = RunDirectory.open(folder, CONFIG, start(), false, CLOCK)) {
            run.interrupt("stopped after epoch 1");
        }

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.open(folder, CONFIG, start(), false, CLOCK));

        assertTrue(error.getMessage().contains("contains an unfinished run (status interrupted: stopped after epoch 1)"),
                error.getMessage());
        assertTrue(error.getMessage().contains("pass --resume"), error.getMessage());
    }

    @Test
    void resumeReusesUnfinishedRun() throws IOException {
        Path folder = root.resolve("out");
        try (RunDirectory run = RunDirectory.open(folder, CONFIG, start(), false, CLOCK)) {
            run.interrupt("stopped after epoch 1");
        }
        Instant later = T0.plusSeconds(60);

        try (RunDirectory run = RunDirectory.open(folder, CONFIG, start(), true, Clock.fixed(later, ZoneOffset.UTC))) {
            assertTrue(run.resumed());
            Provenance stored = RunDirectory.readProvenance(folder);
            assertEquals(RunStatus.RUNNING, stored.status());
            assertEquals(List.of(later.toString()), stored.resumedAt());
            assertEquals(T0.toString(), stored.startTime());
            assertNull(stored.endTime());
            run.finish();
        }
        assertEquals(RunStatus.FINISHED, RunDirectory.readProvenance(folder).status());
    }

    @Test
    void resumeWithOtherConfigIsRejected() {
        Path folder = root.resolve("out");
        try (RunDirectory run = RunDirectory.open(folder, CONFIG, start(), false, CLOCK)) {
            run.fail("boom");
        }

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.open(folder, CONFIG + "train: {}\n", start(), true, CLOCK));

        assertTrue(error.getMessage().contains("differs from the resolved config"), error.getMessage());
    }

    @Test
    void resumeOfMissingRunIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.open(root.resolve("none"), CONFIG, start(), true, CLOCK));

        assertTrue(error.getMessage().contains("contains no run"), error.getMessage());
    }

    @Test
    void foreignFolderIsRejected() throws IOException {
        Path folder = root.resolve("data");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("notes.txt"), "mine");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.open(folder, CONFIG, start(), false, CLOCK));

        assertTrue(error.getMessage().contains("is not empty and contains no run"), error.getMessage());
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")));
    }

    @Test
    void emptyFolderStartsRun() throws IOException {
        Path folder = Files.createDirectories(root.resolve("empty"));

        try (RunDirectory run = RunDirectory.open(folder, CONFIG, start(), false, CLOCK)) {
            assertEquals(folder, run.path());
            run.finish();
        }
    }

    @Test
    void openRunIsLocked() {
        Path folder = root.resolve("out");
        try (RunDirectory run = RunDirectory.open(folder, CONFIG, start(), false, CLOCK)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> RunDirectory.open(folder, CONFIG, start(), true, CLOCK));

            assertTrue(error.getMessage().contains("in use by another running process"), error.getMessage());
            run.finish();
        }
    }

    @Test
    void resumeLatestPicksNewestUnfinishedOfConfig() throws IOException {
        Path older;
        try (RunDirectory run = RunDirectory.create(root, "tiny", CONFIG, start(), CLOCK)) {
            run.interrupt("stopped");
            older = run.path();
        }
        Clock later = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
        Path newer;
        try (RunDirectory run = RunDirectory.create(root, "tiny", CONFIG, start(), later)) {
            run.fail("crash");
            newer = run.path();
        }
        try (RunDirectory run = RunDirectory.create(root, "tiny", CONFIG, start(), Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC))) {
            run.finish();
        }

        try (RunDirectory run = RunDirectory.resumeLatest(root, "tiny", CONFIG, "abcd1234", later)) {
            assertEquals(newer, run.path());
            run.finish();
        }
        try (RunDirectory run = RunDirectory.resumeLatest(root, "tiny", CONFIG, "abcd1234", later)) {
            assertEquals(older, run.path());
            run.finish();
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.resumeLatest(root, "tiny", CONFIG, "abcd1234", later));
        assertTrue(error.getMessage().startsWith("Cannot resume: no unfinished run of 'tiny' with config hash abcd1234"),
                error.getMessage());
    }

    @Test
    void corruptProvenanceIsReported() throws IOException {
        Path folder = Files.createDirectories(root.resolve("out"));
        Files.writeString(folder.resolve(RunDirectory.PROVENANCE), "{not json");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.open(folder, CONFIG, start(), true, CLOCK));

        assertTrue(error.getMessage().contains("invalid provenance file"), error.getMessage());
    }

    @Test
    void trainLogKeepsRowsAcrossResume() throws IOException {
        Path folder = root.resolve("out");
        try (RunDirectory run = RunDirectory.open(folder, CONFIG, start(), false, CLOCK)) {
            TrainLog log = run.trainLog("ndcg_cut_10");
            log.append(new TrainLog.Row(1, 2.5, 0.25, 1e-3, 1.5));
            log.append(new TrainLog.Row(2, 2.0, null, 9e-4, 1.25));
            run.interrupt("stopped");
        }

        try (RunDirectory run = RunDirectory.open(folder, CONFIG, start(), true, CLOCK)) {
            TrainLog log = run.trainLog("ndcg_cut_10");
            assertEquals(2, log.size());
            log.truncateAfter(1);
            log.append(new TrainLog.Row(2, 1.75, 0.5, 9e-4, 1.0));
            run.finish();
        }

        assertEquals(List.of("epoch,loss,dev_ndcg_cut_10,learning_rate,seconds", "1,2.5,0.25,0.001,1.500",
                "2,1.75,0.5,9.0E-4,1.000"), Files.readAllLines(folder.resolve(RunDirectory.TRAIN_LOG)));
        assertNotNull(RunDirectory.readProvenance(folder).endTime());
    }
}
