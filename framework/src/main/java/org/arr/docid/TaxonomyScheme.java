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
 * <p>Vocabulary, option {@code taxonomyTokens}:
 * <ul>
 *   <li>{@value #LABEL_TOKENS} (default): one token per distinct label, shared by all depths, with ids in
 *       {@link String#compareTo} order of the labels. Sharing is chosen because in a hierarchy with multiple
 *       inheritance, such as WordNet, the same node is reached through paths of different lengths. One token
 *       per node lets the model learn one embedding per concept wherever it occurs, and {@code V} is the
 *       number of nodes (about the corpus size when every document is itself a node).</li>
 *   <li>{@value #CHILD_INDEX_TOKENS}: the token at depth {@code i} is the position of the label among the
 *       distinct labels that follow the same prefix in the corpus paths ({@link String#compareTo} order), so
 *       {@code V} is the largest branching factor plus the special tokens, at the cost of tokens that mean
 *       different nodes under different prefixes.</li>
 * </ul>
 * The end token keeps a document whose path is a prefix of another's (an inner node that is itself a
 * document) distinct.
 */
public final class TaxonomyScheme implements DocIdScheme {

    public static final String NAME = "taxonomy";

    /** Value of {@code taxonomyTokens}: one token per node label. */
    public static final String LABEL_TOKENS = "label";

    /** Value of {@code taxonomyTokens}: one token per position among siblings. */
    public static final String CHILD_INDEX_TOKENS = "child-index";

    private static final Logger LOG = LoggerFactory.getLogger(TaxonomyScheme.class);

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Assigns taxonomy paths; only {@code taxonomyTokens} applies.
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
        boolean childIndex = CHILD_INDEX_TOKENS.equals(options.taxonomyTokens());
        DocIds docIds = childIndex ? childIndexDocIds(paths) : labelDocIds(paths);
        return AssignmentLog.finish(LOG, docIds, start);
    }

    private static DocIds labelDocIds(List<List<String>> paths) {
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
        return EndTokenDocIds.build(NAME, Map.of("taxonomyTokens", LABEL_TOKENS), bodies, labels);
    }

    private static DocIds childIndexDocIds(List<List<String>> paths) {
        Map<List<String>, TreeSet<String>> childrenOfPrefix = new HashMap<>();
        for (List<String> path : paths) {
            for (int depth = 0; depth < path.size(); depth++) {
                childrenOfPrefix.computeIfAbsent(path.subList(0, depth), prefix -> new TreeSet<>()).add(path.get(depth));
            }
        }
        int maxBranching = 0;
        for (TreeSet<String> children : childrenOfPrefix.values()) {
            maxBranching = Math.max(maxBranching, children.size());
        }

        int[][] bodies = new int[paths.size()][];
        for (int i = 0; i < bodies.length; i++) {
            List<String> path = paths.get(i);
            bodies[i] = new int[path.size()];
            for (int depth = 0; depth < path.size(); depth++) {
                bodies[i][depth] = childrenOfPrefix.get(path.subList(0, depth)).headSet(path.get(depth)).size();
            }
        }
        return EndTokenDocIds.build(NAME, Map.of("taxonomyTokens", CHILD_INDEX_TOKENS), bodies,
                SequentialScheme.digitLabels(maxBranching));
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
