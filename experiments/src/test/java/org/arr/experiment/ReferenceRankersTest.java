package org.arr.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.data.Corpus;
import org.arr.data.Document;
import org.arr.data.Qrels;
import org.arr.data.Queries;
import org.arr.data.Query;
import org.arr.data.RankingTask;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;
import org.arr.data.Splits;
import org.junit.jupiter.api.Test;

class ReferenceRankersTest {

    /** Five documents d1..d5; training queries t1..t3, test queries x1, x2. */
    private static RankingTask task() {
        List<Document> documents = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            documents.add(new Document("d" + i, "", "text " + i));
        }
        List<Query> queries = List.of(new Query("t1", "a"), new Query("t2", "b"), new Query("t3", "c"),
                new Query("x1", "d"), new Query("x2", "e"));
        Qrels qrels = Qrels.builder()
                .add("t1", "d2", 1).add("t1", "d4", 2).add("t1", "d1", 0)
                .add("t2", "d4", 1).add("t2", "d3", 1)
                .add("t3", "d3", 3).add("t3", "d5", 0)
                // Test judgments must not count: they would make d1 the most popular document.
                .add("x1", "d1", 1).add("x2", "d1", 1)
                .build();
        Map<String, List<String>> splits = new LinkedHashMap<>();
        splits.put(Splits.TRAIN, List.of("t1", "t2", "t3"));
        splits.put(Splits.DEV, List.of());
        splits.put(Splits.TEST, List.of("x1", "x2"));
        return new RankingTask("tiny", new Corpus(documents), new Queries(queries), qrels, new Splits(splits), null, null);
    }

    private static List<String> ids(List<ScoredDocument> ranking) {
        return ranking.stream().map(ScoredDocument::documentId).toList();
    }

    @Test
    void popularCountsTrainingRelevance() {
        Run run = new PopularityRanker().rank(task(), List.of("x1", "x2"), 10);

        // Counts: d3 = 2, d4 = 2, d2 = 1, d1 = 0 (judged 0 in training), d5 = 0; ties by id descending.
        assertEquals(List.of("d4", "d3", "d2", "d5", "d1"), ids(run.ranking("x1")));
        assertEquals(List.of(2.0, 2.0, 1.0, 0.0, 0.0), run.ranking("x1").stream().map(ScoredDocument::score).toList());
        assertEquals(run.ranking("x1"), run.ranking("x2"));
        assertEquals("popular", run.tag());
    }

    @Test
    void popularCutsAtDepth() {
        Run run = new PopularityRanker().rank(task(), List.of("x1"), 2);

        assertEquals(List.of("d4", "d3"), ids(run.ranking("x1")));
    }

    @Test
    void randomIsSeededPerQuery() {
        RankingTask task = task();

        Run both = new RandomRanker(7).rank(task, List.of("x1", "x2"), 5);
        Run single = new RandomRanker(7).rank(task, List.of("x2"), 5);
        Run again = new RandomRanker(7).rank(task, List.of("x1", "x2"), 5);

        assertEquals(both.ranking("x2"), single.ranking("x2"));
        assertEquals(both.rankings(), again.rankings());
        assertEquals("random", both.tag());
    }

    @Test
    void randomDiffersBetweenSeeds() {
        RankingTask task = task();
        Set<List<String>> orders = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            orders.add(ids(new RandomRanker(seed).rank(task, List.of("x1"), 5).ranking("x1")));
        }

        assertTrue(orders.size() > 10, "20 seeds gave only " + orders.size() + " orders of 5 documents");
    }

    @Test
    void randomScoresDecreaseStrictly() {
        List<ScoredDocument> ranking = new RandomRanker(3).rank(task(), List.of("x1"), 4).ranking("x1");

        assertEquals(List.of(4.0, 3.0, 2.0, 1.0), ranking.stream().map(ScoredDocument::score).toList());
    }

    @Property(tries = 100)
    void randomRankingIsDistinctCorpusDocuments(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int depth) {
        List<String> ranking = ids(new RandomRanker(seed).rank(task(), List.of("x1"), depth).ranking("x1"));

        assertEquals(Math.min(depth, 5), ranking.size());
        assertEquals(ranking.size(), new HashSet<>(ranking).size());
        assertTrue(List.of("d1", "d2", "d3", "d4", "d5").containsAll(ranking));
    }

    @Property(tries = 20)
    void randomFirstDocumentIsRoughlyUniform(@ForAll @IntRange(min = 0, max = 1000) int offset) {
        // Over 500 seeds each document should lead about 100 times; a fixed or biased order fails this.
        int[] firsts = new int[5];
        for (long seed = offset * 500L; seed < offset * 500L + 500; seed++) {
            String first = new RandomRanker(seed).rank(task(), List.of("x1"), 1).ranking("x1").get(0).documentId();
            firsts[Integer.parseInt(first.substring(1)) - 1]++;
        }
        for (int count : firsts) {
            assertTrue(count > 50 && count < 160, () -> "first-place counts " + java.util.Arrays.toString(firsts));
        }
    }
}
