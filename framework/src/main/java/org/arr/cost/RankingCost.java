package org.arr.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cost of ranking a set of queries at evaluation, averaged per query.
 *
 * <p>Conventions: a forward pass is one input sequence through one model (a batched forward of {@code b} rows
 * counts {@code b}). A dual encoder's document encodings happen once per corpus and are spread over the queries
 * ranked with that index, so its passes per query are {@code 1 + corpus size / queries}. A cross encoder scoring
 * every document costs {@code corpus size} passes per query; re-ranking the top {@code K} costs {@code K} plus the
 * first stage. ARR costs one pass per decoder row that beam search or exhaustive scoring evaluates. FLOPs are the
 * estimate of {@code TransformerFlops}. Wall time covers everything the ranking did, index building included.
 *
 * @param queries number of queries ranked
 * @param forwardPasses total forward passes
 * @param flops total estimated FLOPs
 * @param wallNanos total wall time in nanoseconds
 */
public record RankingCost(int queries, long forwardPasses, double flops, long wallNanos) {

    /** Name of the forward passes per query in {@code metrics.json}. */
    public static final String FORWARD_PASSES_PER_QUERY = "forward_passes_per_query";
    /** Name of the estimated FLOPs per query in {@code metrics.json}. */
    public static final String FLOPS_PER_QUERY = "flops_per_query";
    /** Name of the wall milliseconds per query in {@code metrics.json}. */
    public static final String MS_PER_QUERY = "ms_per_query";
    /** The three names, in the order {@link #toMetrics} writes them. */
    public static final List<String> NAMES = List.of(FORWARD_PASSES_PER_QUERY, FLOPS_PER_QUERY, MS_PER_QUERY);

    /**
     * @throws IllegalArgumentException if {@code queries < 1} or a total is negative or not finite
     */
    public RankingCost {
        if (queries < 1) {
            throw new IllegalArgumentException("A ranking cost needs at least one query, got " + queries);
        }
        if (forwardPasses < 0 || !(flops >= 0) || Double.isInfinite(flops) || wallNanos < 0) {
            throw new IllegalArgumentException("Invalid cost totals: " + forwardPasses + " passes, " + flops + " FLOPs, "
                    + wallNanos + " ns");
        }
    }

    static RankingCost of(int queries, long forwardPasses, double flops, long wallNanos) {
        return new RankingCost(queries, forwardPasses, flops, wallNanos);
    }

    public double forwardPassesPerQuery() {
        return (double) forwardPasses / queries;
    }

    public double flopsPerQuery() {
        return flops / queries;
    }

    public double msPerQuery() {
        return wallNanos / 1e6 / queries;
    }

    /** Returns the per-query values under their {@code metrics.json} names, in a fixed order. */
    public Map<String, Double> toMetrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(FORWARD_PASSES_PER_QUERY, forwardPassesPerQuery());
        metrics.put(FLOPS_PER_QUERY, flopsPerQuery());
        metrics.put(MS_PER_QUERY, msPerQuery());
        return metrics;
    }

    /** Returns the cost of running this ranking and then {@code next} over the same queries (e.g. DE then CE). */
    public RankingCost plus(RankingCost next) {
        if (next.queries != queries) {
            throw new IllegalArgumentException("Cannot add the cost of " + next.queries + " queries to that of " + queries);
        }
        return new RankingCost(queries, forwardPasses + next.forwardPasses, flops + next.flops, wallNanos + next.wallNanos);
    }
}
