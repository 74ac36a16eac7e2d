package org.arr.theory.experiment;

import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import org.apache.commons.math3.fitting.PolynomialCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.arr.theory.capacity.CriticalNSearch;
import org.arr.theory.capacity.FitSettings;
import org.arr.theory.capacity.FreeEmbeddingFitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LIMIT's free-embedding experiment (Weller et al., arXiv 2508.21038): for each dimension, the largest number of
 * documents {@code n} for which free query and document embeddings realize every top-{@code k} set, with all
 * {@code C(n, k)} subsets as queries, trained with InfoNCE. Found by {@link CriticalNSearch}.
 *
 * <p>The result measures what gradient-based optimization finds, not what the geometry allows. In exact
 * arithmetic the critical {@code n} is unbounded once {@code dim >= 2k}: documents on the moment curve
 * {@code x(t) = (t, t^2, ..., t^{2k})} are the vertices of a cyclic polytope, which is {@code k}-neighborly, and the
 * query made of the coefficients of {@code -prod_{i in S} (t - t_i)^2} puts exactly the set {@code S} on top. A
 * finite critical {@code n} for such dimensions is therefore a property of the optimizer and its budget.
 */
public final class CriticalNExperiment {

    private static final Logger LOG = LoggerFactory.getLogger(CriticalNExperiment.class);

    /**
     * Settings of a run.
     *
     * @param k relevant documents per query
     * @param dims the dimensions to search, in order
     * @param maxN the largest {@code n} tried
     * @param fit free-embedding fit settings
     */
    public record Config(int k, int[] dims, int maxN, FitSettings fit) {

        /**
         * Validates the settings.
         *
         * @throws IllegalArgumentException if {@code k < 1}, no dimension is given, a dimension is below 1, or
         *     {@code maxN <= k}
         */
        public Config {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1, got " + k);
            }
            if (dims.length == 0) {
                throw new IllegalArgumentException("At least one dimension is required");
            }
            for (int dim : dims) {
                if (dim < 1) {
                    throw new IllegalArgumentException("Dimensions must be >= 1, got " + dim);
                }
            }
            if (maxN <= k) {
                throw new IllegalArgumentException("maxN must exceed k = " + k + ", got " + maxN);
            }
            dims = dims.clone();
        }
    }

    /**
     * One fit of the search.
     *
     * @param dim embedding dimension
     * @param n number of documents
     * @param queries {@code C(n, k)}
     * @param fractionRealized fraction of top-{@code k} sets realized
     * @param seconds wall-clock seconds of the fit
     */
    public record Probe(int dim, int n, int queries, double fractionRealized, double seconds) {
    }

    /**
     * The result for one dimension.
     *
     * @param dim embedding dimension
     * @param criticalN the largest {@code n} realized completely
     * @param reachedMaxN whether the search stopped at {@code maxN} with every fit a success
     * @param seconds wall-clock seconds of the whole search
     */
    public record DimensionResult(int dim, int criticalN, boolean reachedMaxN, double seconds) {
    }

    /**
     * Everything a run measured.
     *
     * @param k relevant documents per query
     * @param results one per dimension, in the order searched
     * @param probes every fit, in order
     */
    public record Report(int k, List<DimensionResult> results, List<Probe> probes) {
        public Report {
            results = List.copyOf(results);
            probes = List.copyOf(probes);
        }

        /**
         * Fits {@code critical n = c_0 + c_1 dim + ... + c_p dim^p} by least squares to the dimensions whose search
         * stopped below the maximum {@code n} (LIMIT fits a cubic). The degree drops to two less than the number
         * of such points when there are few, so the fit never just interpolates.
         *
         * @return the coefficients {@code c_0 .. c_p}, or an empty array with fewer than 3 points
         */
        public double[] polynomialFit(int degree) {
            WeightedObservedPoints points = new WeightedObservedPoints();
            int count = 0;
            for (DimensionResult result : results) {
                if (!result.reachedMaxN()) {
                    points.add(result.dim(), result.criticalN());
                    count++;
                }
            }
            if (count < 3) {
                return new double[0];
            }
            return PolynomialCurveFitter.create(Math.min(degree, count - 2)).fit(points.toList());
        }
    }

    private final Config config;

    public CriticalNExperiment(Config config) {
        this.config = config;
    }

    /** Runs the search for every dimension, with a progress bar on stderr. */
    public Report run() {
        int k = config.k();
        CriticalNSearch search = new CriticalNSearch(new FreeEmbeddingFitter(), config.fit());
        List<DimensionResult> results = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        LOG.info("Critical n for top-{} sets, dims {}", k, java.util.Arrays.toString(config.dims()));
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("critical n, top-" + k)
                .setInitialMax(config.dims().length).continuousUpdate().build()) {
            for (int dim : config.dims()) {
                long start = System.nanoTime();
                CriticalNSearch.Result result = search.criticalN(dim, n -> SyntheticTargets.topK(n, k), k + 1,
                        config.maxN(), probe -> {
                            probes.add(new Probe(dim, probe.n(), probe.result().queryCount(),
                                    probe.result().fractionRealized(), probe.result().seconds()));
                            bar.setExtraMessage("dim=" + dim + " n=" + probe.n() + ": " + probe.result().realizedQueries()
                                    + "/" + probe.result().queryCount());
                        });
                double seconds = (System.nanoTime() - start) / 1e9;
                results.add(new DimensionResult(dim, result.criticalN(), result.reachedMaxN(), seconds));
                LOG.info("dim {}: critical n {}{} ({} fits, {} s)", dim, result.criticalN(),
                        result.reachedMaxN() ? " (reached maxN)" : "", result.probes().size(),
                        String.format(java.util.Locale.ROOT, "%.1f", seconds));
                bar.step();
            }
        }
        return new Report(k, results, probes);
    }
}
