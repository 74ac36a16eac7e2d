package org.arr.data.trec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.arr.data.InputFormatException;
import org.arr.data.Qrels;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrecFilesTest {

    @TempDir
    Path folder;

    private Path file(String name, String content) throws IOException {
        Path path = folder.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    @Test
    void qrelsReadGradesAndJudgedZero() throws IOException {
        Path path = file("q.txt", "# comment\nq1 0 d1 2\nq1 0 d2 0\n\nq2\tQ0\td3   0.5\n");

        Qrels qrels = TrecQrelsFile.read(path);

        assertEquals(List.of("q1", "q2"), new ArrayList<>(qrels.queryIds()));
        assertEquals(OptionalDouble.of(2), qrels.relevance("q1", "d1"));
        assertEquals(OptionalDouble.of(0), qrels.relevance("q1", "d2"));
        assertEquals(OptionalDouble.empty(), qrels.relevance("q1", "d3"));
        assertEquals(OptionalDouble.of(0.5), qrels.relevance("q2", "d3"));
        assertEquals(3, qrels.size());
    }

    @Test
    void runReadKeepsFileOrderAndTag() throws IOException {
        Path path = file("r.txt", "q1 Q0 d1 1 3.5 bm25\nq1 Q0 d2 2 -1e-3 bm25\nq2 Q0 d1 1 7 bm25 extra\n");

        Run run = TrecRunFile.read(path);

        assertEquals("bm25", run.tag());
        assertEquals(List.of(new ScoredDocument("d1", 3.5), new ScoredDocument("d2", -0.001)), run.ranking("q1"));
        assertEquals(List.of(new ScoredDocument("d1", 7)), run.ranking("q2"));
        assertEquals(3, run.size());
    }

    @Test
    void qrelsWrongColumnCountNamesLine() throws IOException {
        Path path = file("q.txt", "q1 0 d1 1\nq1 0 d2\n");

        InputFormatException error = assertThrows(InputFormatException.class, () -> TrecQrelsFile.read(path));

        assertEquals(2, error.line());
        assertEquals(path, error.file());
        assertTrue(error.getMessage().contains("q.txt:2"), error.getMessage());
        assertTrue(error.getMessage().contains("expected 4"), error.getMessage());
    }

    @Test
    void qrelsNonNumericRelevanceRejected() throws IOException {
        Path path = file("q.txt", "q1 0 d1 high\n");

        InputFormatException error = assertThrows(InputFormatException.class, () -> TrecQrelsFile.read(path));

        assertEquals(1, error.line());
        assertTrue(error.getMessage().contains("invalid relevance 'high'"), error.getMessage());
    }

    @Test
    void qrelsNegativeRelevanceRejected() throws IOException {
        Path path = file("q.txt", "q1 0 d1 1\nq1 0 d2 -1\n");

        InputFormatException error = assertThrows(InputFormatException.class, () -> TrecQrelsFile.read(path));

        assertEquals(2, error.line());
        assertTrue(error.getMessage().contains("negative relevance -1"), error.getMessage());
    }

    @Test
    void qrelsConflictingDuplicateRejected() throws IOException {
        Path path = file("q.txt", "q1 0 d1 1\nq1 0 d1 1\nq1 0 d1 2\n");

        InputFormatException error = assertThrows(InputFormatException.class, () -> TrecQrelsFile.read(path));

        assertEquals(3, error.line());
        assertTrue(error.getMessage().contains("Conflicting judgments"), error.getMessage());
    }

    @Test
    void qrelsEmptyFileRejected() throws IOException {
        Path path = file("q.txt", "# only a comment\n\n");

        InputFormatException error = assertThrows(InputFormatException.class, () -> TrecQrelsFile.read(path));

        assertTrue(error.getMessage().contains("no judgments"), error.getMessage());
    }

    @Test
    void missingFileNamesPath() {
        Path path = folder.resolve("absent.qrels");

        InputFormatException qrelsError = assertThrows(InputFormatException.class, () -> TrecQrelsFile.read(path));
        InputFormatException runError = assertThrows(InputFormatException.class, () -> TrecRunFile.read(path));

        assertTrue(qrelsError.getMessage().contains("not found: " + path.toAbsolutePath()), qrelsError.getMessage());
        assertTrue(runError.getMessage().contains("not found: " + path.toAbsolutePath()), runError.getMessage());
    }

    @Test
    void runTooFewColumnsNamesLine() throws IOException {
        Path path = file("r.txt", "q1 Q0 d1 1 2.0 tag\nq1 Q0 d2 2 1.0\n");

        InputFormatException error = assertThrows(InputFormatException.class, () -> TrecRunFile.read(path));

        assertEquals(2, error.line());
        assertTrue(error.getMessage().contains("r.txt:2"), error.getMessage());
        assertTrue(error.getMessage().contains("expected 6"), error.getMessage());
    }

    @Test
    void runNonNumericScoreRejected() throws IOException {
        Path path = file("r.txt", "q1 Q0 d1 1 high tag\n");

        InputFormatException error = assertThrows(InputFormatException.class, () -> TrecRunFile.read(path));

        assertEquals(1, error.line());
        assertTrue(error.getMessage().contains("invalid score 'high'"), error.getMessage());
    }

    @Test
    void runDuplicateDocumentRejected() throws IOException {
        Path path = file("r.txt", "q1 Q0 d1 1 2 t\nq2 Q0 d1 1 2 t\nq1 Q0 d2 2 1 t\nq1 Q0 d1 3 0 t\n");

        InputFormatException error = assertThrows(InputFormatException.class, () -> TrecRunFile.read(path));

        assertEquals(4, error.line());
        assertTrue(error.getMessage().contains("document 'd1' is listed twice for query 'q1'"), error.getMessage());
    }

    @Test
    void runEmptyFileRejected() throws IOException {
        Path path = file("r.txt", "");

        InputFormatException error = assertThrows(InputFormatException.class, () -> TrecRunFile.read(path));

        assertTrue(error.getMessage().contains("no result lines"), error.getMessage());
    }

    @Test
    void writerLeavesNoTemporaryFiles() throws IOException {
        Path path = folder.resolve("sub/run.txt");
        Run run = new Run("tag", Map.of("q1", List.of(new ScoredDocument("d1", 1.0))));

        TrecRunFile.write(run, path);
        TrecRunFile.write(run, path);

        try (Stream<Path> files = Files.list(path.getParent())) {
            assertEquals(List.of(path), files.toList());
        }
        assertEquals("q1 Q0 d1 1 1 tag\n", Files.readString(path));
    }

    @Test
    void writerIntoFileFails() throws IOException {
        Path blocker = file("blocker", "x");

        assertThrows(UncheckedIOException.class, () -> TrecQrelsFile.write(
                Qrels.builder().add("q", "d", 1).build(), blocker.resolve("qrels.txt")));
    }

    @Property(tries = 50)
    void qrelsRoundTrip(@ForAll("qrels") Qrels qrels) throws IOException {
        Path path = Files.createTempFile("qrels", ".txt");
        try {
            TrecQrelsFile.write(qrels, path);

            Qrels read = TrecQrelsFile.read(path);

            assertEquals(new ArrayList<>(qrels.queryIds()), new ArrayList<>(read.queryIds()));
            for (String queryId : qrels.queryIds()) {
                assertEquals(qrels.judgments(queryId), read.judgments(queryId));
                assertEquals(new ArrayList<>(qrels.judgments(queryId).keySet()),
                        new ArrayList<>(read.judgments(queryId).keySet()));
            }
        } finally {
            Files.deleteIfExists(path);
        }
    }

    @Property(tries = 50)
    void runRoundTrip(@ForAll("runs") Run run) throws IOException {
        Path path = Files.createTempFile("run", ".txt");
        try {
            TrecRunFile.write(run, path);

            Run read = TrecRunFile.read(path);

            assertEquals(run.tag(), read.tag());
            assertEquals(run.rankings(), read.rankings());
            assertEquals(new ArrayList<>(run.queryIds()), new ArrayList<>(read.queryIds()));
        } finally {
            Files.deleteIfExists(path);
        }
    }

    @Property(tries = 20)
    void columnsSplitLikeWhitespace(@ForAll @IntRange(min = 1, max = 8) int width) {
        Columns columns = new Columns(8);
        StringBuilder line = new StringBuilder("\t ");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            expected.add("c" + i);
            line.append("c").append(i).append(i % 2 == 0 ? " \t" : "\r ");
        }

        int count = columns.split(line.toString());

        assertEquals(width, count);
        for (int i = 0; i < width; i++) {
            assertEquals(expected.get(i), columns.get(i));
            assertTrue(columns.columnEquals(i, expected.get(i)));
        }
        assertFalse(columns.columnEquals(0, "c"));
    }

    @Provide
    Arbitrary<Qrels> qrels() {
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('a', 'e').withChars('-', '_', '.').ofMinLength(1)
                .ofMaxLength(4);
        Arbitrary<Double> grades = Arbitraries.oneOf(Arbitraries.integers().between(0, 4).map(Integer::doubleValue),
                Arbitraries.doubles().between(0, 10));
        return Arbitraries.maps(ids, Arbitraries.maps(ids, grades).ofMinSize(1).ofMaxSize(6)).ofMinSize(1)
                .ofMaxSize(5).map(map -> {
                    Qrels.Builder builder = Qrels.builder();
                    map.forEach((query, judgments) -> judgments.forEach((document, grade) ->
                            builder.add(query, document, grade)));
                    return builder.build();
                });
    }

    @Provide
    Arbitrary<Run> runs() {
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(4);
        Arbitrary<Double> scores = Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of(0.0, -0.0, 1e-300, 3.0, Double.MAX_VALUE));
        Arbitrary<List<ScoredDocument>> ranking = Arbitraries.maps(ids, scores).ofMinSize(1).ofMaxSize(6)
                .map(map -> {
                    List<ScoredDocument> documents = new ArrayList<>();
                    map.forEach((id, score) -> documents.add(new ScoredDocument(id, score)));
                    documents.sort(Comparator.comparingDouble(ScoredDocument::score));
                    return documents;
                });
        return Arbitraries.maps(ids, ranking).ofMinSize(1).ofMaxSize(4)
                .map(map -> new Run("run-1", new LinkedHashMap<>(map)));
    }
}
