package org.arr.theory.construction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.decode.BeamSearch;
import org.arr.decode.Hypothesis;
import org.arr.theory.capacity.Permutations;

import org.arr.theory.capacity.RankingTargets;
import org.arr.trie.PrefixTree;
import org.junit.jupiter.api.Test;

class BinaryTreeConstructionTest {

    @Property(tries = 60)
    void docIdsFormFullBinaryTree(@ForAll @IntRange(min = 2, max = 300) int n) {
        int[][] docIds = BinaryDocIds.assign(n);
        PrefixTree tree = PrefixTree.build(docIds, 2);
        int ceil = 32 - Integer.numberOfLeadingZeros(n - 1);
        for (int node = 0; node < tree.nodeCount(); node++) {
            if (tree.documentAt(node) < 0) {
                assertEquals(2, tree.childCount(node), "inner node " + node + " must have both children");
            }
        }
        for (int[] docId : docIds) {
            assertTrue(docId.length == ceil || docId.length == ceil - 1, "length " + docId.length + " for n = " + n);
        }
    }

    @Property(tries = 60)
    void realizesAnyRandomSetOfPermutations(@ForAll @IntRange(min = 2, max = 60) int n,
            @ForAll @IntRange(min = 1, max = 40) int m, @ForAll long seed) {
        int queries = n <= 5 ? Math.min(m, factorial(n)) : m;
        RankingTargets targets = RankingTargets.fullRankings(Permutations.sample(n, queries, seed), n);
        ConstructionCheck.Result result = ConstructionCheck.check(targets);
        assertEquals(queries, result.realizedByScoring(), "queries realized by exhaustive scoring");
        assertEquals(queries, result.realizedByBeamSearch(), "queries realized by beam search");
    }

    @Test
    void realizesEveryPermutationOfSevenDocuments() {
        RankingTargets targets = RankingTargets.fullRankings(Permutations.all(7), 7);
        assertTrue(ConstructionCheck.check(targets).success());
    }

    @Property(tries = 30)
    void realizesEveryTopKSubset(@ForAll @IntRange(min = 3, max = 14) int n, @ForAll @IntRange(min = 1, max = 3) int k) {
        if (k >= n) {
            return;
        }
        RankingTargets targets = RankingTargets.topK(Permutations.subsets(n, k), n);
        assertTrue(ConstructionCheck.check(targets).success());
    }

    @Property(tries = 30)
    void nextTokenDistributionsSumToOne(@ForAll @IntRange(min = 4, max = 40) int n, @ForAll long seed) {
        RankingTargets targets = RankingTargets.fullRankings(Permutations.sample(n, 5, seed), n);
        BinaryTreeConstruction construction = new BinaryTreeConstruction(targets);
        int[][] docIds = construction.docIds();
        Random random = new Random(seed);
        for (int trial = 0; trial < 20; trial++) {
            int[] docId = docIds[random.nextInt(n)];
            int[] prefix = Arrays.copyOf(docId, random.nextInt(docId.length + 1));
            float[] row = construction.nextTokenLogProbabilities(new int[][] {{random.nextInt(5)}}, new int[][] {prefix})[0];
            assertEquals(2, row.length);
            assertEquals(1.0, Math.exp(row[0]) + Math.exp(row[1]), 1e-6, "prefix " + Arrays.toString(prefix));
            assertEquals(BinaryTreeConstruction.HIDDEN_DIMENSION, construction.hiddenState(0, prefix).length);
        }
    }

    /** Trie-constrained beam search of any width returns exactly the target's top B documents, in order. */
    @Property(tries = 40)
    void beamSearchOfAnyWidthReturnsTheTargetTopB(@ForAll @IntRange(min = 3, max = 40) int n, @ForAll long seed) {
        RankingTargets targets = RankingTargets.fullRankings(Permutations.sample(n, 3, seed), n);
        BinaryTreeConstruction construction = new BinaryTreeConstruction(targets);
        PrefixTree tree = PrefixTree.build(construction.docIds(), 2);
        int[][] queries = {{0}, {1}, {2}};
        for (int width = 1; width <= n; width++) {
            List<List<Hypothesis>> results = new BeamSearch(width, width, true).search(construction, tree, queries);
            for (int q = 0; q < 3; q++) {
                int[] found = results.get(q).stream().mapToInt(Hypothesis::document).toArray();
                assertArrayEquals(Arrays.copyOf(targets.order(q), width), found, "query " + q + ", width " + width);
            }
        }
    }

    @Test
    void invalidQueriesAreRejected() {
        RankingTargets targets = RankingTargets.fullRankings(Permutations.sample(4, 2, 1), 4);
        BinaryTreeConstruction construction = new BinaryTreeConstruction(targets);
        assertThrows(IllegalArgumentException.class,
                () -> construction.nextTokenLogProbabilities(new int[][] {{2}}, new int[][] {{}}));
        assertThrows(IllegalArgumentException.class,
                () -> construction.nextTokenLogProbabilities(new int[][] {{0, 1}}, new int[][] {{}}));
    }

    private static int factorial(int n) {
        int result = 1;
        for (int i = 2; i <= n; i++) {
            result *= i;
        }
        return result;
    }
}
