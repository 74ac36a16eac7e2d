package org.arr.datasets.trec;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.arr.datasets.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrecLoaderTest {

    @TempDir
    Path folder;

    @Test
    void tsvCorpusTopicsAndQrels() throws IOException {
        write("corpus.tsv", "D1\tfirst document\nD2\tsecond\tdocument with a tab\n\nD3\tthird\n");
        write("topics.tsv", "301\tinternational organized crime\n302\tpoliomyelitis\n303\tunjudged\n");
        write("qrels.txt", "301 0 D1 1\n301 0 D2 0\n302\t0\tD3\t2\n");

        RankingTask task = Datasets.load("trec:" + folder, Map.of());

        assertEquals(3, task.corpus().size());
        assertEquals("second\tdocument with a tab", task.corpus().get("D2").text());
        assertEquals(3, task.queries().size());
        assertEquals("poliomyelitis", task.queries().get("302").text());
        assertEquals(3, task.qrels().size());
        assertEquals(OptionalDouble.of(0), task.qrels().relevance("301", "D2"));
        assertEquals(OptionalDouble.of(2), task.qrels().relevance("302", "D3"));
        assertEquals(List.of("301", "302"), task.splits().queryIds("test"));
    }

    @Test
    void jsonLinesCorpusWithPyseriniFields() throws IOException {
        write("docs.jsonl", "{\"id\": \"D1\", \"contents\": \"first\"}\n{\"_id\": \"D2\", \"title\": \"T\", \"text\": \"x\"}\n");
        write("topics.tsv", "1\tq\n");
        write("judgments.qrels", "1 Q0 D2 1\n");

        RankingTask task = Datasets.load("trec:" + folder,
                Map.of("corpus", "docs.jsonl", "qrels", "judgments.qrels"));

        assertEquals("first", task.corpus().get("D1").text());
        assertEquals("T", task.corpus().get("D2").title());
        assertEquals(OptionalDouble.of(1), task.qrels().relevance("1", "D2"));
    }

    @Test
    void badLinesNameFileAndLine() throws IOException {
        write("corpus.tsv", "D1\tfirst\nD2 second\n");
        write("topics.tsv", "1\tq\n");
        write("qrels.txt", "1 0 D1 1\n");
        InputFormatException noTab = assertThrows(InputFormatException.class,
                () -> Datasets.load("trec:" + folder, Map.of()));
        assertEquals(folder.resolve("corpus.tsv") + ":2: Expected docid<TAB>text, found no tab", noTab.getMessage());

        write("corpus.tsv", "D1\tfirst\nD1\tagain\n");
        InputFormatException duplicate = assertThrows(InputFormatException.class,
                () -> Datasets.load("trec:" + folder, Map.of()));
        assertEquals(folder.resolve("corpus.tsv") + ":2: Duplicate document id 'D1': line 1 has the same id",
                duplicate.getMessage());

        write("corpus.tsv", "D1\tfirst\n");
        write("qrels.txt", "1 0 D1 1\n1 0 D1\n");
        InputFormatException columns = assertThrows(InputFormatException.class,
                () -> Datasets.load("trec:" + folder, Map.of()));
        assertEquals(2, columns.line());
        assertTrue(columns.getMessage().contains("expected 4 whitespace-separated columns"), columns.getMessage());

        write("qrels.txt", "1 0 D1 -1\n");
        InputFormatException negative = assertThrows(InputFormatException.class,
                () -> Datasets.load("trec:" + folder, Map.of()));
        assertEquals(1, negative.line());
        assertTrue(negative.getMessage().contains("negative relevance -1"), negative.getMessage());
    }

    @Test
    void unknownTopicOrDocument() throws IOException {
        write("corpus.tsv", "D1\tfirst\n");
        write("topics.tsv", "1\tq\n");
        write("qrels.txt", "1 0 D1 1\n2 0 D1 1\n");
        InputFormatException topic = assertThrows(InputFormatException.class,
                () -> Datasets.load("trec:" + folder, Map.of()));
        assertEquals(folder.resolve("qrels.txt") + ":2: Unknown topic '2': the topics file has no such id",
                topic.getMessage());

        write("qrels.txt", "1 0 D1 1\n1 0 D9 1\n");
        InputFormatException document = assertThrows(InputFormatException.class,
                () -> Datasets.load("trec:" + folder, Map.of()));
        assertTrue(document.getMessage().startsWith(folder.resolve("qrels.txt") + ":2: Unknown document 'D9'"),
                document.getMessage());

        RankingTask skipping = Datasets.load("trec:" + folder, Map.of("skipUnknownDocuments", true));
        assertEquals(1, skipping.qrels().size());
    }

    @Test
    void missingFileNamesPath() {
        InputFormatException error = assertThrows(InputFormatException.class,
                () -> Datasets.load("trec:" + folder, Map.of()));
        assertEquals(folder.resolve("corpus.tsv"), error.file());
        assertTrue(error.getMessage().contains("File not found"), error.getMessage());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text);
    }
}
