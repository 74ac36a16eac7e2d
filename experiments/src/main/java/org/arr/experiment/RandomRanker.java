package org.arr.experiment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.arr.data.Corpus;
import org.arr.data.RankingTask;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;

/**
 * Ranks the corpus in a random order per query: a seeded partial Fisher-Yates shuffle of the documents. The
 * random stream of a query depends only on the seed and the query id, so a query's ranking does not change
 * with the other queries ranked. Scores are {@code depth - rank}, strictly decreasing, so an evaluator that
 * sorts by score keeps the order.
 */
public final class RandomRanker implements ReferenceRanker {

    private final long seed;

    public RandomRanker(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Run rank(RankingTask task, List<String> queryIds, int depth) {
        Corpus corpus = task.corpus();
        int size = corpus.size();
        int cut = Math.min(depth, size);
        int[] order = new int[size];

        Map<String, List<ScoredDocument>> rankings = new LinkedHashMap<>();
        for (String queryId : queryIds) {
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            SplittableRandom random = new SplittableRandom(seed ^ queryHash(queryId));
            List<ScoredDocument> ranking = new ArrayList<>(cut);
            for (int rank = 0; rank < cut; rank++) {
                int pick = rank + random.nextInt(size - rank);
                int document = order[pick];
                order[pick] = order[rank];
                order[rank] = document;
                ranking.add(new ScoredDocument(corpus.get(document).id(), cut - rank));
            }
            rankings.put(queryId, ranking);
        }
        return new Run(name(), rankings);
    }

    /** Returns the 64-bit FNV-1a hash of the query id's UTF-8 bytes, a seed offset that differs per query. */
    private static long queryHash(String queryId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : queryId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
