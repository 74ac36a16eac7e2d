package org.arr.datasets.wordnet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import org.arr.data.Corpus;
import org.arr.data.Document;
import org.arr.data.Qrels;
import org.arr.data.Queries;
import org.arr.data.Query;
import org.arr.data.RankingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@code hypernym-ancestors} task from the WordNet noun hierarchy below a root synset.
 *
 * <ul>
 *   <li>Corpus: the root and every synset reachable from it by hyponym links (and instance-hyponym links
 *       when instances are included), ids as in {@link SynsetKeys#key}. Title = first lemma; text = all
 *       lemmas, comma-separated, then the gloss.</li>
 *   <li>Queries: the synsets of the subtree with at least {@code minAncestors} ancestors inside it. Text =
 *       the first lemma, optionally followed by {@code ": "} and the gloss.</li>
 *   <li>Qrels: the query's ancestors inside the subtree, over all hypernym paths. With {@code d(q, a)} the
 *       shortest number of hypernym steps from query {@code q} to ancestor {@code a} and
 *       {@code D(q) = max_a d(q, a)}, the grade is {@code rel(q, a) = D(q) + 1 - d(q, a)}: direct hypernyms
 *       get the highest grade {@code D(q)}, each further step costs one, and the farthest ancestor gets 1.
 *       The query synset itself is never judged.</li>
 *   <li>Taxonomy: per document, the synset keys from the root down to the document along one canonical
 *       shortest path: among the shortest paths from the root, the one whose key sequence is smallest
 *       lexicographically (keys have fixed width, so this compares offsets).</li>
 * </ul>
 * A hypernym path that leaves the subtree cannot re-enter it (a synset with a hypernym inside the subtree
 * is itself inside), so distances measured inside the subtree equal those in the whole hierarchy.
 */
public final class HypernymAncestors {

    private static final Logger LOG = LoggerFactory.getLogger(HypernymAncestors.class);

    private final boolean includeInstances;

    private final List<Synset> synsets = new ArrayList<>();
    private final Map<Long, Integer> positions = new HashMap<>();
    private int[] depths;
    private int[][] parents;

    private HypernymAncestors(boolean includeInstances) {
        this.includeInstances = includeInstances;
    }

    /**
     * Builds the task.
     *
     * @param root the root synset of the subtree
     * @param includeInstances whether instance hyponyms (e.g. named individuals) belong to the subtree and
     *     instance-hypernym links count as hypernym steps
     * @param minAncestors the number of ancestors inside the subtree a synset needs to become a query
     * @param queryGloss whether query text includes the gloss
     * @throws IllegalArgumentException if no synset of the subtree qualifies as a query
     * @throws JWNLException if the dictionary cannot be read
     */
    public static RankingTask build(String taskName, Synset root, boolean includeInstances, int minAncestors,
            boolean queryGloss) throws JWNLException {
        HypernymAncestors builder = new HypernymAncestors(includeInstances);
        builder.collectSubtree(root);
        builder.linkParents();
        return builder.toTask(taskName, root, minAncestors, queryGloss);
    }

    /** Collects the subtree in breadth-first order (children by offset), which also gives each synset's depth. */
    private void collectSubtree(Synset root) throws JWNLException {
        List<Integer> depthList = new ArrayList<>();
        ArrayDeque<Synset> queue = new ArrayDeque<>();
        positions.put(root.getOffset(), 0);
        synsets.add(root);
        depthList.add(0);
        queue.add(root);
        while (!queue.isEmpty()) {
            Synset synset = queue.poll();
            int depth = depthList.get(positions.get(synset.getOffset()));
            for (Synset child : linked(synset, PointerType.HYPONYM, PointerType.INSTANCES_HYPONYM)) {
                if (!positions.containsKey(child.getOffset())) {
                    positions.put(child.getOffset(), synsets.size());
                    synsets.add(child);
                    depthList.add(depth + 1);
                    queue.add(child);
                }
            }
        }
        depths = depthList.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Stores, per synset, the positions of its hypernyms that lie inside the subtree. */
    private void linkParents() throws JWNLException {
        parents = new int[synsets.size()][];
        for (int i = 0; i < synsets.size(); i++) {
            List<Synset> hypernyms = linked(synsets.get(i), PointerType.HYPERNYM, PointerType.INSTANCE_HYPERNYM);
            parents[i] = hypernyms.stream()
                    .map(hypernym -> positions.get(hypernym.getOffset()))
                    .filter(position -> position != null)
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
    }

    private RankingTask toTask(String taskName, Synset root, int minAncestors, boolean queryGloss) {
        List<Document> documents = new ArrayList<>(synsets.size());
        List<Query> queries = new ArrayList<>();
        Qrels.Builder qrels = Qrels.builder();
        int[] distances = new int[synsets.size()];
        Arrays.fill(distances, -1);

        for (int q = 0; q < synsets.size(); q++) {
            Synset synset = synsets.get(q);
            String key = SynsetKeys.key(synset);
            List<String> lemmas = synset.getWords().stream().map(Word::getLemma).toList();
            documents.add(new Document(key, lemmas.get(0), String.join(", ", lemmas) + ": " + synset.getGloss()));

            List<Integer> ancestors = ancestorsByDistance(q, distances);
            if (ancestors.size() >= minAncestors) {
                String text = queryGloss ? lemmas.get(0) + ": " + synset.getGloss() : lemmas.get(0);
                queries.add(new Query(key, text));
                int maxDistance = distances[ancestors.get(ancestors.size() - 1)];
                for (int ancestor : ancestors) {
                    qrels.add(key, SynsetKeys.key(synsets.get(ancestor)), maxDistance + 1 - distances[ancestor]);
                }
            }
            for (int ancestor : ancestors) {
                distances[ancestor] = -1;
            }
        }
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("No synset below root " + SynsetKeys.key(root) + " ("
                    + root.getWords().get(0).getLemma() + ") has " + minAncestors + " ancestors inside the subtree; "
                    + "choose a more general root");
        }
        LOG.info("WordNet subtree of {} ({}): {} synsets, {} queries", SynsetKeys.key(root),
                root.getWords().get(0).getLemma(), synsets.size(), queries.size());
        return new RankingTask(taskName, new Corpus(documents), new Queries(queries), qrels.build(), null, null,
                canonicalPaths());
    }

    /**
     * Runs a breadth-first search up the hypernym links of synset {@code q}, writing each ancestor's shortest
     * distance into {@code distances} (which the caller resets), and returns the ancestors ordered by
     * distance, then by key.
     */
    private List<Integer> ancestorsByDistance(int q, int[] distances) {
        List<Integer> ancestors = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(q);
        distances[q] = 0;
        while (!queue.isEmpty()) {
            int current = queue.poll();
            for (int parent : parents[current]) {
                if (distances[parent] < 0) {
                    distances[parent] = distances[current] + 1;
                    ancestors.add(parent);
                    queue.add(parent);
                }
            }
        }
        distances[q] = -1;
        ancestors.sort(Comparator.<Integer>comparingInt(a -> distances[a]).thenComparing(a -> SynsetKeys.key(synsets.get(a))));
        return ancestors;
    }

    /** Returns each synset's canonical path of keys from the root (see the class documentation). */
    private Map<String, List<String>> canonicalPaths() {
        List<List<String>> paths = new ArrayList<>(synsets.size());
        for (int i = 0; i < synsets.size(); i++) {
            List<String> best = null;
            for (int parent : parents[i]) {
                if (depths[parent] == depths[i] - 1 && (best == null || compare(paths.get(parent), best) < 0)) {
                    best = paths.get(parent);
                }
            }
            List<String> path = new ArrayList<>(best == null ? List.of() : best);
            path.add(SynsetKeys.key(synsets.get(i)));
            paths.add(List.copyOf(path));
        }
        Map<String, List<String>> taxonomy = new LinkedHashMap<>();
        for (int i = 0; i < synsets.size(); i++) {
            taxonomy.put(SynsetKeys.key(synsets.get(i)), paths.get(i));
        }
        return taxonomy;
    }

    private static int compare(List<String> left, List<String> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = left.get(i).compareTo(right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    /** Returns the synsets a synset links to by one of two pointer types, ordered by offset without repeats. */
    private List<Synset> linked(Synset synset, PointerType type, PointerType instanceType) throws JWNLException {
        List<Synset> targets = new ArrayList<>();
        for (Pointer pointer : synset.getPointers()) {
            boolean follow = pointer.getType() == type || (includeInstances && pointer.getType() == instanceType);
            if (follow) {
                Synset target = pointer.getTargetSynset();
                if (targets.stream().noneMatch(known -> known.getOffset() == target.getOffset())) {
                    targets.add(target);
                }
            }
        }
        targets.sort(Comparator.comparingLong(Synset::getOffset));
        return targets;
    }
}
