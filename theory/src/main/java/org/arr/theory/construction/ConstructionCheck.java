package org.arr.theory.construction;

import java.util.List;
import org.arr.decode.BeamSearch;
import org.arr.decode.ExhaustiveScorer;
import org.arr.decode.Hypothesis;
import org.arr.theory.capacity.RankingTargets;
import org.arr.trie.PrefixTree;

/**
 * Builds a {@link BinaryTreeConstruction} for a set of targets and checks exactly which queries' targets it
 * realizes, twice: with the document log-probabilities of {@link ExhaustiveScorer}, and with the ranking that
 * trie-constrained {@link BeamSearch} of width {@code n} returns (documents ordered by their hypothesis score).
 */
public final class ConstructionCheck {

    private static final int QUERIES_PER_BATCH = 512;

    private ConstructionCheck() {
    }

    /**
     * The outcome of a check.
     *
     * @param realizedByScoring queries whose target the exhaustive document scores realize
     * @param realizedByBeamSearch queries whose target the beam-search ranking realizes
     * @param queryCount all queries
     * @param seconds wall-clock time to build the construction and run both checks
     */
    public record Result(int realizedByScoring, int realizedByBeamSearch, int queryCount, double seconds) {

        /** Returns the number of queries realized by both checks (the smaller count). */
        public int realizedQueries() {
            return Math.min(realizedByScoring, realizedByBeamSearch);
        }

        public boolean success() {
            return realizedQueries() == queryCount;
        }

        public double fractionRealized() {
            return realizedQueries() / (double) queryCount;
        }
    }

    /**
     * Builds the construction for the targets and runs both checks on every query.
     *
     * @throws IllegalArgumentException if the targets have fewer than 2 documents
     */
    public static Result check(RankingTargets targets) {
        long start = System.nanoTime();
        int n = targets.documentCount();
        BinaryTreeConstruction construction = new BinaryTreeConstruction(targets);
        PrefixTree trie = PrefixTree.build(construction.docIds(), construction.vocabularySize());
        ExhaustiveScorer scorer = new ExhaustiveScorer(trie);
        BeamSearch beamSearch = new BeamSearch(n, n, true);

        int realizedByScoring = 0;
        int realizedByBeamSearch = 0;
        for (int from = 0; from < targets.queryCount(); from += QUERIES_PER_BATCH) {
            int to = Math.min(targets.queryCount(), from + QUERIES_PER_BATCH);
            int[][] queryTokens = new int[to - from][];
            for (int q = from; q < to; q++) {
                queryTokens[q - from] = new int[] {q};
            }

            double[][] scores = scorer.score(construction, queryTokens);
            List<List<Hypothesis>> beams = beamSearch.search(construction, trie, queryTokens);
            for (int q = from; q < to; q++) {
                if (targets.isRealized(q, scores[q - from])) {
                    realizedByScoring++;
                }
                if (targets.isRealized(q, beamScores(beams.get(q - from), n))) {
                    realizedByBeamSearch++;
                }
            }
        }
        return new Result(realizedByScoring, realizedByBeamSearch, targets.queryCount(),
                (System.nanoTime() - start) / 1e9);
    }

    /** Returns a score per document from the beam order: {@code n - rank}, and negative infinity when missing. */
    private static double[] beamScores(List<Hypothesis> hypotheses, int n) {
        double[] scores = new double[n];
        java.util.Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int rank = 0; rank < hypotheses.size(); rank++) {
            int document = hypotheses.get(rank).document();
            if (document >= 0) {
                scores[document] = n - rank;
            }
        }
        return scores;
    }
}
