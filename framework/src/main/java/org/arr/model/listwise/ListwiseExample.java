package org.arr.model.listwise;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.arr.loss.Gain;
import org.arr.loss.GradedRelevance;
import org.arr.loss.StoicalLoss;

/**
 * A training query for a listwise loss: its text tokens, its relevant documents (corpus positions) and the target
 * probability of each, {@code pi(d|q)}.
 *
 * @param queryTokens the query's text token ids
 * @param relevant corpus positions of the relevant documents, distinct
 * @param targets target probability of each relevant document; non-negative, summing to 1
 */
public record ListwiseExample(int[] queryTokens, int[] relevant, double[] targets) {

    private static final double SUM_TOLERANCE = 1e-9;

    /**
     * @throws IllegalArgumentException if the arrays differ in length, are empty, repeat or give a negative
     *     position, or the targets are not a distribution
     */
    public ListwiseExample {
        if (relevant.length != targets.length || relevant.length == 0) {
            throw new IllegalArgumentException("Got " + relevant.length + " relevant documents and " + targets.length
                    + " targets; expected the same number, at least one");
        }
        Set<Integer> seen = new HashSet<>();
        double sum = 0;
        for (int i = 0; i < relevant.length; i++) {
            if (relevant[i] < 0 || !seen.add(relevant[i])) {
                throw new IllegalArgumentException("Relevant document position " + relevant[i] + " is negative or repeated");
            }
            if (!(targets[i] >= 0)) {
                throw new IllegalArgumentException("Target " + targets[i] + " of document " + relevant[i] + " is not >= 0");
            }
            sum += targets[i];
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("Targets sum to " + sum + ", expected 1");
        }
        queryTokens = queryTokens.clone();
        relevant = relevant.clone();
        targets = targets.clone();
    }

    /**
     * Builds an example whose targets are SToICaL's item distribution over the graded relevant documents,
     * {@code pi_alpha(d|q) = (1 - alpha) / |R+| + alpha * g(rel(q,d)) / sum_{d' in R+} g(rel(q,d'))}
     * ({@link StoicalLoss#itemDistribution}); {@code alpha = 0} is uniform over {@code R+}.
     *
     * @throws IllegalArgumentException if a grade is not a finite number {@code > 0}, a position repeats,
     *     {@code alpha} is outside {@code [0, 1]}, or {@code alpha > 0} and every gain is 0
     */
    public static ListwiseExample graded(int[] queryTokens, int[] relevant, double[] grades, double alpha, Gain gain) {
        double[] targets = new StoicalLoss(alpha, 0, gain, 0).itemDistribution(new GradedRelevance(relevant, grades));
        return new ListwiseExample(queryTokens, relevant, targets);
    }

    @Override
    public int[] queryTokens() {
        return queryTokens.clone();
    }

    @Override
    public int[] relevant() {
        return relevant.clone();
    }

    @Override
    public double[] targets() {
        return targets.clone();
    }

    /** Returns the target of a corpus position: its {@code pi} if relevant, else 0. */
    public double target(int position) {
        for (int i = 0; i < relevant.length; i++) {
            if (relevant[i] == position) {
                return targets[i];
            }
        }
        return 0;
    }

    int[] queryTokensView() {
        return queryTokens;
    }

    int[] relevantView() {
        return relevant;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListwiseExample that && Arrays.equals(queryTokens, that.queryTokens)
                && Arrays.equals(relevant, that.relevant) && Arrays.equals(targets, that.targets);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(queryTokens) + Arrays.hashCode(relevant)) + Arrays.hashCode(targets);
    }
}
