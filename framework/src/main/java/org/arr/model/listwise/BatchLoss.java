package org.arr.model.listwise;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Random;

/** The training loss of a model on one batch of queries, computed with dropout on and gradients recorded. */
public interface BatchLoss {

    /**
     * Computes the scalar loss of a batch.
     *
     * @param scope manager for the batch's arrays, closed after the optimizer step
     * @param batch the batch's training queries
     * @param random source of sampled negatives, seeded by the trainer
     */
    NDArray loss(NDManager scope, List<ListwiseExample> batch, Random random);
}
