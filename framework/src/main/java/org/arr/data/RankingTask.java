package org.arr.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A ranking task: corpus, queries, graded qrels and named splits, plus optional dataset knowledge that
 * some components use (a gain per relevance grade, a hierarchy path per document).
 *
 * <p>Every qrels entry refers to a known query and a known document (checked on construction). Splits
 * hold only judged queries. Instances are immutable; {@link #withSplits} returns a new task.
 */
public final class RankingTask {

    private final String name;
    private final Corpus corpus;
    private final Queries queries;
    private final Qrels qrels;
    private final Splits splits;
    private final boolean predefinedSplits;
    private final Map<Double, Double> gainMap;
    private final Map<String, List<String>> taxonomy;

    /**
     * Creates a task.
     *
     * @param name dataset name shown in logs and provenance, e.g. {@code limit-small}
     * @param predefinedSplits the dataset's own splits, or null to put every judged query in all three
     * @param gainMap gain per relevance grade for nDCG (ESCI's E=1.0, S=0.1, ...), or null for gain = grade
     * @param taxonomy per document id, its path of node labels from the root of a hierarchy, or null
     * @throws IllegalArgumentException if the corpus is empty, qrels name an unknown query or document,
     *     or a split names a query without judgments
     */
    public RankingTask(String name, Corpus corpus, Queries queries, Qrels qrels, Splits predefinedSplits,
            Map<Double, Double> gainMap, Map<String, List<String>> taxonomy) {
        this(name, corpus, queries, qrels, predefinedSplits, predefinedSplits != null, gainMap, taxonomy);
    }

    private RankingTask(String name, Corpus corpus, Queries queries, Qrels qrels, Splits splits,
            boolean predefinedSplits, Map<Double, Double> gainMap, Map<String, List<String>> taxonomy) {
        this.name = name;
        this.corpus = corpus;
        this.queries = queries;
        this.qrels = qrels;
        this.gainMap = gainMap == null ? null : Map.copyOf(gainMap);
        this.taxonomy = taxonomy == null ? null : Map.copyOf(taxonomy);
        validate();
        this.splits = splits == null ? Splits.transductive(judgedQueryIds()) : splits;
        this.predefinedSplits = predefinedSplits;
        for (String split : this.splits.names()) {
            for (String queryId : this.splits.queryIds(split)) {
                if (qrels.judgments(queryId).isEmpty()) {
                    throw new IllegalArgumentException("Split '" + split + "' of task '" + name + "' contains query '"
                            + queryId + "', which has no judgments");
                }
            }
        }
    }

    private void validate() {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("Task '" + name + "' has an empty corpus");
        }
        for (String queryId : qrels.queryIds()) {
            if (!queries.contains(queryId)) {
                throw new IllegalArgumentException("Qrels of task '" + name + "' judge query '" + queryId
                        + "', which is not in the query set");
            }
            for (String documentId : qrels.judgments(queryId).keySet()) {
                if (!corpus.contains(documentId)) {
                    throw new IllegalArgumentException("Qrels of task '" + name + "' judge document '" + documentId
                            + "' for query '" + queryId + "', but the corpus has no such document");
                }
            }
        }
    }

    /** Returns the ids of the queries with at least one judgment, in qrels order. */
    public List<String> judgedQueryIds() {
        return new ArrayList<>(qrels.queryIds());
    }

    /**
     * Returns this task with splits computed from a spec.
     *
     * @throws IllegalArgumentException if the spec is {@code PREDEFINED} and the dataset defines no splits of its
     *     own, or none named {@code test}
     */
    public RankingTask withSplits(SplitSpec spec) {
        Splits computed = switch (spec.kind()) {
            case RANDOM -> Splits.random(judgedQueryIds(), spec.devFraction(), spec.testFraction(), spec.seed());
            case TRANSDUCTIVE -> Splits.transductive(judgedQueryIds());
            case PREDEFINED -> {
                if (!predefinedSplits || !splits.has(Splits.TEST)) {
                    throw new IllegalArgumentException("Task '" + name
                            + "' defines no test split of its own; use a random or transductive split");
                }
                yield splits;
            }
        };
        boolean keptPredefined = spec.kind() == SplitSpec.Kind.PREDEFINED;
        return new RankingTask(name, corpus, queries, qrels, computed, keptPredefined, gainMap, taxonomy);
    }

    public String name() {
        return name;
    }

    public Corpus corpus() {
        return corpus;
    }

    public Queries queries() {
        return queries;
    }

    public Qrels qrels() {
        return qrels;
    }

    public Splits splits() {
        return splits;
    }

    /** Returns whether the dataset itself defined the current splits (as opposed to a computed split). */
    public boolean hasPredefinedSplits() {
        return predefinedSplits;
    }

    /** Returns the gain per relevance grade that the dataset prescribes for nDCG, if any. */
    public Optional<Map<Double, Double>> gainMap() {
        return Optional.ofNullable(gainMap);
    }

    /** Returns, per document id, its path of node labels from the hierarchy root, if the dataset has one. */
    public Optional<Map<String, List<String>>> taxonomy() {
        return Optional.ofNullable(taxonomy);
    }
}
