package org.arr.theory.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.arr.theory.counting.OrderingCounts;
import org.junit.jupiter.api.Test;

class FreeEmbeddingFitterTest {

    private static final FitSettings SETTINGS = new FitSettings(2000, 0.05, 300, 3, 7);

    @Test
    void searchFindsDimensionNMinusOneOnCompleteTask() {
        DimensionSearch search = new DimensionSearch(new FreeEmbeddingFitter(), SETTINGS);
        for (int n = 3; n <= 5; n++) {
            RankingTargets targets = RankingTargets.fullRankings(Permutations.all(n), n);
            DimensionSearch.Result result = search.smallestDimension(targets, n, probe -> { });
            assertEquals(n - 1, result.smallestDim(), "smallest dimension for n = " + n);
        }
    }

    @Test
    void fitNeverRealizesMoreRankingsThanCoverCount() {
        int n = 5;
        RankingTargets targets = RankingTargets.fullRankings(Permutations.all(n), n);
        for (int dim = 1; dim <= n - 1; dim++) {
            FitResult result = new FreeEmbeddingFitter().fit(targets, dim, SETTINGS);
            BigInteger bound = OrderingCounts.linearOrderings(n, dim);
            assertTrue(BigInteger.valueOf(result.realizedQueries()).compareTo(bound) <= 0,
                    result.realizedQueries() + " realized in dim " + dim + ", bound " + bound);
        }
    }

    @Test
    void returnedEmbeddingsRealizeWhatTheResultClaims() {
        int n = 6;
        RankingTargets targets = RankingTargets.fullRankings(Permutations.sample(n, 40, 3), n);
        FitResult result = new FreeEmbeddingFitter().fit(targets, 3, SETTINGS);
        int realized = 0;
        for (int q = 0; q < targets.queryCount(); q++) {
            if (targets.isRealized(q, result.embeddings().scores(q))) {
                realized++;
            }
        }
        assertEquals(result.realizedQueries(), realized);
    }

    @Test
    void fitIsDeterministicForASeed() {
        int n = 5;
        RankingTargets targets = RankingTargets.fullRankings(Permutations.all(n), n);
        FitResult first = new FreeEmbeddingFitter().fit(targets, 3, SETTINGS);
        FitResult second = new FreeEmbeddingFitter().fit(targets, 3, SETTINGS);
        assertEquals(first.realizedQueries(), second.realizedQueries());
        assertEquals(first.steps(), second.steps());
        assertTrue(java.util.Arrays.equals(first.embeddings().queryVectors(), second.embeddings().queryVectors()));
    }

    @Test
    void criticalNOfTopTwoInThePlaneIsFour() {
        // n = 4 is feasible in the plane (a triangle with one point inside: 3 edges and 3 vertex-centre pairs).
        // n = 5 is not: n planar points have at most 2n sets of size <= 2 cut off by a line (Alon and Gyori, 1986),
        // and at least 3 of those are single hull vertices, leaving at most 7 of the 10 pairs.
        CriticalNSearch search = new CriticalNSearch(new FreeEmbeddingFitter(), new FitSettings(3000, 0.05, 500, 5, 1));
        List<SearchProbe> probes = new ArrayList<>();
        CriticalNSearch.Result result = search.criticalN(2, n -> RankingTargets.topK(Permutations.subsets(n, 2), n), 3, 16,
                probes::add);
        assertEquals(4, result.criticalN());
        assertFalse(result.reachedMaxN());
        assertEquals(result.probes().size(), probes.size());
    }
}
