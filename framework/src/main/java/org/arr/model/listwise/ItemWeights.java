package org.arr.model.listwise;

import org.arr.metric.GainFunction;

/**
 * Graded target distribution over the relevant documents {@code R+} of a query:
 * {@code pi_alpha(d|q) = (1 - alpha) / |R+| + alpha * g(rel(q,d)) / sum_{d' in R+} g(rel(q,d'))}, the item weights of
 * SToICaL, with gain {@code g} (linear {@code g(r) = r} or exponential {@code g(r) = 2^r - 1}). {@code alpha = 0} gives
 * the uniform distribution over {@code R+}; {@code alpha = 1} makes the target proportional to the gain.
 */
public final class ItemWeights {

    private ItemWeights() {
    }

    /**
     * Returns {@code pi_alpha} for the relevant documents with the given grades, in the same order.
     *
     * @throws IllegalArgumentException if there are no grades, a grade is not a finite number {@code > 0},
     *     {@code alpha} is outside {@code [0, 1]}, or {@code alpha > 0} and every gain is 0
     */
    public static double[] of(double[] grades, double alpha, GainFunction gain) {
        if (grades.length == 0) {
            throw new IllegalArgumentException("A query needs at least one relevant document (rel > 0) for a target distribution");
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha = " + alpha + " is outside [0, 1]");
        }
        double gainSum = 0;
        double[] gains = new double[grades.length];
        for (int i = 0; i < grades.length; i++) {
            if (!(grades[i] > 0) || Double.isInfinite(grades[i])) {
                throw new IllegalArgumentException("Grade " + grades[i] + " is invalid; relevant documents need a finite grade > 0");
            }
            gains[i] = gain.gain(grades[i]);
            gainSum += gains[i];
        }
        if (alpha > 0 && !(gainSum > 0)) {
            throw new IllegalArgumentException("Gain " + gain + " gives 0 to every relevant document; use alpha = 0 or another gain");
        }

        double[] weights = new double[grades.length];
        for (int i = 0; i < grades.length; i++) {
            weights[i] = (1 - alpha) / grades.length + (alpha > 0 ? alpha * gains[i] / gainSum : 0);
        }
        return weights;
    }
}
