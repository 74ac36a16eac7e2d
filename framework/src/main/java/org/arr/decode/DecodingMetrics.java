package org.arr.decode;

import java.util.List;

/** Validity metrics of decoded docIDs. */
public final class DecodingMetrics {

    private DecodingMetrics() {
    }

    /**
     * Computes {@code invalid_rate}: per query, the fraction of its returned hypotheses that are not docIDs,
     * averaged over the queries with at least one hypothesis. Meaningful for unconstrained decoding; constrained
     * decoding gives 0.
     *
     * @return a value in {@code [0, 1]}, or 0 when no query has a hypothesis
     */
    public static double invalidRate(List<List<Hypothesis>> results) {
        double sum = 0;
        int queries = 0;
        for (List<Hypothesis> hypotheses : results) {
            if (hypotheses.isEmpty()) {
                continue;
            }
            int invalid = 0;
            for (Hypothesis hypothesis : hypotheses) {
                if (!hypothesis.isValid()) {
                    invalid++;
                }
            }
            sum += (double) invalid / hypotheses.size();
            queries++;
        }
        return queries == 0 ? 0 : sum / queries;
    }

    /**
     * Computes {@code invalid_mass = 1 - sum_{d in corpus} p(d | q)}: the probability the model puts on token
     * sequences that are not docIDs. Uses {@code -expm1(logsumexp(logp))}, which stays accurate when the mass
     * is close to 0. Rounding can push the exact value a few ulps outside {@code [0, 1]}; the result is clamped.
     *
     * @param documentLogProbabilities {@code log p(d | q)} of every document (e.g. from {@link ExhaustiveScorer})
     */
    public static double invalidMass(double[] documentLogProbabilities) {
        double mass = -Math.expm1(logSumExp(documentLogProbabilities));
        return Math.min(1.0, Math.max(0.0, mass));
    }

    /** Returns the mean {@link #invalidMass} over queries, or 0 for no queries. */
    public static double meanInvalidMass(double[][] documentLogProbabilities) {
        double sum = 0;
        for (double[] row : documentLogProbabilities) {
            sum += invalidMass(row);
        }
        return documentLogProbabilities.length == 0 ? 0 : sum / documentLogProbabilities.length;
    }

    /** Computes {@code log sum_i exp(x_i)} shifted by the maximum; {@code -infinity} for no values. */
    public static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
            return max;
        }
        double sum = 0;
        for (double value : values) {
            sum += Math.exp(value - max);
        }
        return max + Math.log(sum);
    }
}
