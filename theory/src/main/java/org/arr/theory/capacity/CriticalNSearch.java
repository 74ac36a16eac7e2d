package org.arr.theory.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Finds the critical {@code n} of a dimension: the largest number of documents for which free embeddings of
 * that dimension realize every target of a task family (for LIMIT's experiment, top-2 with all {@code C(n, 2)}
 * pairs as queries; Weller et al., "On the theoretical limitations of embedding-based retrieval", arXiv
 * 2508.21038). Success is monotone in {@code n} (dropping a document and its queries keeps a solution), so the
 * search gallops {@code n0, 2 n0, 4 n0, ...} until a fit fails and then bisects between the last success and
 * the first failure. A failed fit may be an optimization failure, so the result is a lower bound on the true
 * critical {@code n}.
 */
public final class CriticalNSearch {

    private final FreeEmbeddingFitter fitter;
    private final FitSettings settings;

    public CriticalNSearch(FreeEmbeddingFitter fitter, FitSettings settings) {
        this.fitter = fitter;
        this.settings = settings;
    }

    /**
     * The outcome of a search.
     *
     * @param dim the embedding dimension
     * @param criticalN the largest {@code n} whose fit succeeded, or {@code n0 - 1} if the first fit failed
     * @param reachedMaxN whether every {@code n} up to the maximum succeeded (the critical {@code n} is larger)
     * @param probes every fit made, in order
     */
    public record Result(int dim, int criticalN, boolean reachedMaxN, List<SearchProbe> probes) {
        public Result {
            probes = List.copyOf(probes);
        }
    }

    /**
     * Searches {@code n} in {@code [n0, maxN]}.
     *
     * @param task the targets for each {@code n}
     * @param onProbe called after every fit (for progress reporting)
     * @throws IllegalArgumentException if {@code dim < 1} or not {@code 1 <= n0 <= maxN}
     */
    public Result criticalN(int dim, IntFunction<RankingTargets> task, int n0, int maxN, Consumer<SearchProbe> onProbe) {
        if (dim < 1 || n0 < 1 || maxN < n0) {
            throw new IllegalArgumentException("Need dim >= 1 and 1 <= n0 <= maxN, got dim = " + dim + ", n0 = " + n0
                    + ", maxN = " + maxN);
        }
        List<SearchProbe> probes = new ArrayList<>();
        int succeeded = n0 - 1;
        int failed = -1;
        int n = n0;
        while (true) {
            if (fit(task.apply(n), dim, probes, onProbe)) {
                succeeded = n;
                if (n == maxN) {
                    return new Result(dim, maxN, true, probes);
                }
                n = Math.min(2 * n, maxN);
            } else {
                failed = n;
                break;
            }
        }

        // Invariant: every fit at 'succeeded' or below is assumed to succeed, the fit at 'failed' failed.
        while (failed - succeeded > 1) {
            int middle = (succeeded + failed) >>> 1;
            if (fit(task.apply(middle), dim, probes, onProbe)) {
                succeeded = middle;
            } else {
                failed = middle;
            }
        }
        return new Result(dim, succeeded, false, probes);
    }

    private boolean fit(RankingTargets targets, int dim, List<SearchProbe> probes, Consumer<SearchProbe> onProbe) {
        SearchProbe probe = new SearchProbe(targets.documentCount(), fitter.fit(targets, dim, settings));
        probes.add(probe);
        onProbe.accept(probe);
        return probe.result().success();
    }
}
