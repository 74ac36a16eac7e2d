package org.arr.datasets.trec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.arr.data.Corpus;
import org.arr.data.DatasetLoader;
import org.arr.data.Document;
import org.arr.data.InputFormatException;
import org.arr.data.Qrels;
import org.arr.data.Queries;
import org.arr.data.Query;
import org.arr.data.RankingTask;
import org.arr.data.trec.TrecQrelsFile;
import org.arr.datasets.LoaderOptions;
import org.arr.datasets.io.TextFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code trec:FOLDER} dataset: a corpus, TREC topics and TREC qrels.
 *
 * <ul>
 *   <li>Corpus (option {@code corpus}, default {@code corpus.tsv}, else {@code corpus.jsonl}): TSV lines
 *       {@code docid<TAB>text}, or JSON lines with an id ({@code _id}, {@code id} or {@code docid}), a text
 *       ({@code text} or Pyserini's {@code contents}) and an optional {@code title}. Files ending in
 *       {@code .jsonl} or {@code .json} are read as JSON lines.</li>
 *   <li>Topics (option {@code topics}, default {@code topics.tsv}): TSV lines {@code id<TAB>text}.</li>
 *   <li>Qrels (option {@code qrels}, default {@code qrels.txt}): lines {@code qid iteration docid rel},
 *       read by {@link TrecQrelsFile}.</li>
 * </ul>
 * File options are resolved against the folder. Qrels lines naming an unknown topic are an error; lines
 * naming an unknown document are an error too, unless option {@code skipUnknownDocuments} is true (useful
 * when the corpus is a subset of the judged collection). Blank lines are skipped; the task has no
 * predefined splits.
 */
public final class TrecLoader implements DatasetLoader {

    private static final Logger LOG = LoggerFactory.getLogger(TrecLoader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    @Override
    public String name() {
        return "trec";
    }

    @Override
    public String description() {
        return "trec:FOLDER - corpus (TSV or JSON lines), topics (TSV id<TAB>text) and TREC qrels (qid 0 docid rel)";
    }

    /**
     * Reads the three files.
     *
     * @throws IllegalArgumentException if an option is invalid
     * @throws InputFormatException if a file is missing or malformed, an id is repeated, or a qrels line
     *     names an unknown topic or document
     */
    @Override
    public RankingTask load(String argument, Map<String, Object> options) {
        String spec = "trec:" + argument;
        LoaderOptions values = new LoaderOptions(spec, options,
                List.of("corpus", "topics", "qrels", "skipUnknownDocuments"));
        Path folder = Path.of(argument.isBlank() ? "." : argument);
        Path corpusFile = folder.resolve(values.stringValue("corpus",
                Files.exists(folder.resolve("corpus.tsv")) || !Files.exists(folder.resolve("corpus.jsonl"))
                        ? "corpus.tsv" : "corpus.jsonl"));
        Path topicsFile = folder.resolve(values.stringValue("topics", "topics.tsv"));
        Path qrelsFile = folder.resolve(values.stringValue("qrels", "qrels.txt"));
        boolean skipUnknownDocuments = values.booleanValue("skipUnknownDocuments", false);

        Corpus corpus = readCorpus(corpusFile);
        Queries topics = readTopics(topicsFile);
        Qrels qrels = readQrels(qrelsFile, corpus, topics, skipUnknownDocuments);
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return new RankingTask("trec:" + (name == null ? argument : name), corpus, topics, qrels, null, null, null);
    }

    private static Corpus readCorpus(Path file) {
        String fileName = file.getFileName().toString();
        boolean json = fileName.endsWith(".jsonl") || fileName.endsWith(".json");
        List<Document> documents = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        try (BufferedReader reader = TextFiles.open(file, "corpus (TSV docid<TAB>text or JSON lines)")) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                Document document = json ? jsonDocument(file, lineNumber, line) : tsvDocument(file, lineNumber, line);
                requireUnique(file, lineNumber, document.id(), lines, "document");
                documents.add(document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + file + ": " + e.getMessage(), e);
        }
        if (documents.isEmpty()) {
            throw new InputFormatException(file, 0, "The corpus is empty: expected one document per line");
        }
        return new Corpus(documents);
    }

    private static Document tsvDocument(Path file, long lineNumber, String line) {
        String[] columns = line.split("\t", 2);
        if (columns.length < 2) {
            throw new InputFormatException(file, lineNumber, "Expected docid<TAB>text, found no tab");
        }
        return new Document(validId(file, lineNumber, columns[0], "docid"), "", columns[1]);
    }

    private static Document jsonDocument(Path file, long lineNumber, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InputFormatException(file, lineNumber, "Invalid JSON: " + e.getOriginalMessage()
                    + "; expected one JSON object per line");
        }
        if (node == null || !node.isObject()) {
            throw new InputFormatException(file, lineNumber, "Expected a JSON object per line");
        }
        JsonNode id = first(node, "_id", "id", "docid");
        JsonNode text = first(node, "text", "contents");
        JsonNode title = node.get("title");
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            throw new InputFormatException(file, lineNumber, "Missing or invalid document id: expected a string field "
                    + "_id, id or docid");
        }
        if (text == null || !text.isTextual()) {
            throw new InputFormatException(file, lineNumber, "Missing or invalid document text: expected a string "
                    + "field text or contents");
        }
        String titleText = title == null || title.isNull() ? "" : title.asText();
        return new Document(validId(file, lineNumber, id.asText(), "document id"), titleText, text.asText());
    }

    private static Queries readTopics(Path file) {
        List<Query> topics = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        try (BufferedReader reader = TextFiles.open(file, "topics (TSV id<TAB>text)")) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.split("\t", 2);
                if (columns.length < 2) {
                    throw new InputFormatException(file, lineNumber, "Expected id<TAB>text, found no tab");
                }
                String id = validId(file, lineNumber, columns[0], "topic id");
                requireUnique(file, lineNumber, id, lines, "topic");
                topics.add(new Query(id, columns[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + file + ": " + e.getMessage(), e);
        }
        return new Queries(topics);
    }

    /**
     * Reads the qrels with {@link TrecQrelsFile} and checks every judged topic and document; a problem is
     * reported at the first line that names the unknown id.
     */
    private static Qrels readQrels(Path file, Corpus corpus, Queries topics, boolean skipUnknownDocuments) {
        Qrels read = TrecQrelsFile.read(file);
        Qrels.Builder kept = Qrels.builder();
        long skipped = 0;
        for (String topicId : read.queryIds()) {
            if (!topics.contains(topicId)) {
                throw new InputFormatException(file, firstLineWith(file, 0, topicId), "Unknown topic '" + topicId
                        + "': the topics file has no such id");
            }
            for (Map.Entry<String, Double> judgment : read.judgments(topicId).entrySet()) {
                if (corpus.contains(judgment.getKey())) {
                    kept.add(topicId, judgment.getKey(), judgment.getValue());
                } else if (skipUnknownDocuments) {
                    skipped++;
                } else {
                    throw new InputFormatException(file, firstLineWith(file, 2, judgment.getKey()), "Unknown document '"
                            + judgment.getKey() + "': the corpus has no such docid (option skipUnknownDocuments=true "
                            + "skips such lines)");
                }
            }
        }
        if (skipped > 0) {
            LOG.warn("{}: skipped {} judgments of documents that are not in the corpus", file, skipped);
        }
        return kept.build();
    }

    /** Returns the 1-based number of the first line whose column (0-based) is the value, or 0 if none is. */
    private static long firstLineWith(Path file, int column, String value) {
        try (BufferedReader reader = TextFiles.open(file, "TREC qrels")) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String[] columns = WHITESPACE.split(line.strip());
                if (columns.length > column && columns[column].equals(value)) {
                    return lineNumber;
                }
            }
        } catch (IOException e) {
            LOG.warn("Failed to reread {} to locate '{}'", file, value, e);
        }
        return 0;
    }

    private static String validId(Path file, long lineNumber, String id, String what) {
        String trimmed = id.strip();
        if (trimmed.isEmpty() || WHITESPACE.matcher(trimmed).find()) {
            throw new InputFormatException(file, lineNumber, "Invalid " + what + " '" + id
                    + "': expected a non-empty id without whitespace");
        }
        return trimmed;
    }

    private static void requireUnique(Path file, long lineNumber, String id, Map<String, Long> lines, String kind) {
        Long previous = lines.putIfAbsent(id, lineNumber);
        if (previous != null) {
            throw new InputFormatException(file, lineNumber, "Duplicate " + kind + " id '" + id + "': line " + previous
                    + " has the same id");
        }
    }

    private static JsonNode first(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }
}
