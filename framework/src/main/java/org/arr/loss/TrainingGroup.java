package org.arr.loss;

import java.util.List;

/**
 * Training sequences that share one model input: the sequences a loss builds for a training query, or the
 * single docID of a DSI-style indexing example (document text in the query slot).
 *
 * @param inputTokens tokens placed before the separator (query text, or document text for indexing)
 * @param sequences the weighted docIDs and targets
 * @param normalized whether the loss also normalizes this group's docID distribution over the whole trie (see
 *     {@link RankingLoss#normalizesOverTrie}); false for indexing examples
 */
public record TrainingGroup(int[] inputTokens, List<TrainingSequence> sequences, boolean normalized) {

    public TrainingGroup {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("A training group needs at least one sequence");
        }
        inputTokens = inputTokens.clone();
        sequences = List.copyOf(sequences);
    }

    /** Creates a group that is not normalized over the trie. */
    public TrainingGroup(int[] inputTokens, List<TrainingSequence> sequences) {
        this(inputTokens, sequences, false);
    }

    /**
     * Returns an indexing example: the document's text predicts its docID with next-token targets and the given
     * weight (relative to a training query, whose sequence weights sum to 1).
     */
    public static TrainingGroup indexing(int[] documentTokens, int[] docId, double weight) {
        return new TrainingGroup(documentTokens, List.of(new TrainingSequence(docId, weight, TokenTargets.oneHot(docId))));
    }

    @Override
    public int[] inputTokens() {
        return inputTokens.clone();
    }

    int[] inputTokensView() {
        return inputTokens;
    }

    /** Returns the sum of the sequence weights. */
    public double weight() {
        double sum = 0;
        for (TrainingSequence sequence : sequences) {
            sum += sequence.weight();
        }
        return sum;
    }
}
