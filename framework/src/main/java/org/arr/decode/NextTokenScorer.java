package org.arr.decode;

/**
 * A causal model over docID tokens conditioned on a query: returns {@code log p(v | q, u)} for every token
 * {@code v} of the docID vocabulary, given query tokens {@code q} and a docID prefix {@code u}. Beam search
 * and exhaustive scoring only need this view of a model, so they work the same for a trained transformer,
 * an explicit construction or a lookup table in a test.
 */
public interface NextTokenScorer {

    /** Returns the size {@code V} of the docID vocabulary; tokens are {@code 0 .. V-1}. */
    int vocabularySize();

    /**
     * Computes next-token log-probabilities for a batch.
     *
     * @param queryTokens per batch row, the query's token ids (rows may differ in length)
     * @param prefixes per batch row, the docID tokens generated so far (may be empty, rows may differ in length)
     * @return {@code [batch][V]} log-probabilities; each row's {@code exp} sums to 1 over the vocabulary
     */
    float[][] nextTokenLogProbabilities(int[][] queryTokens, int[][] prefixes);
}
