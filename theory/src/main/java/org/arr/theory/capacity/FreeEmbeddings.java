package org.arr.theory.capacity;

/**
 * Query and document vectors of a dual encoder in {@code R^dim}, stored row-major: vector {@code i} occupies
 * {@code [i*dim, (i+1)*dim)}. The score of document {@code d} for query {@code q} is their dot product.
 * Instances copy their input and hand out copies, so they are immutable.
 */
public final class FreeEmbeddings {

    private final int dim;
    private final double[] queryVectors;
    private final double[] documentVectors;

    /**
     * Creates embeddings from row-major vectors.
     *
     * @throws IllegalArgumentException if {@code dim < 1} or an array length is not a multiple of {@code dim}
     */
    public FreeEmbeddings(int dim, double[] queryVectors, double[] documentVectors) {
        if (dim < 1 || queryVectors.length % dim != 0 || documentVectors.length % dim != 0) {
            throw new IllegalArgumentException("Vector arrays of lengths " + queryVectors.length + " and "
                    + documentVectors.length + " do not split into vectors of dimension " + dim);
        }
        this.dim = dim;
        this.queryVectors = queryVectors.clone();
        this.documentVectors = documentVectors.clone();
    }

    public int dim() {
        return dim;
    }

    public int queryCount() {
        return queryVectors.length / dim;
    }

    public int documentCount() {
        return documentVectors.length / dim;
    }

    /** Returns the scores {@code <q, d>} of every document for one query (a new array). */
    public double[] scores(int query) {
        int documents = documentCount();
        double[] scores = new double[documents];
        for (int doc = 0; doc < documents; doc++) {
            double dot = 0;
            for (int k = 0; k < dim; k++) {
                dot += queryVectors[query * dim + k] * documentVectors[doc * dim + k];
            }
            scores[doc] = dot;
        }
        return scores;
    }

    /** Returns a copy of the row-major query vectors. */
    public double[] queryVectors() {
        return queryVectors.clone();
    }

    /** Returns a copy of the row-major document vectors. */
    public double[] documentVectors() {
        return documentVectors.clone();
    }
}
