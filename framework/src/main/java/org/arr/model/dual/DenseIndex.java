package org.arr.model.dual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.arr.model.Autograd;
import org.arr.model.encoder.Hits;

/**
 * Exact maximum inner product search over precomputed document embeddings: for a batch of query embeddings
 * {@code Q [b, E]} and document embeddings {@code D [n, E]}, {@code S = Q D^T} is one matrix product, and each row
 * keeps its top {@code k} entries (ties: lower corpus position first). Immutable; the embeddings live on the Java
 * heap and go to the engine once per {@link #search} call.
 */
public final class DenseIndex {

    private static final int QUERY_CHUNK = 1024;

    private final float[] embeddings;
    private final int size;
    private final int dimension;

    /**
     * Creates an index over document embeddings, one row per corpus position.
     *
     * @throws IllegalArgumentException if the rows differ in length or there are none
     */
    public DenseIndex(float[][] documentEmbeddings) {
        if (documentEmbeddings.length == 0) {
            throw new IllegalArgumentException("Cannot index an empty corpus");
        }
        this.size = documentEmbeddings.length;
        this.dimension = documentEmbeddings[0].length;
        this.embeddings = new float[size * dimension];
        for (int d = 0; d < size; d++) {
            if (documentEmbeddings[d].length != dimension) {
                throw new IllegalArgumentException("Document embedding " + d + " has " + documentEmbeddings[d].length
                        + " values, expected " + dimension);
            }
            System.arraycopy(documentEmbeddings[d], 0, embeddings, d * dimension, dimension);
        }
    }

    /** Embeds every document with the document tower, one forward pass per document, and indexes them. */
    public static DenseIndex build(TextEmbedder embedder, int[][] documentTokens) {
        return new DenseIndex(embedder.embed(documentTokens, Side.DOCUMENT));
    }

    public int size() {
        return size;
    }

    public int dimension() {
        return dimension;
    }

    /** Returns a copy of the embedding of the document at a corpus position. */
    public float[] embedding(int position) {
        float[] copy = new float[dimension];
        System.arraycopy(embeddings, position * dimension, copy, 0, dimension);
        return copy;
    }

    /**
     * Returns the {@code min(k, size())} highest-scoring documents of each query.
     *
     * @throws IllegalArgumentException if {@code k < 1} or a query embedding has the wrong size
     */
    public Hits[] search(float[][] queryEmbeddings, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        Hits[] hits = new Hits[queryEmbeddings.length];
        double[] row = new double[size];
        Autograd.disable();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray documentsTransposed = manager.create(embeddings, new Shape(size, dimension)).transpose();
            for (int from = 0; from < queryEmbeddings.length; from += QUERY_CHUNK) {
                int to = Math.min(queryEmbeddings.length, from + QUERY_CHUNK);
                float[] scores;
                try (NDManager scope = manager.newSubManager()) {
                    NDArray queries = scope.create(flatten(queryEmbeddings, from, to), new Shape(to - from, dimension));
                    scores = queries.matMul(documentsTransposed).toFloatArray();
                }
                for (int q = from; q < to; q++) {
                    int offset = (q - from) * size;
                    for (int d = 0; d < size; d++) {
                        row[d] = scores[offset + d];
                    }
                    hits[q] = Hits.top(row, size, k);
                }
            }
        }
        return hits;
    }

    private float[] flatten(float[][] rows, int from, int to) {
        float[] flat = new float[(to - from) * dimension];
        for (int r = from; r < to; r++) {
            if (rows[r].length != dimension) {
                throw new IllegalArgumentException("Query embedding " + r + " has " + rows[r].length + " values, expected "
                        + dimension);
            }
            System.arraycopy(rows[r], 0, flat, (r - from) * dimension, dimension);
        }
        return flat;
    }
}
