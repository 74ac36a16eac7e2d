package org.arr.reports.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.arr.data.InputFormatException;

/**
 * Reads {@code per_query.tsv}, in either of two tab-separated layouts:
 * <ul>
 *   <li>wide: a header {@code query_id<TAB>measure...} (first cell {@code query_id}, {@code qid} or
 *       {@code query}), then one row per query;</li>
 *   <li>long, as {@code trec_eval -q} prints: {@code measure<TAB>query_id<TAB>value} per line, without a
 *       header or with the header {@code measure<TAB>query_id<TAB>value}; rows for query {@code all} are the
 *       summary and are skipped.</li>
 * </ul>
 */
public final class PerQueryReader {

    private PerQueryReader() {
    }

    /**
     * Reads the file into measure name to (query id to value).
     *
     * @throws InputFormatException on a malformed line, a non-numeric value or a query repeated for one measure
     * @throws IOException if the file cannot be read
     */
    public static Map<String, Map<String, Double>> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new InputFormatException(file, 1, "empty per-query file; expected a header 'query_id<TAB>measure...'"
                    + " or trec_eval -q lines 'measure<TAB>query_id<TAB>value'");
        }
        String[] first = lines.get(0).split("\t", -1);
        if (RunFileLayout.QUERY_ID_COLUMNS.contains(first[0].trim().toLowerCase(Locale.ROOT))) {
            return readWide(file, lines, first);
        }
        return readLong(file, lines);
    }

    private static Map<String, Map<String, Double>> readWide(Path file, List<String> lines, String[] header) {
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        for (int c = 1; c < header.length; c++) {
            values.put(header[c].trim(), new LinkedHashMap<>());
        }

        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != header.length) {
                throw new InputFormatException(file, i + 1, "expected " + header.length + " tab-separated cells as in the"
                        + " header, found " + cells.length);
            }
            String queryId = cells[0].trim();
            for (int c = 1; c < cells.length; c++) {
                put(file, i + 1, values.get(header[c].trim()), queryId, parse(file, i + 1, cells[c], header[c].trim()));
            }
        }
        return values;
    }

    private static Map<String, Map<String, Double>> readLong(Path file, List<String> lines) {
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.trim().split("\\s+");
            if (cells.length != 3) {
                throw new InputFormatException(file, i + 1, "expected 'measure<TAB>query_id<TAB>value' (trec_eval -q) or a"
                        + " header starting with query_id, found " + cells.length + " cells");
            }
            if (i == 0 && cells[2].equalsIgnoreCase("value")) {
                continue;
            }
            if (cells[1].equals(RunFileLayout.SUMMARY_QUERY_ID)) {
                continue;
            }
            Map<String, Double> measure = values.computeIfAbsent(cells[0], name -> new LinkedHashMap<>());
            put(file, i + 1, measure, cells[1], parse(file, i + 1, cells[2], cells[0]));
        }
        return values;
    }

    private static void put(Path file, long line, Map<String, Double> measure, String queryId, double value) {
        if (measure.put(queryId, value) != null) {
            throw new InputFormatException(file, line, "query '" + queryId + "' appears twice for the same measure");
        }
    }

    private static double parse(Path file, long line, String cell, String measure) {
        try {
            return Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, line, "value '" + cell + "' of " + measure + " is not a number", e);
        }
    }
}
