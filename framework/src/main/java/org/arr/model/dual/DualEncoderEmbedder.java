package org.arr.model.dual;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.arr.model.Autograd;
import org.arr.model.encoder.EncoderInputs;
import org.arr.model.encoder.TransformerFlops;

/**
 * Inference view of a {@link DualEncoder}: dropout off, no gradients recorded, every chunk of rows evaluated in
 * its own {@link NDManager} scope so native memory is freed right away.
 */
final class DualEncoderEmbedder implements TextEmbedder {

    private final DualEncoder model;
    private final int maxBatchRows;
    private final TransformerFlops queryFlops;
    private final TransformerFlops documentFlops;

    DualEncoderEmbedder(DualEncoder model, int maxBatchRows) {
        if (maxBatchRows < 1) {
            throw new IllegalArgumentException("maxBatchRows must be >= 1, got " + maxBatchRows);
        }
        this.model = model;
        this.maxBatchRows = maxBatchRows;
        this.queryFlops = model.flops(Side.QUERY);
        this.documentFlops = model.flops(Side.DOCUMENT);
    }

    @Override
    public int dimension() {
        return model.config().embeddingDimension();
    }

    @Override
    public float[][] embed(int[][] rows, Side side) {
        int dimension = dimension();
        float[][] result = new float[rows.length][];
        Autograd.disable();
        for (int from = 0; from < rows.length; from += maxBatchRows) {
            int to = Math.min(rows.length, from + maxBatchRows);
            try (NDManager scope = model.manager().newSubManager()) {
                int[][] chunk = Arrays.copyOfRange(rows, from, to);
                float[] flat = model.embed(model.inputs(scope, chunk, side), side, false).toFloatArray();
                for (int r = from; r < to; r++) {
                    result[r] = Arrays.copyOfRange(flat, (r - from) * dimension, (r - from + 1) * dimension);
                }
            }
        }
        return result;
    }

    @Override
    public double forwardFlops(int[] row, Side side) {
        TransformerFlops flops = side == Side.QUERY ? queryFlops : documentFlops;
        return flops.forward(EncoderInputs.sequenceLength(row, model.config().maxTokens(side)));
    }
}
