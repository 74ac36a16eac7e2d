package org.arr.data.trec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arr.data.InputFormatException;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes TREC run files: one retrieved document per line, {@code qid Q0 docid rank score tag},
 * columns separated by whitespace. As in trec_eval 9.0.8, the second and fourth columns are not used (the
 * ranking comes from the scores) and columns after the sixth are ignored. The run keeps the tag of the first
 * line (trec_eval reports the last line's tag).
 */
public final class TrecRunFile {

    private static final Logger LOG = LoggerFactory.getLogger(TrecRunFile.class);

    private TrecRunFile() {
    }

    /** The documents read so far for one query. */
    private static final class QueryBuffer {
        final List<ScoredDocument> documents = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
    }

    /**
     * Reads a run file; each query's list keeps the file's line order. Blank lines and lines starting with
     * {@code #} are skipped.
     *
     * @throws InputFormatException if the file is missing or unreadable, has no result lines, or a line has
     *     fewer than six columns, a score that is not a number, or a document already listed for that query
     *     (trec_eval rejects such runs too)
     */
    public static Run read(Path file) {
        long started = System.nanoTime();
        Map<String, QueryBuffer> buffers = new LinkedHashMap<>();
        Columns columns = new Columns(6);
        String tag = null;
        String previousQueryId = null;
        QueryBuffer buffer = null;
        long lineNumber = 0;
        try (BufferedReader reader = TrecFiles.open(file, "run")) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (Columns.isBlankOrComment(line)) {
                    continue;
                }

                int count = columns.split(line);
                if (count < 6) {
                    throw new InputFormatException(file, lineNumber, "expected 6 whitespace-separated columns "
                            + "'qid Q0 docid rank score tag' but found " + count + ": '" + line.strip() + "'");
                }

                if (previousQueryId == null || !columns.columnEquals(0, previousQueryId)) {
                    previousQueryId = columns.get(0);
                    buffer = buffers.computeIfAbsent(previousQueryId, id -> new QueryBuffer());
                }
                String documentId = columns.get(2);
                String scoreText = columns.get(4);
                double score = TrecFiles.parseNumber(scoreText);
                if (Double.isNaN(score)) {
                    throw new InputFormatException(file, lineNumber, "invalid score '" + scoreText
                            + "' in column 5: expected a number");
                }
                if (!buffer.seen.add(documentId)) {
                    throw new InputFormatException(file, lineNumber, "document '" + documentId
                            + "' is listed twice for query '" + previousQueryId
                            + "': each document may appear at most once per query");
                }
                buffer.documents.add(new ScoredDocument(documentId, score));
                if (tag == null) {
                    tag = columns.get(5);
                }
            }
        } catch (IOException e) {
            throw new InputFormatException(file, lineNumber, "cannot read run file: " + e.getMessage(), e);
        }

        if (tag == null) {
            throw new InputFormatException(file, 0, "the run file contains no result lines; expected lines "
                    + "'qid Q0 docid rank score tag'");
        }
        Map<String, List<ScoredDocument>> rankings = new LinkedHashMap<>();
        for (Map.Entry<String, QueryBuffer> entry : buffers.entrySet()) {
            rankings.put(entry.getKey(), entry.getValue().documents);
        }
        Run run = new Run(tag, rankings);
        LOG.debug("Read {} lines for {} queries from {} in {} ms", run.size(), rankings.size(), file,
                (System.nanoTime() - started) / 1_000_000);
        return run;
    }

    /**
     * Writes a run as {@code qid Q0 docid rank score tag} lines, each query's list in its stored order with
     * ranks 1, 2, ..., through a temporary file and a move. Scores are written so that they read back exactly.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Run run, Path file) {
        String tag = run.tag();
        AtomicFiles.write(file, writer -> {
            for (Map.Entry<String, List<ScoredDocument>> entry : run.rankings().entrySet()) {
                String queryId = entry.getKey();
                int rank = 1;
                for (ScoredDocument document : entry.getValue()) {
                    writer.write(queryId);
                    writer.write(" Q0 ");
                    writer.write(document.documentId());
                    writer.write(' ');
                    writer.write(Integer.toString(rank++));
                    writer.write(' ');
                    writer.write(TrecFiles.formatNumber(document.score()));
                    writer.write(' ');
                    writer.write(tag);
                    writer.write('\n');
                }
            }
        });
    }
}
