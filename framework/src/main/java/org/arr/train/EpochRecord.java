package org.arr.train;

/**
 * One row of the training log.
 *
 * @param epoch 1-based epoch
 * @param loss mean training loss of the epoch (batch losses weighted by batch weight)
 * @param devMetric dev metric after the epoch, NaN when not evaluated
 * @param learningRate learning rate of the epoch's last update
 * @param seconds wall time of the epoch's training steps
 * @param tokensPerSecond input tokens per second during the epoch's training steps
 */
public record EpochRecord(int epoch, double loss, double devMetric, double learningRate, double seconds, double tokensPerSecond) {
}
