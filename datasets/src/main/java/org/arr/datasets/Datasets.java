package org.arr.datasets;

import java.util.List;
import java.util.Map;
import org.arr.data.DatasetLoader;
import org.arr.data.RankingTask;
import org.arr.datasets.beir.BeirLoader;
import org.arr.datasets.beir.LimitSmallLoader;
import org.arr.datasets.esci.EsciLoader;
import org.arr.datasets.synthetic.SyntheticLoader;
import org.arr.datasets.trec.TrecLoader;
import org.arr.datasets.wordnet.WordNetLoader;
import org.arr.util.ClosestName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of dataset loaders. A dataset spec is {@code name} or {@code name:argument}, for example
 * {@code limit-small}, {@code beir:/data/scifact} or {@code synthetic:complete}; the argument is
 * everything after the first colon.
 */
public final class Datasets {

    private static final Logger LOG = LoggerFactory.getLogger(Datasets.class);

    private static final List<DatasetLoader> LOADERS = List.of(
            new LimitSmallLoader(),
            new BeirLoader(),
            new WordNetLoader(),
            new EsciLoader(),
            new TrecLoader(),
            new SyntheticLoader());

    private Datasets() {
    }

    /** Returns every registered loader, in the order {@code arr datasets list} shows them. */
    public static List<DatasetLoader> loaders() {
        return LOADERS;
    }

    /**
     * Returns the loader of a name.
     *
     * @throws IllegalArgumentException if no loader has that name; the message lists the known names and
     *     suggests the closest one
     */
    public static DatasetLoader loader(String name) {
        for (DatasetLoader loader : LOADERS) {
            if (loader.name().equals(name)) {
                return loader;
            }
        }
        List<String> names = LOADERS.stream().map(DatasetLoader::name).toList();
        throw new IllegalArgumentException(ClosestName.unknownNameMessage("dataset", name, names));
    }

    /**
     * Loads the task of a dataset spec.
     *
     * @param spec {@code name} or {@code name:argument}
     * @param options loader options (from a config or {@code -o key=value}); null means none
     * @throws IllegalArgumentException if the name, the argument or an option is invalid
     * @throws org.arr.data.InputFormatException if a file is missing or malformed
     */
    public static RankingTask load(String spec, Map<String, Object> options) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("Missing dataset spec; use name or name:argument, e.g. limit-small");
        }
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec.trim() : spec.substring(0, colon).trim();
        String argument = colon < 0 ? "" : spec.substring(colon + 1);
        DatasetLoader loader = loader(name);

        long start = System.nanoTime();
        LOG.info("Loading dataset {}", spec);
        RankingTask task = loader.load(argument, options == null ? Map.of() : options);
        LOG.info("Loaded dataset {}: {} documents, {} queries, {} judgments in {} ms", spec, task.corpus().size(),
                task.queries().size(), task.qrels().size(), (System.nanoTime() - start) / 1_000_000);
        return task;
    }
}
