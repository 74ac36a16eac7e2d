package org.arr.train;

import java.util.List;

/**
 * Progress stored in a checkpoint next to the parameters and optimizer moments.
 *
 * @param epochsCompleted epochs finished
 * @param optimizerSteps optimizer updates applied
 * @param bestMetric best dev metric so far, null before the first evaluation
 * @param bestEpoch epoch (1-based) of {@code bestMetric}, 0 before the first evaluation
 * @param evaluationsWithoutImprovement dev evaluations since the best one, for early stopping
 * @param seed the trainer seed the run started with
 * @param epochLosses mean training loss of each completed epoch
 * @param devMetrics dev metric of each completed epoch, null where none was computed
 * @param trainingSeconds wall time spent in training steps so far
 * @param tokens input tokens processed so far
 * @param modelConfig the model config, as text, for the compatibility check on resume
 * @param trainerConfig the trainer config, as text, for the compatibility check on resume
 * @param groups number of training groups, for the compatibility check on resume
 */
public record TrainingState(int epochsCompleted, long optimizerSteps, Double bestMetric, int bestEpoch,
        int evaluationsWithoutImprovement, long seed, List<Double> epochLosses, List<Double> devMetrics,
        double trainingSeconds, long tokens, String modelConfig, String trainerConfig, int groups) {

    public TrainingState {
        epochLosses = List.copyOf(epochLosses);
        devMetrics = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(devMetrics));
    }
}
