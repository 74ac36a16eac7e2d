package org.arr.loss;

/**
 * Sparse target distributions {@code y_i} over the docID vocabulary, one per docID position: at position
 * {@code i}, token {@code tokens[i][k]} has probability {@code probabilities[i][k]}; every other token has 0.
 * A position with no tokens has no target and adds nothing to the loss (used for prefixes that are only
 * teacher-forced on the way to a scored position).
 */
public final class TokenTargets {

    private final int[][] tokens;
    private final float[][] probabilities;

    /**
     * @throws IllegalArgumentException if the arrays differ in shape or a probability is negative or not finite
     */
    public TokenTargets(int[][] tokens, float[][] probabilities) {
        if (tokens.length != probabilities.length) {
            throw new IllegalArgumentException("Got targets for " + tokens.length + " positions but probabilities for "
                    + probabilities.length);
        }
        this.tokens = new int[tokens.length][];
        this.probabilities = new float[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].length != probabilities[i].length) {
                throw new IllegalArgumentException("Position " + i + " has " + tokens[i].length + " target tokens but "
                        + probabilities[i].length + " probabilities");
            }
            for (float p : probabilities[i]) {
                if (!(p >= 0) || Float.isInfinite(p)) {
                    throw new IllegalArgumentException("Target probability " + p + " at position " + i + " is not a finite value >= 0");
                }
            }
            this.tokens[i] = tokens[i].clone();
            this.probabilities[i] = probabilities[i].clone();
        }
    }

    /** Returns one-hot targets: position {@code i} puts all mass on {@code docId[i]} (next-token prediction). */
    public static TokenTargets oneHot(int[] docId) {
        int[][] tokens = new int[docId.length][];
        float[][] probabilities = new float[docId.length][];
        for (int i = 0; i < docId.length; i++) {
            tokens[i] = new int[] {docId[i]};
            probabilities[i] = new float[] {1f};
        }
        return new TokenTargets(tokens, probabilities);
    }

    public int positions() {
        return tokens.length;
    }

    /** Returns the number of tokens with explicit mass at a position. */
    public int size(int position) {
        return tokens[position].length;
    }

    public int token(int position, int k) {
        return tokens[position][k];
    }

    public float probability(int position, int k) {
        return probabilities[position][k];
    }

    /** Returns the total target mass at a position (1 for a distribution). */
    public double mass(int position) {
        double sum = 0;
        for (float p : probabilities[position]) {
            sum += p;
        }
        return sum;
    }
}
