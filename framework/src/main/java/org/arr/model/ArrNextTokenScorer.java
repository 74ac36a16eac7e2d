package org.arr.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.arr.decode.NextTokenScorer;

/**
 * Inference view of an {@link ArrModel}: dropout off, no gradients recorded, every chunk of rows evaluated in
 * its own {@link NDManager} scope so native memory is freed right away.
 */
final class ArrNextTokenScorer implements NextTokenScorer {

    private final ArrModel model;
    private final int maxBatchRows;

    ArrNextTokenScorer(ArrModel model, int maxBatchRows) {
        if (maxBatchRows < 1) {
            throw new IllegalArgumentException("maxBatchRows must be >= 1, got " + maxBatchRows);
        }
        this.model = model;
        this.maxBatchRows = maxBatchRows;
    }

    @Override
    public int vocabularySize() {
        return model.config().docIdVocabularySize();
    }

    /**
     * Scores the last position of every row. Rows whose prefixes share one length take the fast path, where
     * only that position goes through {@code logSoftmax} and back to the JVM.
     */
    @Override
    public float[][] nextTokenLogProbabilities(int[][] queryTokens, int[][] prefixes) {
        checkRows(queryTokens, prefixes);
        int vocabulary = vocabularySize();
        float[][] result = new float[prefixes.length][];
        Autograd.disable();
        for (int from = 0; from < prefixes.length; from += maxBatchRows) {
            int to = Math.min(prefixes.length, from + maxBatchRows);
            int width = 0;
            boolean sameLength = true;
            for (int r = from; r < to; r++) {
                width = Math.max(width, prefixes[r].length);
                sameLength &= prefixes[r].length == prefixes[from].length;
            }

            try (NDManager scope = model.manager().newSubManager()) {
                NDArray logits = forward(scope, queryTokens, prefixes, from, to, width);
                if (sameLength) {
                    float[] flat = logits.get(":, -1, :").logSoftmax(-1).toFloatArray();
                    for (int r = from; r < to; r++) {
                        result[r] = Arrays.copyOfRange(flat, (r - from) * vocabulary, (r - from + 1) * vocabulary);
                    }
                } else {
                    float[] flat = logits.logSoftmax(-1).toFloatArray();
                    int positions = width + 1;
                    for (int r = from; r < to; r++) {
                        int offset = ((r - from) * positions + prefixes[r].length) * vocabulary;
                        result[r] = Arrays.copyOfRange(flat, offset, offset + vocabulary);
                    }
                }
            }
        }
        return result;
    }

    /** Scores every prefix of each row with one forward pass per chunk (teacher forcing). */
    @Override
    public float[][][] logProbabilitiesAlong(int[][] queryTokens, int[][] sequences) {
        checkRows(queryTokens, sequences);
        int vocabulary = vocabularySize();
        float[][][] result = new float[sequences.length][][];
        Autograd.disable();
        for (int from = 0; from < sequences.length; from += maxBatchRows) {
            int to = Math.min(sequences.length, from + maxBatchRows);
            int width = 0;
            for (int r = from; r < to; r++) {
                width = Math.max(width, sequences[r].length);
            }

            try (NDManager scope = model.manager().newSubManager()) {
                float[] flat = forward(scope, queryTokens, sequences, from, to, width).logSoftmax(-1).toFloatArray();
                int positions = width + 1;
                for (int r = from; r < to; r++) {
                    float[][] rows = new float[sequences[r].length + 1][];
                    for (int j = 0; j < rows.length; j++) {
                        int offset = ((r - from) * positions + j) * vocabulary;
                        rows[j] = Arrays.copyOfRange(flat, offset, offset + vocabulary);
                    }
                    result[r] = rows;
                }
            }
        }
        return result;
    }

    private NDArray forward(NDManager scope, int[][] queryTokens, int[][] docIdTokens, int from, int to, int width) {
        int[][] queries = Arrays.copyOfRange(queryTokens, from, to);
        int[][] docIds = Arrays.copyOfRange(docIdTokens, from, to);
        NDArray queryInput = ArrInputs.queries(scope, queries, model.config().maxQueryLength());
        NDArray docIdInput = ArrInputs.docIds(scope, docIds, width);
        return model.logits(queryInput, docIdInput, false);
    }

    private static void checkRows(int[][] queryTokens, int[][] docIdTokens) {
        if (queryTokens.length != docIdTokens.length) {
            throw new IllegalArgumentException("Got " + queryTokens.length + " query rows but " + docIdTokens.length
                    + " docID rows; pass one query per docID row");
        }
    }
}
