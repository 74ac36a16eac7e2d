package org.arr.model.cross;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.data.Corpus;
import org.arr.data.Document;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;
import org.arr.model.encoder.Pooling;
import org.junit.jupiter.api.Test;

class CrossEncoderRankerTest {

    static CrossEncoderConfig config(Pooling pooling) {
        return new CrossEncoderConfig(12, 4, 6, 1, 16, 2, 2, 0.0, pooling);
    }

    @Property(tries = 5)
    void rerankingKeepsCandidateSet(@ForAll @IntRange(min = 0, max = 1000) int seed, @ForAll boolean mean) {
        Random random = new Random(seed);
        int[][] documents = rows(random, 8, 6);
        int[][] queries = rows(random, 4, 4);
        Corpus corpus = corpus(documents.length);
        List<String> queryIds = ids("q", queries.length);
        Run firstStage = randomRun(random, queryIds, corpus);
        int depth = 1 + random.nextInt(6);

        try (CrossEncoder model = CrossEncoder.create(config(mean ? Pooling.MEAN : Pooling.FIRST), seed)) {
            Run reranked = new CrossEncoderRanker(model.scorer(5), corpus, documents).rerank(firstStage, queryIds, queries,
                    depth, "ce");

            for (String queryId : queryIds) {
                List<ScoredDocument> candidates = new ArrayList<>(firstStage.ranking(queryId));
                candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
                Set<String> expected = new HashSet<>();
                for (ScoredDocument candidate : candidates.subList(0, Math.min(depth, candidates.size()))) {
                    expected.add(candidate.documentId());
                }
                List<ScoredDocument> ranking = reranked.ranking(queryId);
                Set<String> actual = new HashSet<>();
                for (ScoredDocument document : ranking) {
                    actual.add(document.documentId());
                }
                assertEquals(expected.size(), ranking.size(), "no document repeated or dropped");
                assertEquals(expected, actual);
                for (int i = 1; i < ranking.size(); i++) {
                    assertTrue(ranking.get(i - 1).score() >= ranking.get(i).score(), "scores descend");
                }
            }
        }
    }

    @Property(tries = 3)
    void rankAllEqualsPairByPairScores(@ForAll @IntRange(min = 0, max = 1000) int seed) {
        Random random = new Random(seed);
        int[][] documents = rows(random, 5, 6);
        int[][] queries = rows(random, 3, 4);
        Corpus corpus = corpus(documents.length);
        List<String> queryIds = ids("q", queries.length);

        try (CrossEncoder model = CrossEncoder.create(config(Pooling.MEAN), seed)) {
            PairScorer single = model.scorer(1);
            Run run = new CrossEncoderRanker(model.scorer(16), corpus, documents).rankAll(queryIds, queries, 5, "ce");
            for (int q = 0; q < queries.length; q++) {
                Map<String, Double> expected = new LinkedHashMap<>();
                for (int d = 0; d < documents.length; d++) {
                    expected.put("d" + d, (double) single.score(new int[][] {queries[q]}, new int[][] {documents[d]})[0]);
                }
                List<ScoredDocument> ranking = run.ranking(queryIds.get(q));
                assertEquals(documents.length, ranking.size());
                for (ScoredDocument document : ranking) {
                    assertEquals(expected.get(document.documentId()), document.score(), 1e-4, document.documentId());
                }
            }
        }
    }

    @Test
    void rerankRejectsDocumentOutsideCorpus() {
        Run firstStage = new Run("de", Map.of("q0", List.of(new ScoredDocument("missing", 1.0))));
        try (CrossEncoder model = CrossEncoder.create(config(Pooling.MEAN), 1)) {
            CrossEncoderRanker ranker = new CrossEncoderRanker(model.scorer(4), corpus(2), new int[][] {{1}, {2}});
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> ranker.rerank(firstStage, List.of("q0"), new int[][] {{3}}, 5, "ce"));
            assertTrue(error.getMessage().contains("missing"), error.getMessage());
        }
    }

    @Test
    void rerankGivesQueryWithoutCandidatesEmptyList() {
        Run firstStage = new Run("de", Map.of());
        try (CrossEncoder model = CrossEncoder.create(config(Pooling.MEAN), 1)) {
            Run run = new CrossEncoderRanker(model.scorer(4), corpus(2), new int[][] {{1}, {2}})
                    .rerank(firstStage, List.of("q0"), new int[][] {{3}}, 5, "ce");
            assertTrue(run.ranking("q0").isEmpty());
        }
    }

    static Run randomRun(Random random, List<String> queryIds, Corpus corpus) {
        Map<String, List<ScoredDocument>> rankings = new LinkedHashMap<>();
        for (String queryId : queryIds) {
            List<ScoredDocument> ranking = new ArrayList<>();
            for (int d = 0; d < corpus.size(); d++) {
                if (random.nextBoolean()) {
                    ranking.add(new ScoredDocument(corpus.get(d).id(), random.nextInt(4)));
                }
            }
            rankings.put(queryId, ranking);
        }
        return new Run("first", rankings);
    }

    static Corpus corpus(int size) {
        List<Document> documents = new ArrayList<>();
        for (int d = 0; d < size; d++) {
            documents.add(new Document("d" + d, "", ""));
        }
        return new Corpus(documents);
    }

    static int[][] rows(Random random, int count, int maxLength) {
        int[][] rows = new int[count][];
        for (int r = 0; r < count; r++) {
            rows[r] = new int[1 + random.nextInt(maxLength)];
            for (int i = 0; i < rows[r].length; i++) {
                rows[r][i] = 1 + random.nextInt(11);
            }
        }
        return rows;
    }

    static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }
}
