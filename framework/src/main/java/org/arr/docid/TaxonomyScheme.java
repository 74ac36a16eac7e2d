package org.arr.docid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.arr.data.Corpus;
import org.arr.data.RankingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path of each document in a hierarchy that the dataset provides ({@link RankingTask#taxonomy()}, e.g.
 * WordNet hypernyms from the root), one token per node label, then an end token; documents with identical
 * paths get a suffix {@code #j} before the end token (see {@link EndTokenDocIds}).
 *
 * <p>Vocabulary: one token per distinct label, shared by all depths, with ids in {@link String#compareTo}
 * order of the labels. Sharing is chosen because in a hierarchy with multiple inheritance, such as WordNet,
 * the same node is reached through paths of different lengths; one token per node lets the model learn one
 * embedding per concept wherever it occurs, and keeps {@code V} at the number of nodes. The end token keeps
 * a document whose path is a prefix of another's (an inner node that is itself a document) distinct.
 */
public final class TaxonomyScheme implements DocIdScheme {

    public static final String NAME = "taxonomy";

    private static final Logger LOG = LoggerFactory.getLogger(TaxonomyScheme.class);

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Assigns taxonomy paths; no option applies.
     *
     * @throws IllegalArgumentException if the task has no taxonomy, or the taxonomy lacks a path for some
     *     document of the corpus
     */
    @Override
    public DocIds assign(RankingTask task, DocIdOptions options) {
        Map<String, List<String>> taxonomy = task.taxonomy().orElseThrow(() -> new IllegalArgumentException(
                "Task '" + task.name() + "' has no taxonomy, so the taxonomy docID scheme cannot be used. It needs a dataset"
                        + " that gives every document a path in a hierarchy (e.g. WordNet hypernyms); choose another scheme"
                        + " (atomic, sequential, random, semantic, text)."));
        Corpus corpus = task.corpus();
        long start = AssignmentLog.start(LOG, NAME, corpus.size());

        List<List<String>> paths = pathsInCorpusOrder(task.name(), corpus, taxonomy);
        TreeSet<String> distinct = new TreeSet<>();
        paths.forEach(distinct::addAll);
        String[] labels = distinct.toArray(new String[0]);
        Map<String, Integer> tokenOf = new HashMap<>();
        for (int token = 0; token < labels.length; token++) {
            tokenOf.put(labels[token], token);
        }

        int[][] bodies = new int[paths.size()][];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = paths.get(i).stream().mapToInt(tokenOf::get).toArray();
        }
        return AssignmentLog.finish(LOG, EndTokenDocIds.build(NAME, Map.of(), bodies, labels), start);
    }

    private static List<List<String>> pathsInCorpusOrder(String taskName, Corpus corpus, Map<String, List<String>> taxonomy) {
        List<List<String>> paths = new ArrayList<>(corpus.size());
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            String id = corpus.get(i).id();
            List<String> path = taxonomy.get(id);
            if (path == null) {
                missing.add(id);
                path = List.of();
            }
            paths.add(path);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The taxonomy of task '" + taskName + "' has no path for " + missing.size()
                    + " of " + corpus.size() + " documents, e.g. " + missing.subList(0, Math.min(5, missing.size()))
                    + "; every document needs a path for the taxonomy docID scheme");
        }
        return paths;
    }
}
