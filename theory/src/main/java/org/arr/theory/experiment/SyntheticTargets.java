package org.arr.theory.experiment;

import org.arr.theory.capacity.Permutations;
import org.arr.theory.capacity.RankingTargets;

/** The synthetic task families of the capacity experiments, as ranking targets over documents {@code 0 .. n-1}. */
public final class SyntheticTargets {

    private SyntheticTargets() {
    }

    /** Returns the complete ranking task: all {@code n!} permutations, in lexicographic order. */
    public static RankingTargets complete(int n) {
        return RankingTargets.fullRankings(Permutations.all(n), n);
    }

    /** Returns {@code m} distinct uniformly drawn permutations of {@code n} documents. */
    public static RankingTargets sampled(int n, int m, long seed) {
        return RankingTargets.fullRankings(Permutations.sample(n, m, seed), n);
    }

    /** Returns the LIMIT-style task: every {@code k}-subset of the {@code n} documents is one query's relevant set. */
    public static RankingTargets topK(int n, int k) {
        return RankingTargets.topK(Permutations.subsets(n, k), n);
    }
}
