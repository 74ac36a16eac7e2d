package org.arr.cost;

import org.arr.model.cross.PairScorer;

/** Passes every call to a {@link PairScorer} and records one forward pass and its FLOPs per scored pair. */
public final class CountingPairScorer implements PairScorer {

    private final PairScorer delegate;
    private final CostMeter meter;

    public CountingPairScorer(PairScorer delegate, CostMeter meter) {
        this.delegate = delegate;
        this.meter = meter;
    }

    @Override
    public float[] score(int[][] queries, int[][] documents) {
        float[] scores = delegate.score(queries, documents);
        double flops = 0;
        for (int r = 0; r < queries.length; r++) {
            flops += delegate.forwardFlops(queries[r], documents[r]);
        }
        meter.record(queries.length, flops);
        return scores;
    }

    @Override
    public double forwardFlops(int[] query, int[] document) {
        return delegate.forwardFlops(query, document);
    }
}
