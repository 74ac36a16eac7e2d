package org.arr.train;

/** Computes the dev metric that drives early stopping and best-checkpoint selection; higher is better. */
@FunctionalInterface
public interface DevEvaluator {

    /**
     * Evaluates the model in its current state.
     *
     * @param epoch the 1-based epoch just completed
     * @return the metric (e.g. nDCG@10 on the dev split); NaN counts as no improvement
     */
    double evaluate(int epoch);
}
