package org.arr.tokenize;

/**
 * Limits for a vocabulary built from training texts.
 *
 * @param minCount a token enters the vocabulary only if it occurs at least this often (at least 1)
 * @param maxVocabulary the maximum number of ids, the two reserved ids included (at least 3)
 */
public record VocabularyOptions(int minCount, int maxVocabulary) {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException if {@code minCount < 1} or {@code maxVocabulary < 3}
     */
    public VocabularyOptions {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
        if (maxVocabulary < 3) {
            throw new IllegalArgumentException("maxVocabulary must be at least 3 (padding, unknown and one token), got "
                    + maxVocabulary);
        }
    }

    /** Returns options that keep every token seen at least once, without a size limit. */
    public static VocabularyOptions keepAll() {
        return new VocabularyOptions(1, Integer.MAX_VALUE);
    }
}
