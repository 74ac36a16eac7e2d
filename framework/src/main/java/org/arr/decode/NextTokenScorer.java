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

    /**
     * Computes the next-token log-probabilities at every prefix of each sequence (teacher forcing): entry
     * {@code [r][j]} is {@code log p(. | q_r, s_r[0 .. j))} for {@code j = 0 .. s_r.length}. This default builds
     * every prefix and makes one {@link #nextTokenLogProbabilities} call; a causal model overrides it to score
     * each row in one forward pass.
     *
     * @return {@code [batch][length + 1][V]} log-probabilities
     */
    default float[][][] logProbabilitiesAlong(int[][] queryTokens, int[][] sequences) {
        int total = 0;
        for (int[] sequence : sequences) {
            total += sequence.length + 1;
        }
        int[][] rowQueries = new int[total][];
        int[][] rowPrefixes = new int[total][];
        int row = 0;
        for (int r = 0; r < sequences.length; r++) {
            for (int j = 0; j <= sequences[r].length; j++) {
                rowQueries[row] = queryTokens[r];
                rowPrefixes[row] = java.util.Arrays.copyOf(sequences[r], j);
                row++;
            }
        }

        float[][] flat = nextTokenLogProbabilities(rowQueries, rowPrefixes);
        float[][][] result = new float[sequences.length][][];
        row = 0;
        for (int r = 0; r < sequences.length; r++) {
            result[r] = java.util.Arrays.copyOfRange(flat, row, row + sequences[r].length + 1);
            row += sequences[r].length + 1;
        }
        return result;
    }
}
