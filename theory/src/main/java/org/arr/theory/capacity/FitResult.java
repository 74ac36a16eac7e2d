package org.arr.theory.capacity;

/**
 * The outcome of fitting free embeddings to a set of ranking targets in one dimension.
 *
 * @param dim embedding dimension
 * @param realizedQueries queries whose target the best restart realized exactly
 * @param queryCount all queries
 * @param steps Adam steps summed over the restarts that ran
 * @param restartsRun restarts that ran (fitting stops at the first success)
 * @param seconds wall-clock time of the whole fit
 * @param embeddings the embeddings of the best restart (most queries realized)
 */
public record FitResult(int dim, int realizedQueries, int queryCount, long steps, int restartsRun, double seconds,
        FreeEmbeddings embeddings) {

    /** Returns whether every query's target was realized. */
    public boolean success() {
        return realizedQueries == queryCount;
    }

    /** Returns the fraction of queries whose target was realized. */
    public double fractionRealized() {
        return realizedQueries / (double) queryCount;
    }
}
