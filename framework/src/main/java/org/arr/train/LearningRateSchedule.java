package org.arr.train;

/** Decay of the learning rate after the linear warm-up. */
public enum LearningRateSchedule {
    /** Keeps the base learning rate. */
    CONSTANT,
    /** Decreases linearly to {@code base * minLearningRateRatio} at the last step. */
    LINEAR,
    /** Follows half a cosine down to {@code base * minLearningRateRatio} at the last step. */
    COSINE
}
