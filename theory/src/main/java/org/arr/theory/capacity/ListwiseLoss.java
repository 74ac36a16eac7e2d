package org.arr.theory.capacity;

/**
 * The tiered Plackett-Luce loss of one query's scores against its {@link RankingTargets} tiers, with its
 * gradient. For tiers {@code T_0, ..., T_{m-1}} (best first) and scores {@code s}:
 * <pre>
 *   L(s) = sum_{t=0..m-2} [ logsumexp_{d in T_t u ... u T_{m-1}} s_d  -  (1/|T_t|) sum_{d in T_t} s_d ]
 *   dL/ds_j = sum_{t <= min(tier(j), m-2)} softmax_t(s)_j  -  [tier(j) <= m-2] / |T_tier(j)|
 * </pre>
 * where {@code softmax_t} is the softmax over the documents of tiers {@code t} and below. With {@code n}
 * singleton tiers this is ListMLE (the Plackett-Luce negative log-likelihood of the permutation; Xia et al.,
 * ICML 2008). With two tiers (the {@code k} relevant documents, then the rest) it is InfoNCE with {@code k}
 * positives: the mean over relevant {@code r} of {@code -log softmax(s)_r}, the softmax taken over all
 * documents. The last tier imposes no order, so it contributes no term of its own.
 *
 * <p>Computed in {@code O(n)} per query with running log-sum-exps, so no term under- or overflows: every
 * {@code softmax_t(s)_j} is evaluated as {@code exp(s_j - logsumexp_t)} with a non-positive exponent.
 */
public final class ListwiseLoss {

    private ListwiseLoss() {
    }

    /**
     * Computes the loss of one query and writes {@code dL/ds} into {@code gradient}.
     *
     * @param scores one score per document
     * @param order the query's documents tier by tier ({@link RankingTargets#order(int)})
     * @param tierStarts tier start positions followed by {@code n} ({@link RankingTargets#tierStarts(int)})
     * @param gradient output, one entry per document (overwritten)
     * @param tierLogSumExp scratch space with at least {@code n} entries
     * @return the loss value
     */
    public static double lossAndGradient(double[] scores, int[] order, int[] tierStarts, double[] gradient,
            double[] tierLogSumExp) {
        int tiers = tierStarts.length - 1;
        int n = order.length;

        // Backward pass: logsumexp over every suffix of the order, recorded at tier starts.
        double running = Double.NEGATIVE_INFINITY;
        int tier = tiers - 1;
        for (int position = n - 1; position >= 0; position--) {
            running = logAddExp(running, scores[order[position]]);
            if (position == tierStarts[tier]) {
                tierLogSumExp[tier] = running;
                tier--;
            }
        }

        // Forward pass: accumulate log sum_{t' <= t} exp(-logsumexp_t') and emit loss and gradient per tier.
        double loss = 0;
        double accumulated = Double.NEGATIVE_INFINITY;
        for (tier = 0; tier < tiers; tier++) {
            int from = tierStarts[tier];
            int to = tierStarts[tier + 1];
            boolean hasTerm = tier < tiers - 1;
            double inverseSize = 1.0 / (to - from);
            if (hasTerm) {
                accumulated = logAddExp(accumulated, -tierLogSumExp[tier]);
                double meanScore = 0;
                for (int position = from; position < to; position++) {
                    meanScore += scores[order[position]];
                }
                loss += tierLogSumExp[tier] - meanScore * inverseSize;
            }
            for (int position = from; position < to; position++) {
                int doc = order[position];
                double softmaxSum = Math.exp(scores[doc] + accumulated);
                gradient[doc] = hasTerm ? softmaxSum - inverseSize : softmaxSum;
            }
        }
        return loss;
    }

    /** Returns {@code log(exp(a) + exp(b))} without overflow; either argument may be negative infinity. */
    static double logAddExp(double a, double b) {
        double max = Math.max(a, b);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(-Math.abs(a - b)));
    }
}
