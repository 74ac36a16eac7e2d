package org.arr.loss;

import java.util.ArrayList;
import java.util.List;
import org.arr.trie.PrefixTree;

/** Builds the training groups of a loss once, before training. */
public final class TrainingGroups {

    private TrainingGroups() {
    }

    /**
     * Builds one group per training query.
     *
     * @param queryTokens per query, its token ids
     * @param relevance per query, its graded relevant documents
     * @throws IllegalArgumentException if the lists differ in length
     */
    public static List<TrainingGroup> forQueries(RankingLoss loss, List<int[]> queryTokens, List<GradedRelevance> relevance,
            int[][] docIds, PrefixTree trie) {
        if (queryTokens.size() != relevance.size()) {
            throw new IllegalArgumentException("Got " + queryTokens.size() + " queries but relevance for " + relevance.size());
        }
        boolean normalized = loss.normalizesOverTrie();
        List<TrainingGroup> groups = new ArrayList<>(queryTokens.size());
        for (int q = 0; q < queryTokens.size(); q++) {
            groups.add(new TrainingGroup(queryTokens.get(q), loss.sequences(relevance.get(q), docIds, trie), normalized));
        }
        return groups;
    }

    /**
     * Builds one DSI-style indexing group per document: its text predicts its docID with weight {@code weight}.
     *
     * @param documentTokens per document index, its text tokens
     * @throws IllegalArgumentException if the weight is not positive or the arrays differ in length
     */
    public static List<TrainingGroup> indexing(int[][] documentTokens, int[][] docIds, double weight) {
        if (documentTokens.length != docIds.length) {
            throw new IllegalArgumentException("Got text for " + documentTokens.length + " documents but " + docIds.length + " docIDs");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("Indexing weight must be a finite value > 0, got " + weight);
        }
        List<TrainingGroup> groups = new ArrayList<>(docIds.length);
        for (int d = 0; d < docIds.length; d++) {
            groups.add(TrainingGroup.indexing(documentTokens[d], docIds[d], weight));
        }
        return groups;
    }
}
