package org.arr.reports.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.arr.data.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerQueryReaderTest {

    @TempDir
    Path folder;

    @Test
    void wideLayoutReadsOneColumnPerMeasure() throws Exception {
        Path file = Files.writeString(folder.resolve("per_query.tsv"),
                "query_id\tndcg_cut_10\trecip_rank\nq1\t0.5\t1.0\nq2\t0.25\t0.5\n");

        Map<String, Map<String, Double>> values = PerQueryReader.read(file);

        assertEquals(Map.of("q1", 0.5, "q2", 0.25), values.get("ndcg_cut_10"));
        assertEquals(Map.of("q1", 1.0, "q2", 0.5), values.get("recip_rank"));
    }

    @Test
    void trecEvalLayoutSkipsTheSummaryRow() throws Exception {
        Path file = Files.writeString(folder.resolve("per_query.tsv"),
                "map\tq1\t0.5\nmap\tq2\t0.3\nP_10\tq1\t0.1\nmap\tall\t0.4\n");

        Map<String, Map<String, Double>> values = PerQueryReader.read(file);

        assertEquals(Map.of("q1", 0.5, "q2", 0.3), values.get("map"));
        assertEquals(Map.of("q1", 0.1), values.get("P_10"));
    }

    @Test
    void nonNumericValueNamesFileAndLine() throws Exception {
        Path file = Files.writeString(folder.resolve("per_query.tsv"), "query_id\tmap\nq1\t0.5\nq2\tabc\n");

        InputFormatException error = assertThrows(InputFormatException.class, () -> PerQueryReader.read(file));

        assertEquals(3, error.line());
        assertTrue(error.getMessage().contains("'abc' of map is not a number"), error.getMessage());
    }
}
