package org.arr.train;

/**
 * Optimization settings of {@link ArrTrainer}.
 *
 * @param epochs passes over the training groups
 * @param batchSize training groups (queries or indexing examples) per step; all sequences of a group share a batch
 * @param learningRate peak AdamW learning rate
 * @param weightDecay decoupled weight decay of AdamW, applied to matrices and embeddings (not to biases and
 *     LayerNorm parameters)
 * @param beta1 AdamW first-moment decay
 * @param beta2 AdamW second-moment decay
 * @param adamEpsilon AdamW denominator term
 * @param warmupFraction fraction of all steps with a linear warm-up from 0 to {@code learningRate}
 * @param schedule decay after the warm-up
 * @param minLearningRateRatio final learning rate divided by the peak, for the decaying schedules
 * @param clipGradientNorm maximum global L2 norm of the gradient (all parameters together); 0 turns clipping off
 * @param evaluateEvery run the dev evaluation every this many epochs (and after the last epoch)
 * @param patience stop after this many dev evaluations without improvement; 0 never stops early
 * @param seed seed of batch shuffling and dropout; epoch {@code e} uses a seed derived from {@code (seed, e)}
 * @param progressBar whether to draw a progress bar on stderr
 */
public record TrainerConfig(int epochs, int batchSize, double learningRate, double weightDecay, double beta1, double beta2,
        double adamEpsilon, double warmupFraction, LearningRateSchedule schedule, double minLearningRateRatio,
        double clipGradientNorm, int evaluateEvery, int patience, long seed, boolean progressBar) {

    /** @throws IllegalArgumentException naming the field, its value and the allowed range */
    public TrainerConfig {
        atLeast("epochs", epochs, 1);
        atLeast("batchSize", batchSize, 1);
        atLeast("evaluateEvery", evaluateEvery, 1);
        atLeast("patience", patience, 0);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("train.learningRate = " + learningRate + " is invalid; expected a finite value > 0");
        }
        inRange("weightDecay", weightDecay, 0, Double.MAX_VALUE, false);
        inRange("beta1", beta1, 0, 1, true);
        inRange("beta2", beta2, 0, 1, true);
        if (!(adamEpsilon > 0)) {
            throw new IllegalArgumentException("train.adamEpsilon = " + adamEpsilon + " is invalid; expected a value > 0");
        }
        inRange("warmupFraction", warmupFraction, 0, 1, true);
        inRange("minLearningRateRatio", minLearningRateRatio, 0, 1, true);
        inRange("clipGradientNorm", clipGradientNorm, 0, Double.MAX_VALUE, false);
        if (schedule == null) {
            throw new IllegalArgumentException("train.schedule is missing; expected one of constant, linear, cosine");
        }
    }

    /**
     * Returns the settings a checkpoint must match to be resumed: every field except {@code progressBar}, which
     * does not change the computation.
     */
    public String resumeKey() {
        return new TrainerConfig(epochs, batchSize, learningRate, weightDecay, beta1, beta2, adamEpsilon, warmupFraction, schedule,
                minLearningRateRatio, clipGradientNorm, evaluateEvery, patience, seed, false).toString();
    }

    /** Returns a builder with defaults: 20 epochs, batch 32, lr 1e-3, AdamW (0.9, 0.999, 1e-8, decay 0.01), 5% warm-up, cosine to 0.1x, clip 1.0, evaluation every epoch, patience 5, seed 0, progress bar on. */
    public static Builder builder() {
        return new Builder();
    }

    private static void atLeast(String field, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException("train." + field + " = " + value + " is invalid; expected an integer >= " + minimum);
        }
    }

    private static void inRange(String field, double value, double low, double high, boolean highExclusive) {
        boolean ok = value >= low && (highExclusive ? value < high : value <= high);
        if (!ok) {
            throw new IllegalArgumentException("train." + field + " = " + value + " is outside the allowed range [" + low + ", "
                    + (high == Double.MAX_VALUE ? "infinity)" : high + (highExclusive ? ")" : "]")));
        }
    }

    /** Mutable builder of {@link TrainerConfig}; {@link #build} validates. */
    public static final class Builder {
        private int epochs = 20;
        private int batchSize = 32;
        private double learningRate = 1e-3;
        private double weightDecay = 0.01;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double adamEpsilon = 1e-8;
        private double warmupFraction = 0.05;
        private LearningRateSchedule schedule = LearningRateSchedule.COSINE;
        private double minLearningRateRatio = 0.1;
        private double clipGradientNorm = 1.0;
        private int evaluateEvery = 1;
        private int patience = 5;
        private long seed;
        private boolean progressBar = true;

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder weightDecay(double value) {
            weightDecay = value;
            return this;
        }

        public Builder betas(double first, double second) {
            beta1 = first;
            beta2 = second;
            return this;
        }

        public Builder adamEpsilon(double value) {
            adamEpsilon = value;
            return this;
        }

        public Builder warmupFraction(double value) {
            warmupFraction = value;
            return this;
        }

        public Builder schedule(LearningRateSchedule value) {
            schedule = value;
            return this;
        }

        public Builder minLearningRateRatio(double value) {
            minLearningRateRatio = value;
            return this;
        }

        public Builder clipGradientNorm(double value) {
            clipGradientNorm = value;
            return this;
        }

        public Builder evaluateEvery(int value) {
            evaluateEvery = value;
            return this;
        }

        public Builder patience(int value) {
            patience = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder progressBar(boolean value) {
            progressBar = value;
            return this;
        }

        public TrainerConfig build() {
            return new TrainerConfig(epochs, batchSize, learningRate, weightDecay, beta1, beta2, adamEpsilon, warmupFraction,
                    schedule, minLearningRateRatio, clipGradientNorm, evaluateEvery, patience, seed, progressBar);
        }
    }
}
