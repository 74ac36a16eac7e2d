package org.arr.model.cross;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arr.data.Corpus;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;
import org.arr.model.encoder.Hits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ranks with a cross encoder, one forward pass per (query, document) pair: either every document of the corpus, or
 * the top {@code K} documents of a first-stage run (re-ranking).
 */
public final class CrossEncoderRanker {

    private static final Logger LOG = LoggerFactory.getLogger(CrossEncoderRanker.class);

    private final PairScorer scorer;
    private final Corpus corpus;
    private final int[][] documentTokens;

    /**
     * @param documentTokens per corpus position, the document's text token ids
     * @throws IllegalArgumentException if the corpus and the token rows differ in size
     */
    public CrossEncoderRanker(PairScorer scorer, Corpus corpus, int[][] documentTokens) {
        if (corpus.size() != documentTokens.length) {
            throw new IllegalArgumentException("Got tokens for " + documentTokens.length + " documents but the corpus has "
                    + corpus.size());
        }
        this.scorer = scorer;
        this.corpus = corpus;
        this.documentTokens = documentTokens;
    }

    /**
     * Scores every document for every query ({@code corpus size} forward passes per query) and keeps the top
     * {@code k} of each (ties: lower corpus position first).
     *
     * @throws IllegalArgumentException if the query lists differ in length or {@code k < 1}
     */
    public Run rankAll(List<String> queryIds, int[][] queryTokens, int k, String tag) {
        checkQueries(queryIds, queryTokens);
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        int size = corpus.size();
        List<String> ids = documentIds();
        double[] scores = new double[size];
        Map<String, List<ScoredDocument>> rankings = new LinkedHashMap<>();
        for (int q = 0; q < queryTokens.length; q++) {
            int[][] queries = new int[size][];
            Arrays.fill(queries, queryTokens[q]);
            float[] pairScores = scorer.score(queries, documentTokens);
            for (int d = 0; d < size; d++) {
                scores[d] = pairScores[d];
            }
            rankings.put(queryIds.get(q), Hits.top(scores, size, k).toScoredDocuments(ids));
        }
        return new Run(tag, rankings);
    }

    /**
     * Re-ranks the first {@code depth} documents of each query's list in a first-stage run: the list is sorted by
     * score descending (equal scores keep the run's order), cut at {@code depth}, and its documents are ordered by
     * the cross encoder's score ({@code min(depth, list size)} forward passes per query). The output keeps exactly
     * that candidate set. A query without a list in the first-stage run gets an empty list.
     *
     * @throws IllegalArgumentException if the query lists differ in length, {@code depth < 1}, or the first-stage
     *     run names a document that is not in the corpus
     */
    public Run rerank(Run firstStage, List<String> queryIds, int[][] queryTokens, int depth, String tag) {
        checkQueries(queryIds, queryTokens);
        if (depth < 1) {
            throw new IllegalArgumentException("Re-ranking depth must be >= 1, got " + depth);
        }
        Map<String, List<ScoredDocument>> rankings = new LinkedHashMap<>();
        int missing = 0;
        for (int q = 0; q < queryTokens.length; q++) {
            String queryId = queryIds.get(q);
            List<ScoredDocument> candidates = new ArrayList<>(firstStage.ranking(queryId));
            if (candidates.isEmpty()) {
                missing++;
                rankings.put(queryId, List.of());
                continue;
            }
            candidates.sort(Comparator.comparingDouble(ScoredDocument::score).reversed());
            candidates = candidates.subList(0, Math.min(depth, candidates.size()));

            int[][] documents = new int[candidates.size()][];
            int[][] queries = new int[candidates.size()][];
            for (int i = 0; i < documents.length; i++) {
                documents[i] = documentTokens[position(candidates.get(i).documentId(), firstStage.tag())];
                queries[i] = queryTokens[q];
            }
            float[] pairScores = scorer.score(queries, documents);
            double[] scores = new double[pairScores.length];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = pairScores[i];
            }

            Hits hits = Hits.top(scores, scores.length, scores.length);
            List<ScoredDocument> reranked = new ArrayList<>(hits.size());
            int[] order = hits.documents();
            for (int i = 0; i < order.length; i++) {
                reranked.add(new ScoredDocument(candidates.get(order[i]).documentId(), scores[order[i]]));
            }
            rankings.put(queryId, reranked);
        }
        if (missing > 0) {
            LOG.warn("First-stage run '{}' has no list for {} of {} queries; they get empty re-ranked lists",
                    firstStage.tag(), missing, queryTokens.length);
        }
        return new Run(tag, rankings);
    }

    private int position(String documentId, String runTag) {
        int position = corpus.indexOf(documentId);
        if (position < 0) {
            throw new IllegalArgumentException("First-stage run '" + runTag + "' ranks document '" + documentId
                    + "', which is not in the corpus; re-rank a run made on the same corpus");
        }
        return position;
    }

    private List<String> documentIds() {
        List<String> ids = new ArrayList<>(corpus.size());
        for (int d = 0; d < corpus.size(); d++) {
            ids.add(corpus.get(d).id());
        }
        return ids;
    }

    private static void checkQueries(List<String> queryIds, int[][] queryTokens) {
        if (queryTokens.length != queryIds.size()) {
            throw new IllegalArgumentException("Got tokens for " + queryTokens.length + " queries but " + queryIds.size() + " ids");
        }
    }
}
