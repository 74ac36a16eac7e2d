package org.arr.model.encoder;

/**
 * Estimated floating-point operations of one transformer forward pass over a sequence of {@code n} tokens:
 * {@code F(n) = 2 * perTokenWeights * n + 2 * layers * n^2 * width + 2 * perSequenceWeights}.
 *
 * <p>The first term counts a multiply and an add for every weight of every matrix multiplication applied at each
 * position (attention projections, feed-forward layers, per-position output heads). The second counts the attention
 * scores {@code Q K^T} and their use on {@code V}, {@code n^2 * width} multiply-adds per layer. The last counts the
 * weights applied once per sequence (a projection or scoring head after pooling). Embedding lookups, LayerNorm,
 * softmax, activations and padding positions are not counted, so this is an estimate that ranks models by cost,
 * not a measurement.
 *
 * @param perTokenWeights weights of the matrices applied at every position
 * @param perSequenceWeights weights of the matrices applied once per sequence
 * @param layers transformer layers
 * @param width hidden size {@code dModel}
 */
public record TransformerFlops(long perTokenWeights, long perSequenceWeights, int layers, int width) {

    /**
     * @throws IllegalArgumentException if a count is negative
     */
    public TransformerFlops {
        if (perTokenWeights < 0 || perSequenceWeights < 0 || layers < 0 || width < 0) {
            throw new IllegalArgumentException("Weight counts, layers and width must be >= 0, got " + perTokenWeights + ", "
                    + perSequenceWeights + ", " + layers + ", " + width);
        }
    }

    /** Returns {@code F(n)} for a sequence of {@code tokens} positions. */
    public double forward(int tokens) {
        double n = tokens;
        return 2.0 * perTokenWeights * n + 2.0 * layers * n * n * width + 2.0 * perSequenceWeights;
    }
}
