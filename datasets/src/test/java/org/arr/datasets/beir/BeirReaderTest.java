package org.arr.datasets.beir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.arr.data.InputFormatException;
import org.arr.data.RankingTask;
import org.arr.data.SplitSpec;
import org.arr.data.Splits;
import org.arr.datasets.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirReaderTest {

    private static final String CORPUS = """
            {"_id": "d1", "title": "Alpha", "text": "first document"}
            {"_id": "d2", "text": "second document"}

            {"_id": 3, "title": null, "text": "third document"}
            """;
    private static final String QUERIES = """
            {"_id": "q1", "text": "alpha?"}
            {"_id": "q2", "text": "beta?"}
            {"_id": "q3", "text": "gamma?"}
            {"_id": "q4", "text": "never judged"}
            """;

    @TempDir
    Path folder;

    @Test
    void limitSmallCounts() {
        RankingTask task = Datasets.load("limit-small", Map.of());

        assertEquals(46, task.corpus().size());
        assertEquals(1000, task.queries().size());
        assertEquals(2000, task.qrels().size());
        assertEquals(1000, task.qrels().queryIds().size());
        for (String queryId : task.qrels().queryIds()) {
            assertEquals(2, task.qrels().relevant(queryId).size(), queryId);
        }
        assertEquals(OptionalDouble.of(1), task.qrels().relevance("query_0", "Geneva_Durben"));
        assertTrue(task.corpus().get("Geneva_Durben").text().startsWith("Geneva Durben likes"));
        assertEquals("Who likes Joshua Trees?", task.queries().get("query_0").text());
    }

    @Test
    void limitSmallRejectsArgumentAndOptions() {
        assertThrows(IllegalArgumentException.class, () -> Datasets.load("limit-small:x", Map.of()));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("limit-small", Map.of("root", "x")));
        assertEquals("Unknown option 'root' for dataset limit-small; allowed: none", error.getMessage());
    }

    @Test
    void mtebQrelsJsonlWithoutSplits() throws IOException {
        write("corpus.jsonl", CORPUS);
        write("queries.jsonl", QUERIES);
        write("qrels.jsonl", """
                {"query-id": "q1", "corpus-id": "d1", "score": 2}
                {"query-id": "q1", "corpus-id": "d2", "score": 0}
                {"query-id": "q2", "corpus-id": 3, "score": 1}
                """);

        RankingTask task = Datasets.load("beir:" + folder, Map.of());

        assertEquals(3, task.corpus().size());
        assertEquals("Alpha", task.corpus().get("d1").title());
        assertEquals("", task.corpus().get("3").title());
        assertEquals(4, task.queries().size());
        assertEquals(3, task.qrels().size());
        assertEquals(OptionalDouble.of(0), task.qrels().relevance("q1", "d2"));
        assertEquals(List.of("q1", "q2"), task.splits().queryIds(Splits.TEST));
        assertEquals(List.of("q1", "q2"), task.splits().queryIds(Splits.TRAIN));
    }

    @Test
    void beirTsvQrelsGivePredefinedSplits() throws IOException {
        write("corpus.jsonl", CORPUS);
        write("queries.jsonl", QUERIES);
        write("qrels/train.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\t3\t2\n");
        write("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq3\td2\t1\n");
        write("qrels/dev.tsv", "query-id\tcorpus-id\tscore\nq2\td2\t1\n");
        write("qrels.jsonl", "{\"query-id\": \"q4\", \"corpus-id\": \"d1\", \"score\": 1}\n");

        RankingTask task = Datasets.load("beir:" + folder, Map.of()).withSplits(SplitSpec.predefined());

        assertEquals(List.of("train", "dev", "test"), task.splits().names());
        assertEquals(List.of("q1"), task.splits().queryIds("train"));
        assertEquals(List.of("q2"), task.splits().queryIds("dev"));
        assertEquals(List.of("q3"), task.splits().queryIds("test"));
        assertEquals(4, task.qrels().size());
        assertEquals(OptionalDouble.of(2), task.qrels().relevance("q1", "3"));
        assertTrue(task.qrels().judgments("q4").isEmpty());
    }

    @Test
    void whitespaceInIdsBecomesUnderscore() throws IOException {
        write("corpus.jsonl", "{\"_id\": \"Ada  Lovelace\", \"text\": \"likes engines\"}\n");
        write("queries.jsonl", "{\"_id\": \"query 1\", \"text\": \"who likes engines?\"}\n");
        write("qrels/test.tsv", "query-id\tcorpus-id\tscore\nquery 1\tAda  Lovelace\t1\n");

        RankingTask task = Datasets.load("beir:" + folder, Map.of());

        assertEquals(OptionalDouble.of(1), task.qrels().relevance("query_1", "Ada_Lovelace"));
    }

    @Test
    void malformedJsonNamesFileAndLine() throws IOException {
        write("corpus.jsonl", "{\"_id\": \"d1\", \"text\": \"ok\"}\n{\"_id\": \"d2\", \"text\": \n");
        write("queries.jsonl", QUERIES);

        InputFormatException error = assertThrows(InputFormatException.class,
                () -> Datasets.load("beir:" + folder, Map.of()));

        assertEquals(folder.resolve("corpus.jsonl"), error.file());
        assertEquals(2, error.line());
        assertTrue(error.getMessage().startsWith(folder.resolve("corpus.jsonl") + ":2: Invalid JSON"),
                error.getMessage());
    }

    @Test
    void missingIdNamesFileAndLine() throws IOException {
        write("corpus.jsonl", CORPUS);
        write("queries.jsonl", "{\"_id\": \"q1\", \"text\": \"a\"}\n{\"text\": \"no id\"}\n");

        InputFormatException error = assertThrows(InputFormatException.class,
                () -> Datasets.load("beir:" + folder, Map.of()));

        assertEquals(folder.resolve("queries.jsonl") + ":2: Missing field '_id'", error.getMessage());
    }

    @Test
    void duplicateIdNamesBothLines() throws IOException {
        write("corpus.jsonl", CORPUS + "{\"_id\": \"d2\", \"text\": \"again\"}\n");
        write("queries.jsonl", QUERIES);

        InputFormatException error = assertThrows(InputFormatException.class,
                () -> Datasets.load("beir:" + folder, Map.of()));

        assertEquals(folder.resolve("corpus.jsonl") + ":5: Duplicate document id 'd2': line 2 has the same id",
                error.getMessage());
    }

    @Test
    void qrelsWithUnknownIdsNameFileAndLine() throws IOException {
        write("corpus.jsonl", CORPUS);
        write("queries.jsonl", QUERIES);
        write("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td9\t1\n");

        InputFormatException unknownDocument = assertThrows(InputFormatException.class,
                () -> Datasets.load("beir:" + folder, Map.of()));
        assertEquals(folder.resolve("qrels/test.tsv") + ":3: Unknown corpus-id 'd9': corpus.jsonl has no document "
                + "with this _id", unknownDocument.getMessage());

        write("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq9\td1\t1\n");
        InputFormatException unknownQuery = assertThrows(InputFormatException.class,
                () -> Datasets.load("beir:" + folder, Map.of()));
        assertEquals(2, unknownQuery.line());
        assertTrue(unknownQuery.getMessage().contains("Unknown query-id 'q9'"), unknownQuery.getMessage());
    }

    @Test
    void malformedQrelsLines() throws IOException {
        write("corpus.jsonl", CORPUS);
        write("queries.jsonl", QUERIES);

        write("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1 d1 1\n");
        InputFormatException columns = assertThrows(InputFormatException.class,
                () -> Datasets.load("beir:" + folder, Map.of()));
        assertEquals(folder.resolve("qrels/test.tsv") + ":2: Expected 3 tab-separated columns (query-id, corpus-id, "
                + "score), found 1", columns.getMessage());

        write("qrels/test.tsv", "q1\td1\thigh\n");
        InputFormatException score = assertThrows(InputFormatException.class,
                () -> Datasets.load("beir:" + folder, Map.of()));
        assertEquals(1, score.line());
        assertTrue(score.getMessage().contains("Invalid score 'high'"), score.getMessage());

        Files.delete(folder.resolve("qrels/test.tsv"));
        write("qrels.jsonl", "{\"query-id\": \"q1\", \"corpus-id\": \"d1\"}\n");
        InputFormatException missingScore = assertThrows(InputFormatException.class,
                () -> Datasets.load("beir:" + folder, Map.of()));
        assertEquals(folder.resolve("qrels.jsonl") + ":1: Missing or invalid field 'score': expected a number",
                missingScore.getMessage());
    }

    @Test
    void emptyCorpusAndMissingFiles() throws IOException {
        write("corpus.jsonl", "\n\n");
        write("queries.jsonl", QUERIES);
        InputFormatException empty = assertThrows(InputFormatException.class,
                () -> Datasets.load("beir:" + folder, Map.of()));
        assertTrue(empty.getMessage().contains("The corpus is empty"), empty.getMessage());

        write("corpus.jsonl", CORPUS);
        InputFormatException noQrels = assertThrows(InputFormatException.class,
                () -> Datasets.load("beir:" + folder, Map.of()));
        assertTrue(noQrels.getMessage().contains("needs qrels.jsonl or qrels/<split>.tsv"), noQrels.getMessage());

        Files.delete(folder.resolve("queries.jsonl"));
        InputFormatException noQueries = assertThrows(InputFormatException.class,
                () -> Datasets.load("beir:" + folder, Map.of()));
        assertEquals(folder.resolve("queries.jsonl"), noQueries.file());

        InputFormatException noFolder = assertThrows(InputFormatException.class,
                () -> Datasets.load("beir:" + folder.resolve("absent"), Map.of()));
        assertTrue(noFolder.getMessage().contains("Folder not found"), noFolder.getMessage());
        assertFalse(noFolder.getMessage().isBlank());
    }

    private void write(String relativePath, String text) throws IOException {
        Path file = folder.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
