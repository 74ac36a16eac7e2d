package org.arr.cost;

import org.arr.decode.NextTokenScorer;
import org.arr.model.ArrModel;
import org.arr.model.encoder.BlockParameters;
import org.arr.model.encoder.TransformerFlops;

/**
 * Passes every call to a {@link NextTokenScorer} and records one forward pass per row. A row of query {@code q}
 * and docID tokens {@code u} is a causal input of {@code min(|q|, maxQueryLength) + 1 + |u|} positions (query, separator,
 * docID tokens); its FLOPs follow {@link TransformerFlops}. Both {@link #nextTokenLogProbabilities} and the
 * teacher-forced {@link #logProbabilitiesAlong} count one pass per row.
 *
 * <p>NOTE: this assumes the wrapped scorer scores each row of {@link #logProbabilitiesAlong} in one forward pass, as
 * {@code ArrModel}'s scorer does; a scorer that keeps the interface's default makes one pass per prefix instead.
 */
public final class CountingNextTokenScorer implements NextTokenScorer {

    private final NextTokenScorer delegate;
    private final CostMeter meter;
    private final TransformerFlops flops;
    private final int maxQueryLength;

    /**
     * @param flops FLOP estimate of one forward pass of the wrapped model
     * @param maxQueryLength query tokens the model keeps per input
     */
    public CountingNextTokenScorer(NextTokenScorer delegate, CostMeter meter, TransformerFlops flops, int maxQueryLength) {
        this.delegate = delegate;
        this.meter = meter;
        this.flops = flops;
        this.maxQueryLength = maxQueryLength;
    }

    /**
     * Wraps an ARR model's scorer. Every weight matrix of the model (attention, feed-forward and the docID head)
     * counts at every position, which overestimates the head's share: it runs only at the separator and docID positions.
     */
    public static CountingNextTokenScorer of(ArrModel model, NextTokenScorer scorer, CostMeter meter) {
        TransformerFlops flops = new TransformerFlops(BlockParameters.matrixWeights(model.block()), 0, model.config().layers(),
                model.config().dModel());
        return new CountingNextTokenScorer(scorer, meter, flops, model.config().maxQueryLength());
    }

    @Override
    public int vocabularySize() {
        return delegate.vocabularySize();
    }

    @Override
    public float[][] nextTokenLogProbabilities(int[][] queryTokens, int[][] prefixes) {
        float[][] result = delegate.nextTokenLogProbabilities(queryTokens, prefixes);
        record(queryTokens, prefixes);
        return result;
    }

    @Override
    public float[][][] logProbabilitiesAlong(int[][] queryTokens, int[][] sequences) {
        float[][][] result = delegate.logProbabilitiesAlong(queryTokens, sequences);
        record(queryTokens, sequences);
        return result;
    }

    private void record(int[][] queryTokens, int[][] docIdTokens) {
        double total = 0;
        for (int r = 0; r < docIdTokens.length; r++) {
            total += flops.forward(Math.min(queryTokens[r].length, maxQueryLength) + 1 + docIdTokens[r].length);
        }
        meter.record(docIdTokens.length, total);
    }
}
