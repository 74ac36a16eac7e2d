package org.arr.data.trec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.arr.data.InputFormatException;
import org.arr.data.Qrels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes TREC qrels files: one judgment per line, {@code qid iter docid rel}, columns separated by
 * whitespace. The iteration column is ignored on reading and written as {@code 0}. The relevance is an
 * integer or a real number {@code >= 0}.
 *
 * <p>Differences from trec_eval 9.0.8, which reads the relevance with C's {@code atol}: a fractional grade
 * such as {@code 0.5} is kept as a real number here, while trec_eval truncates it (to 0); a negative grade
 * is rejected here, while trec_eval counts it as "in the pool but unjudged". Identical duplicate lines are
 * accepted here; trec_eval rejects any duplicate document of an evaluated query.
 */
public final class TrecQrelsFile {

    private static final Logger LOG = LoggerFactory.getLogger(TrecQrelsFile.class);

    private TrecQrelsFile() {
    }

    /**
     * Reads a qrels file. Blank lines and lines starting with {@code #} are skipped.
     *
     * @throws InputFormatException if the file is missing or unreadable, has no judgments, or a line has not
     *     exactly four columns, a relevance that is not a finite number {@code >= 0}, or a judgment that
     *     contradicts an earlier line for the same query and document
     */
    public static Qrels read(Path file) {
        long started = System.nanoTime();
        Qrels.Builder builder = Qrels.builder();
        Columns columns = new Columns(4);
        String previousQueryId = null;
        long lineNumber = 0;
        long judgments = 0;
        try (BufferedReader reader = TrecFiles.open(file, "qrels")) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (Columns.isBlankOrComment(line)) {
                    continue;
                }

                int count = columns.split(line);
                if (count != 4) {
                    throw new InputFormatException(file, lineNumber, "expected 4 whitespace-separated columns "
                            + "'qid iter docid rel' but found " + count + ": '" + line.strip() + "'");
                }

                String queryId = previousQueryId != null && columns.columnEquals(0, previousQueryId)
                        ? previousQueryId : columns.get(0);
                previousQueryId = queryId;
                String documentId = columns.get(2);
                String relevanceText = columns.get(3);
                double relevance = TrecFiles.parseNumber(relevanceText);
                if (Double.isNaN(relevance) || Double.isInfinite(relevance)) {
                    throw new InputFormatException(file, lineNumber, "invalid relevance '" + relevanceText
                            + "' in column 4: expected an integer or a real number >= 0");
                }
                if (relevance < 0) {
                    throw new InputFormatException(file, lineNumber, "negative relevance " + relevanceText
                            + " for query '" + queryId + "' and document '" + documentId + "': grades must be >= 0"
                            + " (use 0 for judged non-relevant, or remove the line to leave the document unjudged)");
                }

                try {
                    builder.add(queryId, documentId, relevance);
                } catch (IllegalArgumentException e) {
                    throw new InputFormatException(file, lineNumber, e.getMessage(), e);
                }
                judgments++;
            }
        } catch (IOException e) {
            throw new InputFormatException(file, lineNumber, "cannot read qrels file: " + e.getMessage(), e);
        }

        if (judgments == 0) {
            throw new InputFormatException(file, 0, "the qrels file contains no judgments; expected lines "
                    + "'qid iter docid rel'");
        }
        Qrels qrels = builder.build();
        LOG.debug("Read {} judgments for {} queries from {} in {} ms", qrels.size(), qrels.queryIds().size(), file,
                (System.nanoTime() - started) / 1_000_000);
        return qrels;
    }

    /**
     * Writes qrels as {@code qid 0 docid rel} lines in the qrels' query and document order, through a
     * temporary file and a move. Integer grades are written without a fraction.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Qrels qrels, Path file) {
        AtomicFiles.write(file, writer -> {
            for (String queryId : qrels.queryIds()) {
                for (Map.Entry<String, Double> judgment : qrels.judgments(queryId).entrySet()) {
                    writer.write(queryId);
                    writer.write(" 0 ");
                    writer.write(judgment.getKey());
                    writer.write(' ');
                    writer.write(TrecFiles.formatNumber(judgment.getValue()));
                    writer.write('\n');
                }
            }
        });
    }
}
