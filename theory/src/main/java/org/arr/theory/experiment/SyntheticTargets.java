package org.arr.theory.experiment;

import org.arr.data.Splits;
import org.arr.datasets.synthetic.SyntheticTasks;
import org.arr.theory.capacity.RankingTargets;

/**
 * The synthetic task families of the capacity experiments, built by {@link SyntheticTasks} and turned into ranking
 * targets over documents {@code 0 .. n-1} (all queries; the synthetic tasks use the transductive split).
 */
public final class SyntheticTargets {

    private SyntheticTargets() {
    }

    /** Returns the complete ranking task: all {@code n!} permutations, in lexicographic order. */
    public static RankingTargets complete(int n) {
        return RankingTargets.fromTask(SyntheticTasks.completeRanking(n), Splits.TRAIN);
    }

    /** Returns {@code m} distinct uniformly drawn permutations of {@code n} documents. */
    public static RankingTargets sampled(int n, int m, long seed) {
        return RankingTargets.fromTask(SyntheticTasks.sampledPermutations(n, m, seed), Splits.TRAIN);
    }

    /** Returns the LIMIT-style task: every {@code k}-subset of the {@code n} documents is one query's relevant set. */
    public static RankingTargets topK(int n, int k) {
        return RankingTargets.fromTask(SyntheticTasks.topKSubsets(n, k), Splits.TRAIN);
    }
}
