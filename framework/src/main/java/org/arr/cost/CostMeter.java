package org.arr.cost;

/**
 * Running totals of model forward passes and estimated FLOPs, fed by the counting decorators of this package.
 *
 * <p>Counting convention: a forward pass is one input sequence through one model. A batched forward of {@code b}
 * rows counts {@code b} passes, whatever the batch size, so the count does not depend on how rows were batched.
 * Not thread-safe.
 */
public final class CostMeter {

    private long forwardPasses;
    private double flops;

    /**
     * Adds forward passes and their estimated FLOPs.
     *
     * @throws IllegalArgumentException if a value is negative or not finite
     */
    public void record(long passes, double estimatedFlops) {
        if (passes < 0 || !(estimatedFlops >= 0) || Double.isInfinite(estimatedFlops)) {
            throw new IllegalArgumentException("Invalid cost: " + passes + " passes, " + estimatedFlops + " FLOPs");
        }
        forwardPasses += passes;
        flops += estimatedFlops;
    }

    public long forwardPasses() {
        return forwardPasses;
    }

    public double flops() {
        return flops;
    }

    /**
     * Returns the per-query cost of ranking {@code queries} queries with everything recorded so far and the given
     * wall time.
     *
     * @throws IllegalArgumentException if {@code queries < 1} or the wall time is negative
     */
    public RankingCost perQuery(int queries, long wallNanos) {
        return RankingCost.of(queries, forwardPasses, flops, wallNanos);
    }
}
