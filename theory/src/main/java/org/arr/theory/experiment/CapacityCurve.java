package org.arr.theory.experiment;

import java.util.List;

/**
 * "Smallest dimension that realizes every ranking" against {@code n} for one model on one task family.
 *
 * @param label legend label
 * @param kind whether the curve is a proven bound, a reference line or a measurement (plots draw them apart)
 * @param n corpus sizes
 * @param dim the smallest dimension for each size ({@code Double.NaN} where none was found)
 */
public record CapacityCurve(String label, Kind kind, List<Integer> n, List<Double> dim) {

    /** The role of a curve in a plot. */
    public enum Kind {
        /** A proven bound, such as Cover's counting bound. */
        BOUND,
        /** A reference line, such as {@code n - 1}. */
        REFERENCE,
        /** A measured or checked model. */
        MEASURED,
        /** Sizes at which the preceding measured model did not realize every ranking. */
        FAILED
    }

    public CapacityCurve {
        if (n.size() != dim.size()) {
            throw new IllegalArgumentException("Curve '" + label + "' has " + n.size() + " sizes but " + dim.size()
                    + " dimensions");
        }
        n = List.copyOf(n);
        dim = List.copyOf(dim);
    }
}
