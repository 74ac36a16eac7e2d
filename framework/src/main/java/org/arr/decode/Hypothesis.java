package org.arr.decode;

import java.util.Arrays;

/**
 * One decoded docID.
 *
 * @param tokens the generated docID tokens
 * @param logProbability {@code log p(tokens | q) = sum_i log p(t_i | q, t_<i)}
 * @param document the document whose docID equals {@code tokens}, or -1 when the sequence is not a docID
 */
public record Hypothesis(int[] tokens, double logProbability, int document) {

    public Hypothesis {
        tokens = tokens.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    /** Returns whether the tokens form the docID of a document. */
    public boolean isValid() {
        return document >= 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hypothesis h && Arrays.equals(tokens, h.tokens)
                && Double.compare(logProbability, h.logProbability) == 0 && document == h.document;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(tokens) + Double.hashCode(logProbability)) + document;
    }

    @Override
    public String toString() {
        return "Hypothesis" + Arrays.toString(tokens) + "(logp=" + logProbability + ", document=" + document + ")";
    }
}
