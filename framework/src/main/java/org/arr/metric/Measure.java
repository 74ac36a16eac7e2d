package org.arr.metric;

/**
 * One measure to compute, with its rank cutoff where it takes one: {@code P_10} is {@code (P, 10)}, {@code map}
 * is {@code (MAP, 0)}.
 *
 * @param family what is measured
 * @param cutoff the rank cutoff {@code k > 0} for families that take one, otherwise 0
 */
public record Measure(MeasureFamily family, int cutoff) {

    /**
     * Creates a measure.
     *
     * @throws IllegalArgumentException if the family is null, takes a cutoff and {@code cutoff <= 0}, or
     *     takes none and {@code cutoff != 0}
     */
    public Measure {
        if (family == null) {
            throw new IllegalArgumentException("Missing measure family");
        }
        if (family.takesCutoff() && cutoff <= 0) {
            throw new IllegalArgumentException("Invalid cutoff " + cutoff + " for " + family.trecName()
                    + ": cutoffs must be positive integers");
        }
        if (!family.takesCutoff() && cutoff != 0) {
            throw new IllegalArgumentException("Measure " + family.trecName() + " takes no cutoff, but got " + cutoff);
        }
    }

    /** Returns a measure without a cutoff, such as {@code map}. */
    public static Measure of(MeasureFamily family) {
        return new Measure(family, 0);
    }

    /** Returns a measure at a rank cutoff, such as {@code ndcg_cut_10}. */
    public static Measure at(MeasureFamily family, int cutoff) {
        return new Measure(family, cutoff);
    }

    /** Returns the name trec_eval prints, e.g. {@code ndcg_cut_10}, {@code P_5} or {@code map}. */
    public String name() {
        return family.takesCutoff() ? family.trecName() + "_" + cutoff : family.trecName();
    }

    double compute(RankedQuery query) {
        return family.compute(query, cutoff);
    }

    @Override
    public String toString() {
        return name();
    }
}
