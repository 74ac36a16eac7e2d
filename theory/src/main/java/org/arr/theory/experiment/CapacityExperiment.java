package org.arr.theory.experiment;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.arr.theory.capacity.DimensionSearch;
import org.arr.theory.capacity.FitSettings;
import org.arr.theory.capacity.FreeEmbeddingFitter;
import org.arr.theory.capacity.RankingTargets;
import org.arr.theory.capacity.SearchProbe;
import org.arr.theory.construction.BinaryTreeConstruction;
import org.arr.theory.construction.ConstructionCheck;
import org.arr.theory.counting.OrderingCounts;
import org.arr.theory.transformer.TransformerCapacity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the smallest dimension that realizes every ranking, against the number of documents {@code n}, on the
 * complete ranking task (all {@code n!} permutations) and on task families of {@code m} sampled permutations. For
 * each {@code n} it records Cover's counting bound (the smallest {@code dim} with {@code N_lin(n, dim)} at least
 * the number of rankings, a lower bound for every dual encoder), the free-embedding dual encoder found by
 * {@link DimensionSearch} (an upper bound on the true minimum), and the binary-tree autoregressive construction,
 * whose hidden state has dimension 1 and is checked exactly by exhaustive scoring.
 */
public final class CapacityExperiment {

    private static final Logger LOG = LoggerFactory.getLogger(CapacityExperiment.class);

    /** Legend label of the free-embedding dual encoder curve. */
    public static final String DUAL_ENCODER_LABEL = "dual encoder, free embeddings (smallest dim found)";
    /** Legend label of the construction curve. */
    public static final String CONSTRUCTION_LABEL = "ARR construction, binary docIDs (hidden dim 1, exact check)";

    /**
     * Settings of a run.
     *
     * @param completeNs corpus sizes of the complete ranking task (each at most 10)
     * @param sampled the sampled-permutations task families, each run after the complete task in list order
     * @param fit free-embedding fit settings
     * @param taskSeed seed of the sampled permutations
     * @param transformer settings of the trained transformers (binary and atomic docIDs), or null to skip them
     * @param maxTransformerN the transformers are trained on the complete task only up to this many documents (each
     *     sampled family sets its own limit)
     * @param maxTransformerQueries the transformers are trained only on tasks with at most this many queries
     */
    public record Config(int[] completeNs, List<SampledTask> sampled, FitSettings fit, long taskSeed,
            TransformerCapacity.Settings transformer, int maxTransformerN, int maxTransformerQueries) {

        public Config {
            completeNs = completeNs.clone();
            sampled = List.copyOf(sampled);
        }

        /** Returns these settings without the last sampled-permutations family. */
        public Config withoutLastFamily() {
            return new Config(completeNs, sampled.subList(0, sampled.size() - 1), fit, taskSeed, transformer,
                    maxTransformerN, maxTransformerQueries);
        }

        /** Returns these settings with only the last sampled-permutations family (no complete task). */
        public Config lastFamilyOnly() {
            return new Config(new int[0], sampled.subList(sampled.size() - 1, sampled.size()), fit, taskSeed, transformer,
                    maxTransformerN, maxTransformerQueries);
        }

        /** Returns these settings with other transformer settings, or none when {@code settings} is null. */
        public Config withTransformer(TransformerCapacity.Settings settings) {
            return new Config(completeNs, sampled, fit, taskSeed, settings, maxTransformerN, maxTransformerQueries);
        }

        /**
         * Returns the settings of {@code --quick}: {@code n = 3..7} complete, {@code n = 6, 8, 10, 12, 16} with 500
         * sampled permutations and {@code n = 8} with 4000, 2 restarts of at most 2000 Adam steps per dual-encoder
         * fit, and transformers of {@code dModel} 4 (up to 10 repair rounds, 2 restarts): with binary and atomic
         * docIDs on complete {@code n = 3..7} and on the 500 sampled permutations of 6 documents (joint phase of at
         * most 2000 steps), and with binary docIDs on the 4000 permutations of 8 documents (4000 steps). Each of
         * these tasks from {@code n = 6} on has more distinct permutations than {@code N_lin(n, 4)}
         * ({@code 480, 1512, 3976} for {@code n = 6, 7, 8}), so no dual encoder of dimension 4 and no atomic-docID
         * transformer of {@code dModel} 4 realizes all of them.
         */
        public static Config quick(long seed) {
            return new Config(new int[] {3, 4, 5, 6, 7},
                    List.of(new SampledTask(500, new int[] {6, 8, 10, 12, 16}, 6, ALL_KINDS, 0),
                            new SampledTask(4000, new int[] {8}, 8, List.of(TransformerCapacity.DocIdKind.BINARY), 4000)),
                    new FitSettings(2000, 0.05, 300, 2, seed), seed, TransformerCapacity.Settings.defaults(2000, 2, seed),
                    7, 5040);
        }

        /**
         * Returns the full settings: {@code n = 3..8} complete, {@code n = 6..32} with 2000 sampled permutations
         * (dual encoder and construction only) and {@code n = 8} with 4000, and transformers (2 restarts) on the
         * complete tasks up to {@code n = 7} (joint phase of at most 4000 steps) and on the 4000 permutations of 8
         * documents (6000 steps).
         *
         * <p>NOTE: these settings have not been run to the end.
         */
        public static Config full(long seed) {
            return new Config(new int[] {3, 4, 5, 6, 7, 8},
                    List.of(new SampledTask(2000, new int[] {6, 7, 8, 10, 12, 16, 20, 24, 32}, 0, List.of(), 0),
                            new SampledTask(4000, new int[] {8}, 8, ALL_KINDS, 6000)),
                    new FitSettings(5000, 0.05, 500, 3, seed), seed, TransformerCapacity.Settings.defaults(4000, 2, seed),
                    7, 5040);
        }
    }

    private static final List<TransformerCapacity.DocIdKind> ALL_KINDS = List.of(TransformerCapacity.DocIdKind.values());

    /**
     * A family of sampled-permutations tasks: {@code queries} distinct permutations drawn for each corpus size.
     *
     * @param queries permutations drawn per corpus size
     * @param ns corpus sizes
     * @param maxTransformerN the transformers are trained only on the sizes up to this one (0: none)
     * @param transformerKinds the docID schemes of the transformers trained on this family
     * @param transformerSteps maximum joint-phase steps of those transformers, or 0 for the config's
     */
    public record SampledTask(int queries, int[] ns, int maxTransformerN, List<TransformerCapacity.DocIdKind> transformerKinds,
            int transformerSteps) {
        public SampledTask {
            ns = ns.clone();
            transformerKinds = List.copyOf(transformerKinds);
        }

        @Override
        public int[] ns() {
            return ns.clone();
        }
    }

    /**
     * The measurements for one corpus size of a task family.
     *
     * @param n number of documents
     * @param queries number of rankings to realize
     * @param countingBoundDim smallest {@code dim} with {@code N_lin(n, dim) >= queries}
     * @param dualEncoderDim smallest dimension at which free embeddings realized every ranking, or -1 if none did
     * @param constructionFraction fraction of rankings the construction realizes (1 means all)
     * @param transformerBinaryFraction fraction the trained transformer with binary docIDs realizes, NaN if not run
     * @param transformerAtomicFraction fraction the trained transformer with atomic docIDs realizes, NaN if not run
     */
    public record SizeResult(int n, int queries, int countingBoundDim, int dualEncoderDim, double constructionFraction,
            double transformerBinaryFraction, double transformerAtomicFraction) {
    }

    /**
     * The results of one task family.
     *
     * @param task task family label used in the CSV, e.g. {@code complete}
     * @param title human-readable title for plots
     * @param sizes one entry per corpus size, in the order run
     * @param curves the plotted curves: bounds, references and one per model
     */
    public record FamilyResult(String task, String title, List<SizeResult> sizes, List<CapacityCurve> curves) {
        public FamilyResult {
            sizes = List.copyOf(sizes);
            curves = List.copyOf(curves);
        }
    }

    /**
     * Everything a run measured.
     *
     * @param rows one row per fit, check and counting bound
     * @param families the curves per task family
     */
    public record Report(List<CapacityRow> rows, List<FamilyResult> families) {
        public Report {
            rows = List.copyOf(rows);
            families = List.copyOf(families);
        }
    }

    private final Config config;
    private final boolean showProgress;

    /** Creates an experiment that shows progress bars on stderr. */
    public CapacityExperiment(Config config) {
        this(config, true);
    }

    /** Creates an experiment; without {@code showProgress} the progress bars print nothing. */
    public CapacityExperiment(Config config, boolean showProgress) {
        this.config = config;
        this.showProgress = showProgress;
    }

    /**
     * Runs the complete task (unless it has no corpus sizes), then each sampled task family, showing one progress bar
     * per family on stderr.
     */
    public Report run() {
        List<CapacityRow> rows = new ArrayList<>();
        List<FamilyResult> families = new ArrayList<>();
        if (config.completeNs().length > 0) {
            families.add(runFamily("complete", "Complete ranking task (all n! permutations)", config.completeNs(),
                    config.maxTransformerN(), ALL_KINDS, 0, SyntheticTargets::complete, rows));
        }
        for (SampledTask sampled : config.sampled()) {
            int m = sampled.queries();
            families.add(runFamily("sampled(m=" + m + ")", m + " sampled permutations per n", sampled.ns(),
                    sampled.maxTransformerN(), sampled.transformerKinds(), sampled.transformerSteps(),
                    n -> SyntheticTargets.sampled(n, m, config.taskSeed()), rows));
        }
        return new Report(rows, families);
    }

    private FamilyResult runFamily(String task, String title, int[] ns, int maxTransformerN,
            List<TransformerCapacity.DocIdKind> kinds, int transformerSteps, IntFunction<RankingTargets> targetsForN,
            List<CapacityRow> rows) {
        LOG.info("Capacity on task {}: n = {}", task, Arrays.toString(ns));
        List<SizeResult> results = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Double> countingDims = new ArrayList<>();
        List<Double> dualEncoderDims = new ArrayList<>();
        List<Double> constructionDims = new ArrayList<>();
        TransformerCapacity.Settings transformer = kinds.isEmpty() ? null : config.transformer();
        if (transformer != null && transformerSteps > 0) {
            transformer = transformer.withMaxSteps(transformerSteps);
        }
        Map<TransformerCapacity.DocIdKind, List<Double>> transformerRealized = new EnumMap<>(TransformerCapacity.DocIdKind.class);
        Map<TransformerCapacity.DocIdKind, List<Double>> transformerFailed = new EnumMap<>(TransformerCapacity.DocIdKind.class);
        for (TransformerCapacity.DocIdKind kind : TransformerCapacity.DocIdKind.values()) {
            transformerRealized.put(kind, new ArrayList<>());
            transformerFailed.put(kind, new ArrayList<>());
        }
        DimensionSearch search = new DimensionSearch(new FreeEmbeddingFitter(), config.fit());

        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName("capacity " + task).setInitialMax(ns.length)
                .continuousUpdate();
        if (!showProgress) {
            builder.setConsumer(new DelegatingProgressBarConsumer(line -> { }));
        }
        try (ProgressBar bar = builder.build()) {
            for (int n : ns) {
                RankingTargets targets = targetsForN.apply(n);
                int queries = targets.queryCount();
                sizes.add(n);

                int bound = OrderingCounts.smallestLinearDimension(n, BigInteger.valueOf(queries));
                countingDims.add((double) bound);

                DimensionSearch.Result result = search.smallestDimension(targets, Math.max(1, n - 1),
                        probe -> bar.setExtraMessage(describe(probe)));
                dualEncoderDims.add(result.smallestDim() > 0 ? result.smallestDim() : Double.NaN);
                TreeSet<Integer> countedDims = new TreeSet<>(List.of(bound));
                for (SearchProbe probe : result.probes()) {
                    rows.add(new CapacityRow(task, "de_free_embeddings", "none", n, queries, probe.result().dim(),
                            probe.result().fractionRealized(), probe.result().seconds()));
                    countedDims.add(probe.result().dim());
                }
                for (int dim : countedDims) {
                    rows.add(countingRow(task, n, queries, dim));
                }

                ConstructionCheck.Result check = ConstructionCheck.check(targets);
                rows.add(new CapacityRow(task, "arr_construction", "binary", n, queries,
                        BinaryTreeConstruction.HIDDEN_DIMENSION, check.fractionRealized(), check.seconds()));
                constructionDims.add(check.success() ? BinaryTreeConstruction.HIDDEN_DIMENSION : Double.NaN);

                Map<TransformerCapacity.DocIdKind, Double> fractions = new EnumMap<>(TransformerCapacity.DocIdKind.class);
                for (TransformerCapacity.DocIdKind kind : TransformerCapacity.DocIdKind.values()) {
                    double fraction = Double.NaN;
                    if (transformer != null && kinds.contains(kind) && n <= maxTransformerN
                            && queries <= config.maxTransformerQueries()) {
                        bar.setExtraMessage("n=" + n + " transformer, " + kind.label() + " docIDs");
                        TransformerCapacity.Result trained = TransformerCapacity.train(targets, kind, transformer);
                        fraction = trained.fractionRealized();
                        rows.add(new CapacityRow(task, "arr_transformer", kind.label(), n, queries, transformer.dModel(),
                                fraction, trained.seconds()));
                        if (!countedDims.contains(transformer.dModel())) {
                            rows.add(countingRow(task, n, queries, transformer.dModel()));
                            countedDims.add(transformer.dModel());
                        }
                    }
                    fractions.put(kind, fraction);
                    double dModel = transformer == null ? Double.NaN : transformer.dModel();
                    transformerRealized.get(kind).add(fraction == 1.0 ? dModel : Double.NaN);
                    transformerFailed.get(kind).add(fraction < 1.0 ? dModel : Double.NaN);
                }
                results.add(new SizeResult(n, queries, bound, result.smallestDim(), check.fractionRealized(),
                        fractions.get(TransformerCapacity.DocIdKind.BINARY), fractions.get(TransformerCapacity.DocIdKind.ATOMIC)));

                LOG.info("task {} n {}: counting bound {}, free-embedding DE {}, construction realizes {}/{}", task, n,
                        bound, result.smallestDim(), check.realizedQueries(), check.queryCount());
                bar.step();
            }
        }
        List<CapacityCurve> curves = new ArrayList<>();
        curves.add(new CapacityCurve("counting bound (Cover): smallest dim with N_lin(n, dim) >= #rankings",
                CapacityCurve.Kind.BOUND, sizes, countingDims));
        curves.add(new CapacityCurve(DUAL_ENCODER_LABEL, CapacityCurve.Kind.MEASURED, sizes, dualEncoderDims));
        curves.add(new CapacityCurve(CONSTRUCTION_LABEL, CapacityCurve.Kind.MEASURED, sizes, constructionDims));
        if (transformer != null) {
            for (TransformerCapacity.DocIdKind kind : kinds) {
                String model = "ARR transformer, " + kind.label() + " docIDs, dModel " + transformer.dModel();
                if (kind == TransformerCapacity.DocIdKind.ATOMIC) {
                    model += " (at most N_lin(n, " + transformer.dModel() + ") rankings)";
                }
                curves.add(new CapacityCurve(model + ": every ranking realized", CapacityCurve.Kind.MEASURED, sizes,
                        transformerRealized.get(kind)));
                curves.add(new CapacityCurve(model + ": not every ranking realized", CapacityCurve.Kind.FAILED, sizes,
                        transformerFailed.get(kind)));
            }
        }
        // Drawn last, so it stays visible where a measured curve lies on it.
        List<Double> allRankingsDims = sizes.stream().map(n -> (double) (n - 1)).toList();
        if (!countingDims.equals(allRankingsDims)) {
            curves.add(new CapacityCurve("n - 1 (suffices for all n! rankings)", CapacityCurve.Kind.REFERENCE, sizes,
                    allRankingsDims));
        }
        return new FamilyResult(task, title, results, curves);
    }

    private static CapacityRow countingRow(String task, int n, int queries, int dim) {
        BigInteger count = OrderingCounts.linearOrderings(n, dim);
        double fraction = count.compareTo(BigInteger.valueOf(queries)) >= 0 ? 1.0
                : count.doubleValue() / queries;
        return new CapacityRow(task, "counting_bound", "none", n, queries, dim, fraction, 0);
    }

    private static String describe(SearchProbe probe) {
        return "n=" + probe.n() + " dim=" + probe.result().dim() + ": " + probe.result().realizedQueries() + "/"
                + probe.result().queryCount();
    }
}
