package org.arr.theory.capacity;

/**
 * The tiered Plackett-Luce loss of one query's scores against its {@link RankingTargets} tiers, with its
 * gradient. For tiers {@code T_0, ..., T_{m-1}} (best first), scores {@code s} and
 * {@code R_t = logsumexp of s over T_t u ... u T_{m-1}} (with {@code R_m = -infinity}):
 * <pre>
 *   L(s) = sum_{t=0..m-2} (1/|T_t|) sum_{d in T_t} [ log(exp(s_d) + exp(R_{t+1})) - s_d ]
 * </pre>
 * Each document competes with itself and every document of a lower tier, never with its tier-mates. With
 * {@code n} singleton tiers this is ListMLE, the Plackett-Luce negative log-likelihood of the permutation (Xia et
 * al., ICML 2008). With two tiers (the {@code k} relevant documents, then the rest) it is InfoNCE with {@code k}
 * positives: the mean over relevant {@code r} of {@code -log softmax(s)_r}, the softmax taken over {@code r} and
 * all non-relevant documents.
 *
 * <p>Keeping tier-mates out of each other's softmax matters for top-{@code k}. A softmax over all documents also
 * pulls the relevant documents of a query towards equal scores; on LIMIT-style top-2 tasks that variant got
 * stuck in symmetric configurations: in {@code R^3} it realized all 10 pairs of 5 documents in none of 20 seeded
 * runs (seeds 100 to 119, Adam step 0.05, at most 5000 steps), while this form succeeded in all 20. The pairs are
 * realizable there: four documents at the corners of a tetrahedron and one inside it realize every pair.
 *
 * <p>Gradient: for {@code d in T_t} with {@code t <= m-2}, the own term contributes
 * {@code (softmax_{d,t}(s)_d - 1) / |T_t|}, where {@code softmax_{d,t}} is over {@code {d}} and the lower tiers.
 * Every document {@code j} also receives {@code sum_{t < tier(j)} (1/|T_t|) sum_{d in T_t} softmax_{d,t}(s)_j}.
 * Both are computed in {@code O(n)} per query from running log-sum-exps, with every exponential of a
 * non-positive number, so nothing under- or overflows.
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
     * @param suffixLogSumExp scratch space with at least {@code n + 1} entries
     * @return the loss value
     */
    public static double lossAndGradient(double[] scores, int[] order, int[] tierStarts, double[] gradient,
            double[] suffixLogSumExp) {
        int tiers = tierStarts.length - 1;
        int n = order.length;

        // Backward pass: R_t = logsumexp over the documents of tier t and below, stored at index t (R_m = -inf).
        double running = Double.NEGATIVE_INFINITY;
        suffixLogSumExp[tiers] = running;
        int tier = tiers - 1;
        for (int position = n - 1; position >= 0; position--) {
            running = logAddExp(running, scores[order[position]]);
            if (position == tierStarts[tier]) {
                suffixLogSumExp[tier] = running;
                tier--;
            }
        }

        // Forward pass. 'received' = log of sum over earlier tiers t of (1/|T_t|) sum_{d in T_t} exp(-lse_{d,t}),
        // so a document j below them receives exp(s_j + received).
        double loss = 0;
        double received = Double.NEGATIVE_INFINITY;
        for (tier = 0; tier < tiers; tier++) {
            int from = tierStarts[tier];
            int to = tierStarts[tier + 1];
            double lower = suffixLogSumExp[tier + 1];
            boolean hasTerm = tier < tiers - 1;
            double inverseSize = 1.0 / (to - from);
            double tierTerms = Double.NEGATIVE_INFINITY;
            for (int position = from; position < to; position++) {
                int doc = order[position];
                double fromEarlierTiers = Math.exp(scores[doc] + received);
                if (hasTerm) {
                    double own = logAddExp(scores[doc], lower);
                    loss += (own - scores[doc]) * inverseSize;
                    gradient[doc] = fromEarlierTiers + (Math.exp(scores[doc] - own) - 1) * inverseSize;
                    tierTerms = logAddExp(tierTerms, -own);
                } else {
                    gradient[doc] = fromEarlierTiers;
                }
            }
            if (hasTerm) {
                received = logAddExp(received, tierTerms + Math.log(inverseSize));
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
