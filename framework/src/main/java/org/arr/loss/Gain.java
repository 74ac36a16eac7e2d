package org.arr.loss;

import java.util.Map;
import java.util.TreeMap;

/** Gain {@code g(rel)} that turns a relevance grade into an item weight. */
@FunctionalInterface
public interface Gain {

    /** Returns {@code g(grade) >= 0}. */
    double apply(double grade);

    /** {@code g(r) = r}. */
    static Gain linear() {
        return grade -> grade;
    }

    /** {@code g(r) = 2^r - 1}, the nDCG gain. */
    static Gain exponential() {
        return grade -> Math.pow(2, grade) - 1;
    }

    /**
     * Returns a gain per grade, e.g. ESCI's {@code E = 1, S = 0.1, C = 0.01} mapped onto its integer grades.
     *
     * @param gains gain per grade; every value must be finite and {@code >= 0}
     * @throws IllegalArgumentException if a gain is negative or not finite; {@link #apply} throws it for a grade
     *     missing from the map
     */
    static Gain perGrade(Map<Double, Double> gains) {
        TreeMap<Double, Double> copy = new TreeMap<>(gains);
        for (Map.Entry<Double, Double> entry : copy.entrySet()) {
            if (!(entry.getValue() >= 0) || Double.isInfinite(entry.getValue())) {
                throw new IllegalArgumentException("loss.gain for grade " + entry.getKey() + " is " + entry.getValue()
                        + "; expected a finite value >= 0");
            }
        }
        return grade -> {
            Double gain = copy.get(grade);
            if (gain == null) {
                throw new IllegalArgumentException("loss.gain has no entry for grade " + grade + "; grades with gains: " + copy.keySet());
            }
            return gain;
        };
    }
}
