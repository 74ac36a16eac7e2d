package org.arr.reports.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.arr.reports.load.RunRecord;
import org.arr.reports.stats.ConfidenceInterval;
import org.arr.reports.stats.HolmCorrection;
import org.arr.reports.stats.PairedComparison;
import org.arr.reports.stats.PairedTests;
import org.arr.reports.variant.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistics of a report: per variant and measure the mean over seeds with a 95% Student-t confidence
 * interval, and, given a baseline, paired tests of each other variant against it.
 *
 * <p>The tests pair queries by id. Each variant's per-query value is first averaged over its seeds (over the
 * seeds whose {@code per_query.tsv} has the query), so a test compares two vectors with one value per query;
 * only queries present in both variants are paired. The p-values of one measure and one test are
 * Holm-corrected over the compared variants (every variant but the baseline).
 */
public final class Comparison {

    private static final Logger LOG = LoggerFactory.getLogger(Comparison.class);

    private final List<Variant> variants;
    private final List<String> metrics;
    private final Variant baseline;
    private final double alpha;
    private final Map<String, Map<String, ConfidenceInterval>> intervals;
    private final Map<String, Map<String, MetricComparison>> comparisons;

    private Comparison(List<Variant> variants, List<String> metrics, Variant baseline, double alpha,
            Map<String, Map<String, ConfidenceInterval>> intervals, Map<String, Map<String, MetricComparison>> comparisons) {
        this.variants = variants;
        this.metrics = metrics;
        this.baseline = baseline;
        this.alpha = alpha;
        this.intervals = intervals;
        this.comparisons = comparisons;
    }

    /**
     * Computes intervals and, when {@code baseline} is present, the tests against it.
     *
     * @param variants the variants; the baseline is moved to the front
     * @param alpha significance level for the Holm-adjusted p-values, e.g. 0.05
     */
    public static Comparison compute(List<Variant> variants, List<String> metrics, Optional<Variant> baseline,
            double alpha) {
        List<Variant> ordered = new ArrayList<>(variants);
        baseline.ifPresent(base -> {
            ordered.remove(base);
            ordered.add(0, base);
        });

        Map<String, Map<String, ConfidenceInterval>> intervals = new LinkedHashMap<>();
        for (Variant variant : ordered) {
            Map<String, ConfidenceInterval> byMetric = new LinkedHashMap<>();
            for (String metric : metrics) {
                double[] values = variant.runs().stream().mapToDouble(run -> run.metrics().get(metric)).toArray();
                byMetric.put(metric, ConfidenceInterval.of(values, ConfidenceInterval.LEVEL_95));
            }
            intervals.put(variant.label(), byMetric);
        }

        Map<String, Map<String, MetricComparison>> comparisons = new LinkedHashMap<>();
        if (baseline.isPresent()) {
            comparisons = testAgainst(baseline.get(), ordered.subList(1, ordered.size()), metrics);
        }
        return new Comparison(List.copyOf(ordered), List.copyOf(metrics), baseline.orElse(null), alpha, intervals,
                comparisons);
    }

    private static Map<String, Map<String, MetricComparison>> testAgainst(Variant baseline, List<Variant> others,
            List<String> metrics) {
        Map<String, Map<String, MetricComparison>> comparisons = new LinkedHashMap<>();
        others.forEach(variant -> comparisons.put(variant.label(), new LinkedHashMap<>()));

        for (String metric : metrics) {
            Optional<Map<String, Double>> baseValues = perQueryMeans(baseline, metric);
            if (baseValues.isEmpty()) {
                continue;
            }
            List<Variant> tested = new ArrayList<>();
            List<PairedComparison> tests = new ArrayList<>();
            for (Variant variant : others) {
                Optional<Map<String, Double>> values = perQueryMeans(variant, metric);
                if (values.isEmpty()) {
                    continue;
                }
                TreeSet<String> shared = new TreeSet<>(values.get().keySet());
                shared.retainAll(baseValues.get().keySet());
                if (shared.isEmpty()) {
                    LOG.warn("{}: variant {} shares no query with the baseline; not tested", metric, variant.label());
                    continue;
                }
                if (shared.size() < Math.max(values.get().size(), baseValues.get().size())) {
                    LOG.warn("{}: variant {} and the baseline share {} of {} and {} queries; testing on the shared ones",
                            metric, variant.label(), shared.size(), values.get().size(), baseValues.get().size());
                }
                double[] x = shared.stream().mapToDouble(values.get()::get).toArray();
                double[] y = shared.stream().mapToDouble(baseValues.get()::get).toArray();
                tested.add(variant);
                tests.add(PairedTests.compare(x, y));
            }

            double[] tAdjusted = HolmCorrection.adjust(tests.stream().mapToDouble(PairedComparison::tPValue).toArray());
            double[] wAdjusted = HolmCorrection.adjust(tests.stream().mapToDouble(PairedComparison::wilcoxonPValue).toArray());
            for (int i = 0; i < tested.size(); i++) {
                comparisons.get(tested.get(i).label()).put(metric, new MetricComparison(tests.get(i), tAdjusted[i], wAdjusted[i]));
            }
        }
        return comparisons;
    }

    /**
     * Returns query id to the mean of the query's value over the variant's seeds, or empty when a run has no
     * per-query values for the measure.
     */
    static Optional<Map<String, Double>> perQueryMeans(Variant variant, String metric) {
        Map<String, double[]> sums = new TreeMap<>();
        for (RunRecord run : variant.runs()) {
            Map<String, Double> values = run.perQuery().get(metric);
            if (values == null) {
                return Optional.empty();
            }
            values.forEach((queryId, value) -> {
                double[] sum = sums.computeIfAbsent(queryId, q -> new double[2]);
                sum[0] += value;
                sum[1] += 1;
            });
        }
        Map<String, Double> means = new TreeMap<>();
        sums.forEach((queryId, sum) -> means.put(queryId, sum[0] / sum[1]));
        return Optional.of(means);
    }

    /** Returns the variants, the baseline first when there is one. */
    public List<Variant> variants() {
        return variants;
    }

    public List<String> metrics() {
        return metrics;
    }

    public Optional<Variant> baseline() {
        return Optional.ofNullable(baseline);
    }

    /** Returns the significance level applied to the Holm-adjusted p-values. */
    public double alpha() {
        return alpha;
    }

    /** Returns the mean and interval of a measure over a variant's seeds. */
    public ConfidenceInterval interval(Variant variant, String metric) {
        return intervals.get(variant.label()).get(metric);
    }

    /**
     * Returns the tests of a variant against the baseline on a measure; empty for the baseline itself, without a
     * baseline, or when per-query values are missing.
     */
    public Optional<MetricComparison> comparison(Variant variant, String metric) {
        return Optional.ofNullable(comparisons.getOrDefault(variant.label(), Collections.emptyMap()).get(metric));
    }

    /** Returns the smallest and largest number of seeds over the variants. */
    public int[] seedRange() {
        int min = variants.stream().mapToInt(variant -> variant.runs().size()).min().orElse(0);
        int max = variants.stream().mapToInt(variant -> variant.runs().size()).max().orElse(0);
        return new int[] {min, max};
    }

    /** Returns the Wilcoxon methods used, for the caption. */
    public List<PairedComparison.WilcoxonMethod> wilcoxonMethods() {
        TreeSet<PairedComparison.WilcoxonMethod> methods = new TreeSet<>();
        comparisons.values().forEach(byMetric -> byMetric.values().forEach(c -> methods.add(c.test().wilcoxonMethod())));
        return List.copyOf(methods);
    }
}
