package org.arr.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arr.data.Corpus;
import org.arr.data.Qrels;
import org.arr.data.RankingTask;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;
import org.arr.data.Splits;

/**
 * Ranks every query's documents by popularity in training: the score of a document is the number of training
 * queries that judge it relevant ({@code rel > 0}). Every query gets the same list. Ties in the count go by
 * document id in descending order, the order trec_eval gives equal scores, so the run evaluates exactly as
 * listed.
 */
public final class PopularityRanker implements ReferenceRanker {

    @Override
    public String name() {
        return "popular";
    }

    @Override
    public Run rank(RankingTask task, List<String> queryIds, int depth) {
        List<ScoredDocument> ranking = popularDocuments(task, depth);
        Map<String, List<ScoredDocument>> rankings = new LinkedHashMap<>();
        for (String queryId : queryIds) {
            rankings.put(queryId, ranking);
        }
        return new Run(name(), rankings);
    }

    /** Returns the {@code depth} documents most often relevant to training queries, with their counts as scores. */
    static List<ScoredDocument> popularDocuments(RankingTask task, int depth) {
        Corpus corpus = task.corpus();
        Qrels qrels = task.qrels();
        int[] counts = new int[corpus.size()];
        for (String queryId : task.splits().queryIds(Splits.TRAIN)) {
            for (String documentId : qrels.relevant(queryId)) {
                counts[corpus.indexOf(documentId)]++;
            }
        }

        List<Integer> documents = new ArrayList<>(corpus.size());
        for (int i = 0; i < corpus.size(); i++) {
            documents.add(i);
        }
        documents.sort(Comparator.<Integer>comparingInt(i -> counts[i]).reversed()
                .thenComparing(i -> corpus.get(i).id(), Comparator.reverseOrder()));

        List<ScoredDocument> ranking = new ArrayList<>();
        for (int i = 0; i < Math.min(depth, documents.size()); i++) {
            int document = documents.get(i);
            ranking.add(new ScoredDocument(corpus.get(document).id(), counts[document]));
        }
        return ranking;
    }
}
