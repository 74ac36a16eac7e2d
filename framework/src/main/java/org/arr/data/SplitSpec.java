package org.arr.data;

/**
 * The rule that divides a task's judged queries into the {@code train}, {@code dev} and {@code test} splits.
 *
 * @param kind {@link Kind#RANDOM}, {@link Kind#TRANSDUCTIVE} or {@link Kind#PREDEFINED}
 * @param devFraction share of queries in {@code dev} for {@link Kind#RANDOM}, in {@code [0, 1)}
 * @param testFraction share of queries in {@code test} for {@link Kind#RANDOM}, in {@code (0, 1)}
 * @param seed seed of the shuffle for {@link Kind#RANDOM}
 */
public record SplitSpec(Kind kind, double devFraction, double testFraction, long seed) {

    /** The ways to split. */
    public enum Kind {
        /** A seeded shuffle of the judged queries, cut into test, dev and train (the rest). */
        RANDOM,
        /**
         * Train, dev and test all hold every judged query: the capacity setting, where the question is
         * whether a model can represent the rankings at all rather than whether it generalizes.
         */
        TRANSDUCTIVE,
        /** The splits the dataset itself defines (for example BEIR's qrels files or ESCI's split column). */
        PREDEFINED
    }

    /**
     * Checks the fractions.
     *
     * @throws IllegalArgumentException if a fraction is out of range or dev and test leave no training query
     */
    public SplitSpec {
        if (kind == null) {
            throw new IllegalArgumentException("Missing split kind: use random, transductive or predefined");
        }
        if (kind == Kind.RANDOM) {
            if (!(devFraction >= 0 && devFraction < 1)) {
                throw new IllegalArgumentException("Invalid dev fraction " + devFraction + ": allowed range is [0, 1)");
            }
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new IllegalArgumentException("Invalid test fraction " + testFraction + ": allowed range is (0, 1)");
            }
            if (devFraction + testFraction >= 1) {
                throw new IllegalArgumentException("Invalid split: dev fraction " + devFraction + " plus test fraction "
                        + testFraction + " leaves no training queries; their sum must be below 1");
            }
        }
    }

    /** Returns a seeded random split. */
    public static SplitSpec random(double devFraction, double testFraction, long seed) {
        return new SplitSpec(Kind.RANDOM, devFraction, testFraction, seed);
    }

    /** Returns the transductive split (train = dev = test = all judged queries). */
    public static SplitSpec transductive() {
        return new SplitSpec(Kind.TRANSDUCTIVE, 0, 0, 0);
    }

    /** Returns the split the dataset defines. */
    public static SplitSpec predefined() {
        return new SplitSpec(Kind.PREDEFINED, 0, 0, 0);
    }
}
