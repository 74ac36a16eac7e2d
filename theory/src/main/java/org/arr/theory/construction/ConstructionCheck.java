package org.arr.theory.construction;

import org.arr.theory.capacity.RankingTargets;

/**
 * Builds a {@link BinaryTreeConstruction} for a set of targets and checks exactly, by {@link ExhaustiveScorer},
 * which queries' targets its document log-probabilities realize.
 */
public final class ConstructionCheck {

    private ConstructionCheck() {
    }

    /**
     * The outcome of a check.
     *
     * @param realizedQueries queries whose target the exact scores realize
     * @param queryCount all queries
     * @param seconds wall-clock time to build the construction and score every document for every query
     */
    public record Result(int realizedQueries, int queryCount, double seconds) {

        public boolean success() {
            return realizedQueries == queryCount;
        }

        public double fractionRealized() {
            return realizedQueries / (double) queryCount;
        }
    }

    /**
     * Builds the construction for the targets and scores every document for every query.
     *
     * @throws IllegalArgumentException if the targets have fewer than 2 documents
     */
    public static Result check(RankingTargets targets) {
        long start = System.nanoTime();
        BinaryTreeConstruction construction = new BinaryTreeConstruction(targets);
        ExhaustiveScorer scorer = new ExhaustiveScorer(construction.docIds(), construction.vocabularySize());
        int realized = 0;
        int batch = 256;
        for (int from = 0; from < targets.queryCount(); from += batch) {
            int to = Math.min(targets.queryCount(), from + batch);
            int[][] queryTokens = new int[to - from][];
            for (int q = from; q < to; q++) {
                queryTokens[q - from] = new int[] {q};
            }
            double[][] scores = scorer.score(construction, queryTokens);
            for (int q = from; q < to; q++) {
                if (targets.isRealized(q, scores[q - from])) {
                    realized++;
                }
            }
        }
        return new Result(realized, targets.queryCount(), (System.nanoTime() - start) / 1e9);
    }
}
