package org.arr.datasets.beir;

import java.util.List;
import java.util.Map;
import org.arr.data.DatasetLoader;
import org.arr.data.RankingTask;
import org.arr.datasets.LoaderOptions;

/**
 * The built-in {@code limit-small} dataset: LIMIT-small (46 documents, 1,000 queries, 2 relevant documents
 * per query) in BEIR layout, read from the classpath. Source: google-deepmind/limit, folder
 * {@code data/limit-small}, from "On the Theoretical Limitations of Embedding-Based Retrieval" (Weller,
 * Boratko, Naim, Lee; arXiv 2508.21038, 2025), licensed CC BY 4.0; the attribution ships next to the files
 * as {@code NOTICE.md}.
 */
public final class LimitSmallLoader implements DatasetLoader {

    /** The classpath folder of the files. */
    public static final String RESOURCE_FOLDER = "org/arr/datasets/limit-small";

    @Override
    public String name() {
        return "limit-small";
    }

    @Override
    public String description() {
        return "LIMIT-small, built in: 46 documents, 1,000 queries with 2 relevant documents each (CC BY 4.0)";
    }

    /**
     * Reads the built-in files.
     *
     * @throws IllegalArgumentException if an argument or an option is given (this dataset takes none)
     */
    @Override
    public RankingTask load(String argument, Map<String, Object> options) {
        new LoaderOptions("limit-small", options, List.of());
        if (!argument.isEmpty()) {
            throw new IllegalArgumentException("Dataset limit-small takes no argument, got 'limit-small:" + argument
                    + "'; use limit-small");
        }
        return BeirReader.read("limit-small", BeirSource.classpath(RESOURCE_FOLDER));
    }
}
