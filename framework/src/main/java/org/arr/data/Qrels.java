package org.arr.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Graded relevance judgments {@code rel(q, d) >= 0}. A document with {@code rel > 0} is relevant;
 * a judged document with {@code rel = 0} is judged non-relevant, which differs from an unjudged
 * document: {@link #relevance} returns an empty value only for the latter.
 *
 * <p>Instances are immutable; build them with {@link Builder}. Query order and, per query, document
 * order follow insertion order, so written qrels files are reproducible.
 */
public final class Qrels {

    private final Map<String, Map<String, Double>> judgments;
    private final int judgmentCount;

    private Qrels(Map<String, Map<String, Double>> judgments) {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        int count = 0;
        for (Map.Entry<String, Map<String, Double>> entry : judgments.entrySet()) {
            copy.put(entry.getKey(), Collections.unmodifiableMap(new LinkedHashMap<>(entry.getValue())));
            count += entry.getValue().size();
        }
        this.judgments = Collections.unmodifiableMap(copy);
        this.judgmentCount = count;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns the ids of all queries with at least one judgment, in insertion order. */
    public Set<String> queryIds() {
        return judgments.keySet();
    }

    /** Returns the judgments of one query (document id to relevance), empty if it has none. */
    public Map<String, Double> judgments(String queryId) {
        return judgments.getOrDefault(queryId, Map.of());
    }

    /** Returns {@code rel(q, d)}, or an empty value when the pair is unjudged. */
    public OptionalDouble relevance(String queryId, String documentId) {
        Double rel = judgments(queryId).get(documentId);
        return rel == null ? OptionalDouble.empty() : OptionalDouble.of(rel);
    }

    /** Returns the documents with {@code rel > 0} for a query, in insertion order. */
    public List<String> relevant(String queryId) {
        List<String> relevant = new ArrayList<>();
        for (Map.Entry<String, Double> entry : judgments(queryId).entrySet()) {
            if (entry.getValue() > 0) {
                relevant.add(entry.getKey());
            }
        }
        return relevant;
    }

    /** Returns the total number of (query, document) judgments. */
    public int size() {
        return judgmentCount;
    }

    /** Returns qrels restricted to the given queries (in this qrels' order). */
    public Qrels restrictTo(Set<String> queryIds) {
        Map<String, Map<String, Double>> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Double>> entry : judgments.entrySet()) {
            if (queryIds.contains(entry.getKey())) {
                kept.put(entry.getKey(), entry.getValue());
            }
        }
        return new Qrels(kept);
    }

    /** Collects judgments; rejects negative, non-finite or contradicting duplicate grades. */
    public static final class Builder {

        private final Map<String, Map<String, Double>> judgments = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds one judgment.
         *
         * @throws IllegalArgumentException if the relevance is negative or not finite, an id is invalid,
         *     or the pair was already judged with a different grade
         */
        public Builder add(String queryId, String documentId, double relevance) {
            IdRules.requireValidId(queryId, "query");
            IdRules.requireValidId(documentId, "document");
            if (!(relevance >= 0) || Double.isInfinite(relevance)) {
                throw new IllegalArgumentException("Invalid relevance " + relevance + " for query '" + queryId
                        + "' and document '" + documentId + "': relevance must be a finite number >= 0");
            }
            Map<String, Double> perQuery = judgments.computeIfAbsent(queryId, q -> new LinkedHashMap<>());
            Double previous = perQuery.putIfAbsent(documentId, relevance);
            if (previous != null && previous != relevance) {
                throw new IllegalArgumentException("Conflicting judgments for query '" + queryId + "' and document '"
                        + documentId + "': " + previous + " and " + relevance);
            }
            return this;
        }

        public Qrels build() {
            return new Qrels(judgments);
        }
    }
}
