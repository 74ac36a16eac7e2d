package org.arr.datasets.synthetic;

import java.util.List;
import java.util.Map;
import org.arr.data.DatasetLoader;
import org.arr.data.RankingTask;
import org.arr.datasets.LoaderOptions;

/**
 * The {@code synthetic} dataset: {@code synthetic:complete}, {@code synthetic:permutations},
 * {@code synthetic:top-k} and {@code synthetic:random}, built by {@link SyntheticTasks}.
 */
public final class SyntheticLoader implements DatasetLoader {

    /** The task kinds, in the order {@code arr datasets list} shows them. */
    public static final List<String> KINDS = List.of("complete", "permutations", "top-k", "random");

    @Override
    public String name() {
        return "synthetic";
    }

    @Override
    public String description() {
        return "synthetic:complete|permutations|top-k|random - seeded synthetic ranking tasks (options n, m, k, seed, ...)";
    }

    /**
     * Builds a synthetic task. Defaults: complete n=4; permutations n=8, m=1000, seed=0; top-k n=46, k=2
     * (the size of LIMIT-small); random documents=1000, queries=1000, relevantPerQuery=5, maxGrade=3, seed=0.
     *
     * @throws IllegalArgumentException if the kind is unknown or an option is invalid
     */
    @Override
    public RankingTask load(String argument, Map<String, Object> options) {
        String spec = "synthetic:" + argument;
        switch (argument) {
            case "complete" -> {
                LoaderOptions values = new LoaderOptions(spec, options, List.of("n"));
                return SyntheticTasks.completeRanking(values.intValue("n", 4, 1));
            }
            case "permutations" -> {
                LoaderOptions values = new LoaderOptions(spec, options, List.of("n", "m", "seed"));
                return SyntheticTasks.sampledPermutations(values.intValue("n", 8, 1), values.intValue("m", 1000, 1),
                        values.longValue("seed", 0, Long.MIN_VALUE));
            }
            case "top-k" -> {
                LoaderOptions values = new LoaderOptions(spec, options, List.of("n", "k"));
                return SyntheticTasks.topKSubsets(values.intValue("n", 46, 1), values.intValue("k", 2, 1));
            }
            case "random" -> {
                LoaderOptions values = new LoaderOptions(spec, options,
                        List.of("documents", "queries", "relevantPerQuery", "maxGrade", "seed"));
                return SyntheticTasks.randomGraded(values.intValue("documents", 1000, 1),
                        values.intValue("queries", 1000, 1), values.intValue("relevantPerQuery", 5, 1),
                        values.intValue("maxGrade", 3, 1), values.longValue("seed", 0, Long.MIN_VALUE));
            }
            default -> throw new IllegalArgumentException("Unknown synthetic task '" + argument
                    + "'; use one of synthetic:" + String.join(", synthetic:", KINDS));
        }
    }
}
