package org.arr.docid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arr.data.Document;
import org.arr.data.RankingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Semantic docIDs (DSI/NCI style): the hierarchical k-means path of each document vector with {@code b}
 * clusters per level (see {@link HierarchicalKMeans}), then an end token. Similar documents share leading
 * tokens. Vectors come from {@link TfIdfSvdVectors} over {@link Document#fullText()}, or are supplied by the
 * caller (e.g. a trained encoder) through {@link #assign(double[][], DocIdOptions)}.
 *
 * <p>Tokens {@code 0 .. b-1} are cluster indices and positions, and token {@code b} is the end token. The
 * paths alone are already prefix-free. The end token is added because their lengths vary, so unconstrained
 * decoding needs a token that the model learns to emit where a docID stops.
 */
public final class SemanticScheme implements DocIdScheme {

    public static final String NAME = "semantic";

    private static final Logger LOG = LoggerFactory.getLogger(SemanticScheme.class);

    @Override
    public String name() {
        return NAME;
    }

    /** Assigns docIDs from TF-IDF + truncated SVD vectors of the documents' full text. */
    @Override
    public DocIds assign(RankingTask task, DocIdOptions options) {
        List<String> texts = new ArrayList<>(task.corpus().size());
        for (Document document : task.corpus().documents()) {
            texts.add(document.fullText());
        }
        long start = AssignmentLog.start(LOG, NAME, texts.size());

        double[][] vectors = checkVectors(
                TfIdfSvdVectors.compute(texts, options.semanticMaxTerms(), options.semanticDimensions(), options.seed()));
        LOG.info("Computed {} TF-IDF + SVD vectors of dimension {} in {} ms", vectors.length, vectors[0].length,
                (System.nanoTime() - start) / 1_000_000);

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("base", options.base());
        parameters.put("seed", options.seed());
        parameters.put("vectors", "tfidf-svd");
        parameters.put("semanticDimensions", options.semanticDimensions());
        parameters.put("semanticMaxTerms", options.semanticMaxTerms());
        parameters.put("kmeansMaxIterations", options.kmeansMaxIterations());
        return AssignmentLog.finish(LOG, fromVectors(vectors, options, parameters), start);
    }

    /**
     * Assigns docIDs from precomputed vectors, one per corpus position; the {@code semantic*} options that
     * concern TF-IDF and SVD are ignored.
     *
     * @throws IllegalArgumentException if there are no vectors, their dimensions differ or are zero, or a
     *     value is not finite
     */
    public DocIds assign(double[][] vectors, DocIdOptions options) {
        long start = AssignmentLog.start(LOG, NAME, vectors.length);
        double[][] checked = checkVectors(vectors);

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("base", options.base());
        parameters.put("seed", options.seed());
        parameters.put("vectors", "precomputed");
        parameters.put("kmeansMaxIterations", options.kmeansMaxIterations());
        return AssignmentLog.finish(LOG, fromVectors(checked, options, parameters), start);
    }

    private static DocIds fromVectors(double[][] vectors, DocIdOptions options, Map<String, Object> parameters) {
        int base = options.base();
        int[][] paths = HierarchicalKMeans.paths(vectors, base, options.kmeansMaxIterations(), options.seed());

        int end = base;
        int[][] tokens = new int[paths.length][];
        for (int i = 0; i < paths.length; i++) {
            tokens[i] = Arrays.copyOf(paths[i], paths[i].length + 1);
            tokens[i][paths[i].length] = end;
        }
        String[] labels = Arrays.copyOf(SequentialScheme.digitLabels(base), base + 1);
        labels[end] = EndTokenDocIds.END_LABEL;
        return DocIds.of(NAME, parameters, tokens, labels, end);
    }

    /** Copies the vectors, turning {@code -0.0} into {@code 0.0} so that equal vectors compare equal. */
    private static double[][] checkVectors(double[][] vectors) {
        if (vectors.length == 0) {
            throw new IllegalArgumentException("No document vectors given: expected one vector per corpus document");
        }
        int dimension = vectors[0].length;
        if (dimension == 0) {
            throw new IllegalArgumentException("Document vectors have dimension 0");
        }
        double[][] copy = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i].length != dimension) {
                throw new IllegalArgumentException("Vector of document " + i + " has dimension " + vectors[i].length
                        + ", expected " + dimension + " like the first one");
            }
            copy[i] = new double[dimension];
            for (int j = 0; j < dimension; j++) {
                double value = vectors[i][j];
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("Vector of document " + i + " has a non-finite value " + value
                            + " at index " + j);
                }
                copy[i][j] = value + 0.0;
            }
        }
        return copy;
    }
}
