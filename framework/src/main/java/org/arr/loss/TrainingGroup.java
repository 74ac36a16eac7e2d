package org.arr.loss;

import java.util.List;

/**
 * Training sequences that share one model input: the sequences a loss builds for a training query, or the
 * single docID of a DSI-style indexing example (document text in the query slot).
 *
 * @param inputTokens tokens placed before the separator (query text, or document text for indexing)
 * @param sequences the weighted docIDs and targets
 * @param probes docID prefixes scored at every position without a target of their own, for losses that
 *     normalize over all docIDs (see {@link RankingLoss#probes}); usually empty
 */
public record TrainingGroup(int[] inputTokens, List<TrainingSequence> sequences, List<int[]> probes) {

    public TrainingGroup {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("A training group needs at least one sequence");
        }
        inputTokens = inputTokens.clone();
        sequences = List.copyOf(sequences);
        probes = List.copyOf(probes);
    }

    /** Creates a group without probes. */
    public TrainingGroup(int[] inputTokens, List<TrainingSequence> sequences) {
        this(inputTokens, sequences, List.of());
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
