package org.arr.train;

import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.LinearTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;

/** Builds the learning-rate tracker of a training run from DJL's trackers. */
public final class Schedules {

    private Schedules() {
    }

    /**
     * Returns a tracker whose {@code getNewValue(t)} is the learning rate of update {@code t = 1 .. totalSteps}:
     * {@code lr * t / W} during the {@code W = round(warmupFraction * totalSteps)} warm-up updates, then the
     * configured decay from {@code lr} to {@code lr * minLearningRateRatio} over the remaining updates.
     */
    public static Tracker learningRate(TrainerConfig config, int totalSteps) {
        float peak = (float) config.learningRate();
        float last = (float) (config.learningRate() * config.minLearningRateRatio());
        int warmup = (int) Math.round(config.warmupFraction() * totalSteps);
        int decaySteps = Math.max(1, totalSteps - warmup);
        Tracker main = switch (config.schedule()) {
            case CONSTANT -> Tracker.fixed(peak);
            case COSINE -> CosineTracker.builder().setBaseValue(peak).optFinalValue(last).setMaxUpdates(decaySteps).build();
            case LINEAR -> LinearTracker.builder().setBaseValue(peak).optSlope(-(peak - last) / decaySteps)
                    .optMaxUpdates(decaySteps).build();
        };
        return WarmUpTracker.builder().setMainTracker(main).optWarmUpSteps(warmup).build();
    }
}
