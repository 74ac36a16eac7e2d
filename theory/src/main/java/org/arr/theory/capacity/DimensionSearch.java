package org.arr.theory.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the smallest dimension in which free embeddings realize every target of a task. Success is monotone
 * in the dimension (embeddings of dimension {@code d} are embeddings of dimension {@code d+1} with a zero
 * coordinate), so the search gallops {@code 1, 2, 4, ...} until a fit succeeds and then bisects between the last
 * failure and the first success. The result is an upper bound on the true minimum, because a failed fit may be
 * an optimization failure; the counting bound of {@code org.arr.theory.counting.OrderingCounts} is the matching
 * lower bound.
 */
public final class DimensionSearch {

    private final FreeEmbeddingFitter fitter;
    private final FitSettings settings;

    public DimensionSearch(FreeEmbeddingFitter fitter, FitSettings settings) {
        this.fitter = fitter;
        this.settings = settings;
    }

    /**
     * The outcome of a search.
     *
     * @param smallestDim the smallest dimension whose fit succeeded, or -1 if none up to the maximum did
     * @param probes every fit made, in order
     */
    public record Result(int smallestDim, List<SearchProbe> probes) {
        public Result {
            probes = List.copyOf(probes);
        }
    }

    /**
     * Searches dimensions {@code 1 .. maxDim}.
     *
     * @param onProbe called after every fit (for progress reporting)
     * @throws IllegalArgumentException if {@code maxDim < 1}
     */
    public Result smallestDimension(RankingTargets targets, int maxDim, Consumer<SearchProbe> onProbe) {
        if (maxDim < 1) {
            throw new IllegalArgumentException("maxDim must be >= 1, got " + maxDim);
        }
        List<SearchProbe> probes = new ArrayList<>();
        int failed = 0;
        int succeeded = -1;
        int dim = 1;
        while (true) {
            if (fit(targets, dim, probes, onProbe)) {
                succeeded = dim;
                break;
            }
            failed = dim;
            if (dim == maxDim) {
                return new Result(-1, probes);
            }
            dim = Math.min(2 * dim, maxDim);
        }

        // Invariant: a fit failed at 'failed' (or failed = 0) and succeeded at 'succeeded'.
        while (succeeded - failed > 1) {
            int middle = (failed + succeeded) >>> 1;
            if (fit(targets, middle, probes, onProbe)) {
                succeeded = middle;
            } else {
                failed = middle;
            }
        }
        return new Result(succeeded, probes);
    }

    private boolean fit(RankingTargets targets, int dim, List<SearchProbe> probes, Consumer<SearchProbe> onProbe) {
        SearchProbe probe = new SearchProbe(targets.documentCount(), fitter.fit(targets, dim, settings));
        probes.add(probe);
        onProbe.accept(probe);
        return probe.result().success();
    }
}
