package org.arr.model.cross;

/**
 * Batched inference view of a cross encoder: (query, document) token rows in, scores out. Rankers only need this
 * view, so a counting decorator can measure their cost without touching the model.
 */
public interface PairScorer {

    /**
     * Scores a batch of pairs; each pair is one forward pass.
     *
     * @param queries per pair, the query's text token ids
     * @param documents per pair, the document's text token ids
     * @return one score per pair, higher is more relevant
     * @throws IllegalArgumentException if the arrays differ in length
     */
    float[] score(int[][] queries, int[][] documents);

    /** Returns the estimated FLOPs of scoring one pair (see {@code TransformerFlops}). */
    double forwardFlops(int[] query, int[] document);
}
