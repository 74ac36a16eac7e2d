package org.arr.model.cross;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.arr.model.Autograd;
import org.arr.model.encoder.TransformerFlops;

/**
 * Inference view of a {@link CrossEncoder}: dropout off, no gradients recorded, every chunk of pairs evaluated in
 * its own {@link NDManager} scope so native memory is freed right away.
 */
final class CrossEncoderScorer implements PairScorer {

    private final CrossEncoder model;
    private final int maxBatchRows;
    private final TransformerFlops flops;

    CrossEncoderScorer(CrossEncoder model, int maxBatchRows) {
        if (maxBatchRows < 1) {
            throw new IllegalArgumentException("maxBatchRows must be >= 1, got " + maxBatchRows);
        }
        this.model = model;
        this.maxBatchRows = maxBatchRows;
        this.flops = model.flops();
    }

    @Override
    public float[] score(int[][] queries, int[][] documents) {
        if (queries.length != documents.length) {
            throw new IllegalArgumentException("Got " + queries.length + " query rows but " + documents.length
                    + " document rows; pass one query per document");
        }
        float[] result = new float[queries.length];
        Autograd.disable();
        for (int from = 0; from < queries.length; from += maxBatchRows) {
            int to = Math.min(queries.length, from + maxBatchRows);
            try (NDManager scope = model.manager().newSubManager()) {
                float[] chunk = model.scores(model.inputs(scope, Arrays.copyOfRange(queries, from, to),
                        Arrays.copyOfRange(documents, from, to)), false).toFloatArray();
                System.arraycopy(chunk, 0, result, from, chunk.length);
            }
        }
        return result;
    }

    @Override
    public double forwardFlops(int[] query, int[] document) {
        return flops.forward(model.pairLength(query, document));
    }
}
