package org.arr.datasets.beir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.data.RankingTask;

/** Qrels written in either BEIR layout read back unchanged. */
class BeirRoundTripTest {

    @Property(tries = 20)
    void bothQrelsLayoutsReadBackUnchanged(@ForAll @IntRange(min = 1, max = 30) int documents,
            @ForAll @IntRange(min = 1, max = 20) int queries, @ForAll long seed) throws IOException {
        Random random = new Random(seed);
        Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
        for (int q = 0; q < queries; q++) {
            Map<String, Integer> perQuery = new LinkedHashMap<>();
            int count = 1 + random.nextInt(documents);
            for (int i = 0; i < count; i++) {
                perQuery.put("doc " + random.nextInt(documents), random.nextInt(4));
            }
            judgments.put("q" + q, perQuery);
        }

        Path folder = Files.createTempDirectory("beir-round-trip");
        try {
            StringBuilder corpus = new StringBuilder();
            for (int d = 0; d < documents; d++) {
                corpus.append("{\"_id\": \"doc ").append(d).append("\", \"text\": \"text ").append(d).append("\"}\n");
            }
            StringBuilder queryLines = new StringBuilder();
            StringBuilder jsonQrels = new StringBuilder();
            StringBuilder tsvQrels = new StringBuilder("query-id\tcorpus-id\tscore\n");
            judgments.forEach((queryId, perQuery) -> {
                queryLines.append("{\"_id\": \"").append(queryId).append("\", \"text\": \"?\"}\n");
                perQuery.forEach((documentId, grade) -> {
                    jsonQrels.append("{\"query-id\": \"").append(queryId).append("\", \"corpus-id\": \"")
                            .append(documentId).append("\", \"score\": ").append(grade).append("}\n");
                    tsvQrels.append(queryId).append('\t').append(documentId).append('\t').append(grade).append('\n');
                });
            });
            Files.writeString(folder.resolve("corpus.jsonl"), corpus);
            Files.writeString(folder.resolve("queries.jsonl"), queryLines);
            Files.writeString(folder.resolve("qrels.jsonl"), jsonQrels);
            RankingTask fromJson = BeirReader.read("json", BeirSource.folder(folder));

            Files.createDirectories(folder.resolve("qrels"));
            Files.writeString(folder.resolve("qrels/test.tsv"), tsvQrels);
            RankingTask fromTsv = BeirReader.read("tsv", BeirSource.folder(folder));

            for (Map.Entry<String, Map<String, Integer>> query : judgments.entrySet()) {
                Map<String, Double> expected = new LinkedHashMap<>();
                query.getValue().forEach((documentId, grade) ->
                        expected.put(BeirReader.normalizeId(documentId), (double) grade));
                assertEquals(expected, fromJson.qrels().judgments(query.getKey()));
                assertEquals(expected, fromTsv.qrels().judgments(query.getKey()));
            }
            assertEquals(documents, fromTsv.corpus().size());
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(BeirRoundTripTest::delete);
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
