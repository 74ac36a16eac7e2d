package org.arr.model.listwise;

import java.util.ArrayList;
import java.util.List;
import org.arr.loss.Gain;
import org.arr.train.LearningRateSchedule;
import org.arr.train.TrainerConfig;

/**
 * A toy retrieval task a tiny model can learn in a few seconds: document {@code i} is the token pair
 * {@code (2 + i, 1)} (token 1 is a filler every document shares), query {@code i} is the single token {@code 2 + i},
 * and only document {@code i} is relevant to it. Token ids stay below {@code 2 + n}.
 */
public final class ToyTask {

    public static final int DOCUMENTS = 6;
    public static final int VOCABULARY = 2 + DOCUMENTS;

    private ToyTask() {
    }

    public static int[][] documents() {
        int[][] documents = new int[DOCUMENTS][];
        for (int i = 0; i < DOCUMENTS; i++) {
            documents[i] = new int[] {2 + i, 1};
        }
        return documents;
    }

    public static int[][] queries() {
        int[][] queries = new int[DOCUMENTS][];
        for (int i = 0; i < DOCUMENTS; i++) {
            queries[i] = new int[] {2 + i};
        }
        return queries;
    }

    public static List<ListwiseExample> examples() {
        List<ListwiseExample> examples = new ArrayList<>();
        int[][] queries = queries();
        for (int i = 0; i < DOCUMENTS; i++) {
            examples.add(ListwiseExample.graded(queries[i], new int[] {i}, new double[] {1}, 0, Gain.linear()));
        }
        return examples;
    }

    /** Returns trainer settings with a constant learning rate, no weight decay and clipping at norm 1. */
    public static TrainerConfig trainer(int epochs, int batchSize, double learningRate, long seed) {
        return TrainerConfig.builder().epochs(epochs).batchSize(batchSize).learningRate(learningRate).weightDecay(0)
                .warmupFraction(0).schedule(LearningRateSchedule.CONSTANT).clipGradientNorm(1.0).seed(seed)
                .progressBar(false).build();
    }
}
