package org.arr.theory.capacity;

/**
 * Optimization settings for fitting free embeddings.
 *
 * @param maxSteps maximum full-batch Adam steps per restart
 * @param learningRate Adam step size
 * @param patience a restart stops early when the number of realized queries has not grown for this many steps
 * @param restarts independent restarts (seeds {@code seed, seed+1, ...}); fitting stops at the first success
 * @param seed seed of the first restart's initialization
 */
public record FitSettings(int maxSteps, double learningRate, int patience, int restarts, long seed) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if a count is not positive or the learning rate is not a positive number
     */
    public FitSettings {
        if (maxSteps < 1 || patience < 1 || restarts < 1) {
            throw new IllegalArgumentException("maxSteps, patience and restarts must be >= 1, got " + maxSteps + ", "
                    + patience + ", " + restarts);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a positive number, got " + learningRate);
        }
    }

    /** Returns these settings with another seed. */
    public FitSettings withSeed(long newSeed) {
        return new FitSettings(maxSteps, learningRate, patience, restarts, newSeed);
    }
}
