package org.arr.train;

import java.nio.file.Path;
import java.util.List;

/**
 * Outcome of {@link ArrTrainer#train}.
 *
 * @param epochsRun epochs completed, counting those before a resume
 * @param bestEpoch 1-based epoch with the best dev metric, 0 when no evaluation ran
 * @param bestMetric the best dev metric, NaN when no evaluation ran
 * @param epochLosses mean training loss per completed epoch
 * @param devMetrics dev metric per completed epoch, NaN where none was computed
 * @param stoppedEarly whether patience ran out before the configured number of epochs
 * @param resumed whether the run continued from a checkpoint
 * @param optimizerSteps optimizer updates applied, counting those before a resume
 * @param wallSeconds wall time of this call, including evaluations and checkpoints
 * @param tokensPerSecond input tokens per second of training steps over all epochs
 * @param lastCheckpoint the checkpoint of the last completed epoch
 * @param bestCheckpoint the parameters of the best epoch, null when no evaluation ran
 */
public record TrainingSummary(int epochsRun, int bestEpoch, double bestMetric, List<Double> epochLosses, List<Double> devMetrics,
        boolean stoppedEarly, boolean resumed, long optimizerSteps, double wallSeconds, double tokensPerSecond, Path lastCheckpoint,
        Path bestCheckpoint) {

    public TrainingSummary {
        epochLosses = List.copyOf(epochLosses);
        devMetrics = List.copyOf(devMetrics);
    }
}
