package org.arr.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.data.Query;
import org.arr.data.RankingTask;
import org.arr.data.Splits;
import org.junit.jupiter.api.Test;

class SyntheticTasksTest {

    @Test
    void completeRankingOfThree() {
        RankingTask task = SyntheticTasks.completeRanking(3);

        assertEquals(3, task.corpus().size());
        assertEquals(List.of("p0-1-2", "p0-2-1", "p1-0-2", "p1-2-0", "p2-0-1", "p2-1-0"),
                task.queries().queries().stream().map(Query::id).toList());
        assertEquals("d1 d2 d0", task.queries().get("p1-2-0").text());
        assertEquals(Map.of("d1", 3.0, "d2", 2.0, "d0", 1.0), task.qrels().judgments("p1-2-0"));
        assertEquals(18, task.qrels().size());
        assertEquals(6, task.splits().queryIds(Splits.TEST).size());
    }

    @Property(tries = 6)
    void completeRankingHasEveryPermutationOnce(@ForAll @IntRange(min = 1, max = 6) int n) {
        RankingTask task = SyntheticTasks.completeRanking(n);

        assertEquals(SyntheticTasks.factorial(n), task.queries().size());
        Set<String> rankings = new HashSet<>();
        for (Query query : task.queries().queries()) {
            rankings.add(rankingByGrade(task, query.id(), n));
            assertEquals(query.text(), rankingByGrade(task, query.id(), n));
        }
        assertEquals(task.queries().size(), rankings.size());
    }

    @Test
    void completeRankingRejectsTooLargeN() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SyntheticTasks.completeRanking(10));
        assertTrue(error.getMessage().contains("3628800 queries"), error.getMessage());
    }

    @Property(tries = 30)
    void sampledPermutationsAreDistinctAndGraded(@ForAll @IntRange(min = 1, max = 7) int n,
            @ForAll @IntRange(min = 1, max = 200) int m, @ForAll long seed) {
        int count = (int) Math.min(m, SyntheticTasks.factorial(n));
        RankingTask task = SyntheticTasks.sampledPermutations(n, count, seed);

        assertEquals(count, task.queries().size());
        Set<String> rankings = new HashSet<>();
        for (Query query : task.queries().queries()) {
            String ranking = rankingByGrade(task, query.id(), n);
            assertEquals(query.text(), ranking);
            rankings.add(ranking);
        }
        assertEquals(count, rankings.size());
    }

    @Test
    void sampledPermutationsDependOnlyOnSeed() {
        List<String> first = queryIds(SyntheticTasks.sampledPermutations(8, 50, 7));
        List<String> again = queryIds(SyntheticTasks.sampledPermutations(8, 50, 7));
        List<String> other = queryIds(SyntheticTasks.sampledPermutations(8, 50, 8));

        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void sampledPermutationsRejectMoreThanNFactorial() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SyntheticTasks.sampledPermutations(3, 7, 0));
        assertTrue(error.getMessage().contains("only 6 permutations"), error.getMessage());
    }

    @Property(tries = 40)
    void topKSubsetsHasEveryKSubsetOnce(@ForAll @IntRange(min = 1, max = 12) int n,
            @ForAll @IntRange(min = 1, max = 12) int k) {
        if (k > n) {
            assertThrows(IllegalArgumentException.class, () -> SyntheticTasks.topKSubsets(n, k));
            return;
        }
        RankingTask task = SyntheticTasks.topKSubsets(n, k);

        assertEquals(binomialByPascal(n, k), task.queries().size());
        Set<Set<String>> subsets = new HashSet<>();
        for (Query query : task.queries().queries()) {
            Map<String, Double> judgments = task.qrels().judgments(query.id());
            assertEquals(k, judgments.size());
            assertTrue(judgments.values().stream().allMatch(grade -> grade == 1.0));
            assertEquals(Set.of(query.text().split(" ")), judgments.keySet());
            subsets.add(judgments.keySet());
        }
        assertEquals(task.queries().size(), subsets.size());
    }

    @Test
    void topKSubsetsOfLimitSize() {
        RankingTask task = SyntheticTasks.topKSubsets(46, 2);

        assertEquals(1035, task.queries().size());
        assertEquals(2070, task.qrels().size());
        assertEquals(Map.of("d0", 1.0, "d45", 1.0), task.qrels().judgments("s0-45"));
    }

    @Property(tries = 30)
    void randomGradedRespectsCountsAndGrades(@ForAll @IntRange(min = 1, max = 50) int documents,
            @ForAll @IntRange(min = 1, max = 30) int queries, @ForAll @IntRange(min = 1, max = 50) int relevant,
            @ForAll @IntRange(min = 1, max = 5) int maxGrade, @ForAll long seed) {
        int perQuery = Math.min(relevant, documents);
        RankingTask task = SyntheticTasks.randomGraded(documents, queries, perQuery, maxGrade, seed);

        assertEquals(documents, task.corpus().size());
        assertEquals(queries, task.queries().size());
        assertEquals((long) queries * perQuery, task.qrels().size());
        for (String queryId : task.qrels().queryIds()) {
            for (double grade : task.qrels().judgments(queryId).values()) {
                assertTrue(grade >= 1, "grade " + grade);
                assertTrue(grade <= maxGrade, "grade " + grade);
                assertEquals(Math.rint(grade), grade);
            }
        }
    }

    @Test
    void randomGradedDependsOnlyOnSeed() {
        RankingTask first = SyntheticTasks.randomGraded(100, 20, 4, 3, 11);
        RankingTask again = SyntheticTasks.randomGraded(100, 20, 4, 3, 11);
        RankingTask other = SyntheticTasks.randomGraded(100, 20, 4, 3, 12);

        assertEquals(judgmentsOf(first), judgmentsOf(again));
        assertNotEquals(judgmentsOf(first), judgmentsOf(other));
    }

    @Property(tries = 50)
    void binomialMatchesPascalsTriangle(@ForAll @IntRange(min = 0, max = 60) int n,
            @ForAll @IntRange(min = 0, max = 60) int k) {
        if (k <= n) {
            assertEquals(binomialByPascal(n, k), SyntheticTasks.binomial(n, k));
        }
    }

    /** Returns the document ids of a query ordered by decreasing grade, joined by spaces. */
    private static String rankingByGrade(RankingTask task, String queryId, int n) {
        String[] byPosition = new String[n];
        for (Map.Entry<String, Double> judgment : task.qrels().judgments(queryId).entrySet()) {
            byPosition[n - judgment.getValue().intValue()] = judgment.getKey();
        }
        return String.join(" ", byPosition);
    }

    private static List<String> queryIds(RankingTask task) {
        return task.queries().queries().stream().map(Query::id).toList();
    }

    private static List<Map<String, Double>> judgmentsOf(RankingTask task) {
        List<Map<String, Double>> judgments = new ArrayList<>();
        for (String queryId : task.qrels().queryIds()) {
            judgments.add(task.qrels().judgments(queryId));
        }
        return judgments;
    }

    private static long binomialByPascal(int n, int k) {
        long[] row = new long[n + 1];
        row[0] = 1;
        for (int i = 1; i <= n; i++) {
            for (int j = i; j > 0; j--) {
                row[j] += row[j - 1];
            }
        }
        return row[k];
    }
}
