package org.arr.model.listwise;

/**
 * Settings of {@link ListwiseTrainer}.
 *
 * @param epochs passes over the training queries
 * @param batchSize queries per optimizer step
 * @param learningRate AdamW step size, constant over training
 * @param weightDecay AdamW decoupled weight decay
 * @param clipGradientNorm maximum global L2 norm of the gradient; larger gradients are scaled down to it
 * @param seed seed of the query order, the sampled negatives and dropout
 * @param progressBar whether to print a progress bar to stderr
 */
public record TrainingOptions(int epochs, int batchSize, double learningRate, double weightDecay, double clipGradientNorm,
        long seed, boolean progressBar) {

    /**
     * @throws IllegalArgumentException naming the field whose value is out of range
     */
    public TrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("train.epochs = " + epochs + " is invalid; expected an integer >= 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("train.batchSize = " + batchSize + " is invalid; expected an integer >= 1");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("train.learningRate = " + learningRate + " is invalid; expected a finite number > 0");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("train.weightDecay = " + weightDecay + " is invalid; expected a finite number >= 0");
        }
        if (!(clipGradientNorm > 0)) {
            throw new IllegalArgumentException("train.gradClip = " + clipGradientNorm + " is invalid; expected a number > 0");
        }
    }
}
