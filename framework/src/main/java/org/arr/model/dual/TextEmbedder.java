package org.arr.model.dual;

/**
 * Batched inference view of a dual encoder: token rows in, embeddings out. Rankers only need this view, so a
 * counting decorator can measure their cost without touching the model.
 */
public interface TextEmbedder {

    /** Returns the embedding size. */
    int dimension();

    /**
     * Embeds a batch of token rows with one side's tower; each row is one forward pass of that tower.
     *
     * @param rows per row, text token ids in {@code [1, vocabularySize)} (rows may differ in length)
     * @return {@code [rows][dimension()]} embeddings
     */
    float[][] embed(int[][] rows, Side side);

    /** Returns the estimated FLOPs of embedding one row (see {@code TransformerFlops}). */
    double forwardFlops(int[] row, Side side);
}
