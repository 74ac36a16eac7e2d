package org.arr.model.listwise;

import ai.djl.ndarray.NDArray;

/**
 * Cross-entropy between target distributions and the softmax of scores over each row's candidates:
 * {@code L = mean_b ( - sum_c y[b,c] * log softmax(s[b,.] + m[b,.])_c )}, where {@code m} is 0 for a real candidate
 * and {@code -1e9} for a padding column, so padding gets no probability.
 */
public final class ListwiseSoftmaxLoss {

    private static final float MASKED = -1e9f;

    private ListwiseSoftmaxLoss() {
    }

    /**
     * Computes the loss.
     *
     * @param logits scores {@code [B, C]} (already divided by any temperature)
     * @param targets target distributions {@code [B, C]}, each row summing to 1, 0 on padding columns
     * @param valid {@code [B, C]} with 1 for real candidates and 0 for padding, or null when every column is real
     * @return the scalar loss
     */
    public static NDArray loss(NDArray logits, NDArray targets, NDArray valid) {
        NDArray masked = valid == null ? logits : logits.add(valid.sub(1f).mul(-MASKED));
        NDArray logProbabilities = masked.logSoftmax(-1);
        return logProbabilities.mul(targets).sum(new int[] {1}).neg().mean();
    }
}
