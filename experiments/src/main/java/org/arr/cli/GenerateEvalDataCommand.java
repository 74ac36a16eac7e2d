package org.arr.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.arr.data.Qrels;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;
import org.arr.data.trec.TrecQrelsFile;
import org.arr.data.trec.TrecRunFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code arr generate-eval-data}: writes a random TREC run and matching qrels for timing {@code arr eval}.
 * Hidden from the help listing because it serves the benchmark script only.
 *
 * <p>Each query retrieves {@code --documents} distinct documents from a corpus of {@code --corpus} ids, with
 * scores rounded to two decimals so that ties occur. About 30% of the retrieved documents are judged (grades
 * 0, 1, 2, 3 with probabilities 0.5, 0.25, 0.15, 0.1), plus two unretrieved relevant documents per query.
 * One query in 100 is left out of the run.
 */
@Command(name = "generate-eval-data", hidden = true, mixinStandardHelpOptions = true,
        description = "Write a random TREC run and matching qrels (benchmark input for arr eval).")
public final class GenerateEvalDataCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(GenerateEvalDataCommand.class);

    @Option(names = "--queries", defaultValue = "10000", description = "Number of queries. Default: ${DEFAULT-VALUE}.")
    int queries;

    @Option(names = "--documents", defaultValue = "100",
            description = "Retrieved documents per query. Default: ${DEFAULT-VALUE}.")
    int documents;

    @Option(names = "--corpus", defaultValue = "1000000",
            description = "Number of distinct document ids to draw from. Default: ${DEFAULT-VALUE}.")
    int corpus;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Parameters(index = "0", paramLabel = "QRELS", description = "Qrels file to write.")
    Path qrelsFile;

    @Parameters(index = "1", paramLabel = "RUN", description = "Run file to write.")
    Path runFile;

    @Override
    public Integer call() {
        if (queries <= 0 || documents <= 0 || corpus < documents + 2) {
            throw new IllegalArgumentException("Invalid sizes: need --queries > 0, --documents > 0 and --corpus >= "
                    + "--documents + 2, got " + queries + ", " + documents + ", " + corpus);
        }
        LOG.info("Generating {} queries x {} documents (seed {})", queries, documents, seed);
        Random random = new Random(seed);
        Qrels.Builder qrels = Qrels.builder();
        Map<String, List<ScoredDocument>> rankings = new LinkedHashMap<>();

        for (int q = 0; q < queries; q++) {
            String queryId = "q" + q;
            Set<Integer> drawn = new HashSet<>();
            List<ScoredDocument> ranking = new ArrayList<>(documents);
            while (ranking.size() < documents) {
                int document = random.nextInt(corpus);
                if (!drawn.add(document)) {
                    continue;
                }
                String documentId = "d" + document;
                ranking.add(new ScoredDocument(documentId, Math.round(random.nextGaussian() * 100) / 100.0));
                if (random.nextDouble() < 0.3) {
                    qrels.add(queryId, documentId, grade(random));
                }
            }
            for (int extra = 0; extra < 2; extra++) {
                int document;
                do {
                    document = random.nextInt(corpus);
                } while (!drawn.add(document));
                qrels.add(queryId, "d" + document, 1 + random.nextInt(3));
            }
            if (q % 100 != 99) {
                rankings.put(queryId, ranking);
            }
        }

        TrecQrelsFile.write(qrels.build(), qrelsFile);
        TrecRunFile.write(new Run("random", rankings), runFile);
        LOG.info("Wrote {} and {}", qrelsFile, runFile);
        return 0;
    }

    private static int grade(Random random) {
        double draw = random.nextDouble();
        if (draw < 0.5) {
            return 0;
        }
        if (draw < 0.75) {
            return 1;
        }
        return draw < 0.9 ? 2 : 3;
    }
}
