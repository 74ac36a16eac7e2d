package org.arr.cost;

import org.arr.model.dual.Side;
import org.arr.model.dual.TextEmbedder;

/** Passes every call to a {@link TextEmbedder} and records one forward pass and its FLOPs per embedded row. */
public final class CountingTextEmbedder implements TextEmbedder {

    private final TextEmbedder delegate;
    private final CostMeter meter;

    public CountingTextEmbedder(TextEmbedder delegate, CostMeter meter) {
        this.delegate = delegate;
        this.meter = meter;
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public float[][] embed(int[][] rows, Side side) {
        float[][] embeddings = delegate.embed(rows, side);
        double flops = 0;
        for (int[] row : rows) {
            flops += delegate.forwardFlops(row, side);
        }
        meter.record(rows.length, flops);
        return embeddings;
    }

    @Override
    public double forwardFlops(int[] row, Side side) {
        return delegate.forwardFlops(row, side);
    }
}
