package org.arr.datasets.beir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.arr.data.Corpus;
import org.arr.data.Document;
import org.arr.data.InputFormatException;
import org.arr.data.Qrels;
import org.arr.data.Queries;
import org.arr.data.Query;
import org.arr.data.RankingTask;
import org.arr.data.Splits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a dataset in the BEIR/MTEB JSON-lines layout:
 * <ul>
 *   <li>{@code corpus.jsonl}: one JSON object per line with {@code _id}, {@code text} and an optional
 *       {@code title};</li>
 *   <li>{@code queries.jsonl}: {@code _id} and {@code text};</li>
 *   <li>qrels, either as {@code qrels/<split>.tsv} (BEIR: header {@code query-id corpus-id score}, tab
 *       separated) or {@code qrels/<split>.jsonl}, whose file names become the predefined splits, or as a
 *       single {@code qrels.jsonl} (MTEB: {@code query-id}, {@code corpus-id}, {@code score}) without
 *       splits. The {@code qrels/} folder wins when both exist.</li>
 * </ul>
 * Ids may be JSON strings or integers. Because qrels and run files separate columns by whitespace, each
 * run of whitespace inside an id becomes {@code _} (LIMIT's document ids are person names such as
 * {@code Geneva Durben}, read as {@code Geneva_Durben}); qrels ids are rewritten the same way. Blank
 * lines are skipped. Queries that no qrels line judges stay in the query set but in no split.
 */
public final class BeirReader {

    private static final Logger LOG = LoggerFactory.getLogger(BeirReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final List<String> SPLIT_ORDER = List.of(Splits.TRAIN, Splits.DEV, Splits.TEST);

    private BeirReader() {
    }

    /**
     * Reads a BEIR dataset.
     *
     * @param taskName the name of the task, e.g. {@code limit-small}
     * @throws InputFormatException if a file is missing or a line is malformed, an id is missing or
     *     repeated, a qrels line names an unknown query or document, or the corpus is empty
     */
    public static RankingTask read(String taskName, BeirSource source) {
        Map<String, Long> documentLines = new HashMap<>();
        Corpus corpus = readCorpus(source, documentLines);
        Map<String, Long> queryLines = new HashMap<>();
        Queries queries = readQueries(source, queryLines);

        Qrels.Builder qrels = Qrels.builder();
        Map<String, List<String>> splits = new LinkedHashMap<>();
        List<String> splitFiles = source.qrelsSplitFiles();
        if (!splitFiles.isEmpty()) {
            if (source.exists("qrels.jsonl")) {
                LOG.warn("{} exists but {} has qrels/<split> files; reading only those", source.location("qrels.jsonl"),
                        source.location(""));
            }
            for (String file : splitFiles) {
                String split = file.substring(0, file.lastIndexOf('.'));
                Set<String> splitQueries = new LinkedHashSet<>();
                readQrels(source, "qrels/" + file, documentLines, queryLines, qrels, splitQueries);
                splits.put(split, new ArrayList<>(splitQueries));
            }
        } else if (source.exists("qrels.jsonl")) {
            readQrels(source, "qrels.jsonl", documentLines, queryLines, qrels, new LinkedHashSet<>());
        } else {
            throw new InputFormatException(source.location("qrels.jsonl"), 0,
                    "File not found: a BEIR dataset needs qrels.jsonl or qrels/<split>.tsv files");
        }

        return new RankingTask(taskName, corpus, queries, qrels.build(), splits.isEmpty() ? null : ordered(splits),
                null, null);
    }

    /** Returns an id with each run of whitespace replaced by {@code _}. */
    public static String normalizeId(String id) {
        return WHITESPACE.matcher(id.trim()).replaceAll("_");
    }

    private static Corpus readCorpus(BeirSource source, Map<String, Long> lines) {
        Path file = source.location("corpus.jsonl");
        List<Document> documents = new ArrayList<>();
        int rewritten = 0;
        try (BufferedReader reader = source.open("corpus.jsonl", "BEIR corpus (corpus.jsonl)")) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parse(file, lineNumber, line);
                String rawId = id(file, lineNumber, node, "_id");
                String id = uniqueId(file, lineNumber, rawId, lines, "document");
                rewritten += id.equals(rawId) ? 0 : 1;
                documents.add(new Document(id, optionalText(file, lineNumber, node, "title"),
                        requiredText(file, lineNumber, node, "text")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + file + ": " + e.getMessage(), e);
        }
        if (documents.isEmpty()) {
            throw new InputFormatException(file, 0, "The corpus is empty: expected one JSON document per line");
        }
        if (rewritten > 0) {
            LOG.info("{}: replaced whitespace by '_' in {} document ids", file, rewritten);
        }
        return new Corpus(documents);
    }

    private static Queries readQueries(BeirSource source, Map<String, Long> lines) {
        Path file = source.location("queries.jsonl");
        List<Query> queries = new ArrayList<>();
        try (BufferedReader reader = source.open("queries.jsonl", "BEIR queries (queries.jsonl)")) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parse(file, lineNumber, line);
                String id = uniqueId(file, lineNumber, id(file, lineNumber, node, "_id"), lines, "query");
                queries.add(new Query(id, requiredText(file, lineNumber, node, "text")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + file + ": " + e.getMessage(), e);
        }
        return new Queries(queries);
    }

    /** Reads a qrels file ({@code .tsv} or {@code .jsonl}) into the builder and collects its query ids. */
    private static void readQrels(BeirSource source, String relativePath, Map<String, Long> documents,
            Map<String, Long> queries, Qrels.Builder qrels, Set<String> judgedQueries) {
        Path file = source.location(relativePath);
        boolean tsv = relativePath.endsWith(".tsv");
        try (BufferedReader reader = source.open(relativePath, "BEIR qrels")) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || (tsv && lineNumber == 1 && line.startsWith("query-id"))) {
                    continue;
                }
                String[] judgment = tsv ? tsvJudgment(file, lineNumber, line) : jsonJudgment(file, lineNumber, line);
                String queryId = normalizeId(judgment[0]);
                String documentId = normalizeId(judgment[1]);
                if (!queries.containsKey(queryId)) {
                    throw new InputFormatException(file, lineNumber, "Unknown query-id '" + judgment[0]
                            + "': queries.jsonl has no query with this _id");
                }
                if (!documents.containsKey(documentId)) {
                    throw new InputFormatException(file, lineNumber, "Unknown corpus-id '" + judgment[1]
                            + "': corpus.jsonl has no document with this _id");
                }
                double score = score(file, lineNumber, judgment[2]);
                try {
                    qrels.add(queryId, documentId, score);
                } catch (IllegalArgumentException e) {
                    throw new InputFormatException(file, lineNumber, e.getMessage(), e);
                }
                judgedQueries.add(queryId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String[] tsvJudgment(Path file, long lineNumber, String line) {
        String[] columns = line.split("\t", -1);
        if (columns.length != 3) {
            throw new InputFormatException(file, lineNumber, "Expected 3 tab-separated columns (query-id, corpus-id, "
                    + "score), found " + columns.length);
        }
        for (int i = 0; i < 3; i++) {
            if (columns[i].isBlank()) {
                throw new InputFormatException(file, lineNumber, "Column " + (i + 1) + " is empty");
            }
        }
        return columns;
    }

    private static String[] jsonJudgment(Path file, long lineNumber, String line) {
        JsonNode node = parse(file, lineNumber, line);
        JsonNode score = node.get("score");
        if (score == null || !(score.isNumber() || score.isTextual())) {
            throw new InputFormatException(file, lineNumber, "Missing or invalid field 'score': expected a number");
        }
        return new String[] {id(file, lineNumber, node, "query-id"), id(file, lineNumber, node, "corpus-id"),
            score.asText()};
    }

    private static double score(Path file, long lineNumber, String text) {
        double score;
        try {
            score = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, lineNumber, "Invalid score '" + text + "': expected a number >= 0");
        }
        if (!(score >= 0) || Double.isInfinite(score)) {
            throw new InputFormatException(file, lineNumber, "Invalid score '" + text + "': expected a number >= 0");
        }
        return score;
    }

    private static JsonNode parse(Path file, long lineNumber, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InputFormatException(file, lineNumber, "Invalid JSON: " + e.getOriginalMessage()
                    + "; expected one JSON object per line");
        }
        if (node == null || !node.isObject()) {
            throw new InputFormatException(file, lineNumber, "Expected a JSON object, found: " + abbreviate(line));
        }
        return node;
    }

    /** Returns an id field, which may be a JSON string or an integer. */
    private static String id(Path file, long lineNumber, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InputFormatException(file, lineNumber, "Missing field '" + field + "'");
        }
        if (!(value.isTextual() || value.isIntegralNumber()) || value.asText().isBlank()) {
            throw new InputFormatException(file, lineNumber, "Invalid field '" + field + "': expected a non-empty "
                    + "string or an integer, found " + value);
        }
        return value.asText();
    }

    /** Normalizes an id and checks that no earlier line has it. */
    private static String uniqueId(Path file, long lineNumber, String rawId, Map<String, Long> lines, String kind) {
        String id = normalizeId(rawId);
        Long previous = lines.putIfAbsent(id, lineNumber);
        if (previous != null) {
            String described = id.equals(rawId) ? "'" + id + "'" : "'" + rawId + "' (read as '" + id + "')";
            throw new InputFormatException(file, lineNumber, "Duplicate " + kind + " id " + described
                    + ": line " + previous + " has the same id");
        }
        return id;
    }

    private static String requiredText(Path file, long lineNumber, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InputFormatException(file, lineNumber, "Missing or invalid field '" + field
                    + "': expected a string");
        }
        return value.asText();
    }

    private static String optionalText(Path file, long lineNumber, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new InputFormatException(file, lineNumber, "Invalid field '" + field + "': expected a string");
        }
        return value.asText();
    }

    /** Orders splits as train, dev, test, then the others by name. */
    private static Splits ordered(Map<String, List<String>> splits) {
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        for (String name : SPLIT_ORDER) {
            if (splits.containsKey(name)) {
                ordered.put(name, splits.get(name));
            }
        }
        splits.keySet().stream().sorted().forEach(name -> ordered.putIfAbsent(name, splits.get(name)));
        return new Splits(ordered);
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }
}
