package org.arr.train;

import java.util.ArrayList;
import java.util.List;
import org.arr.loss.GradedRelevance;
import org.arr.loss.RankingLoss;
import org.arr.loss.TrainingGroup;
import org.arr.loss.TrainingGroups;
import org.arr.model.ArrModelConfig;
import org.arr.trie.PrefixTree;

/**
 * A memorization task: 9 documents with docIDs {@code [a, b]}, {@code a, b in 0..2}; query {@code [x, y + 6]}
 * ({@code x, y in 0..5}) is relevant to document {@code (3x + y) mod 9}, and for even {@code x} also to the
 * next document.
 */
final class ToyTask {

    static final int[][] DOC_IDS = docIds();
    static final PrefixTree TRIE = PrefixTree.build(DOC_IDS, 3);
    final List<int[]> queries = new ArrayList<>();
    final List<GradedRelevance> relevance = new ArrayList<>();

    ToyTask() {
        for (int x = 0; x < 6; x++) {
            for (int y = 0; y < 6; y++) {
                queries.add(new int[] {x, y + 6});
                int first = (3 * x + y) % 9;
                relevance.add(x % 2 == 0 ? GradedRelevance.binary(first, (first + 1) % 9) : GradedRelevance.binary(first));
            }
        }
    }

    static ArrModelConfig modelConfig(double dropout) {
        return new ArrModelConfig(12, 3, 4, 2, 2, 32, 4, 2, dropout);
    }

    List<TrainingGroup> groups(RankingLoss loss) {
        return TrainingGroups.forQueries(loss, queries, relevance, DOC_IDS, TRIE);
    }

    int[][] queryArray() {
        return queries.toArray(new int[0][]);
    }

    private static int[][] docIds() {
        int[][] docIds = new int[9][];
        for (int d = 0; d < 9; d++) {
            docIds[d] = new int[] {d / 3, d % 3};
        }
        return docIds;
    }
}
