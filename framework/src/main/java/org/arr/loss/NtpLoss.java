package org.arr.loss;

import java.util.ArrayList;
import java.util.List;
import org.arr.trie.PrefixTree;

/**
 * Next-token prediction: every relevant (query, document) pair is a teacher-forced example with one-hot
 * targets and equal weight within its query, whatever the grade:
 * {@code L_ntp(q) = (1 / |R+|) sum_{d in R+} -log p(d | q)} with
 * {@code log p(d | q) = sum_i log p(t_i(d) | q, t_<i(d))}. A batch's loss is the mean of {@code L_ntp(q)} over
 * its queries (see {@link RankingLoss}).
 */
public final class NtpLoss implements RankingLoss {

    public static final String NAME = "ntp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TrainingSequence> sequences(GradedRelevance relevance, int[][] docIds, PrefixTree trie) {
        double weight = 1.0 / relevance.size();
        List<TrainingSequence> sequences = new ArrayList<>(relevance.size());
        for (int i = 0; i < relevance.size(); i++) {
            int[] docId = docIds(docIds, relevance.document(i));
            sequences.add(new TrainingSequence(docId, weight, TokenTargets.oneHot(docId)));
        }
        return sequences;
    }

    static int[] docIds(int[][] docIds, int document) {
        if (document >= docIds.length) {
            throw new IllegalArgumentException("Relevant document " + document + " is outside the " + docIds.length
                    + " documents with docIDs");
        }
        return docIds[document];
    }

    @Override
    public String toString() {
        return NAME;
    }
}
