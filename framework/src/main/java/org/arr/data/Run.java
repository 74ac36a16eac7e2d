package org.arr.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranked lists of documents, one per query: what a ranker returns and what TREC run files store.
 * Each list is kept in the order it was given; metrics re-sort by score (see the metric package for
 * the tie rule). Instances are immutable.
 */
public final class Run {

    private final String tag;
    private final Map<String, List<ScoredDocument>> rankings;

    /**
     * Creates a run.
     *
     * @param tag the run tag written in the sixth column of TREC run files; no whitespace
     * @param rankings query id to ranked list
     * @throws IllegalArgumentException if the tag is blank or contains whitespace
     */
    public Run(String tag, Map<String, List<ScoredDocument>> rankings) {
        if (tag == null || tag.isEmpty() || tag.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Invalid run tag '" + tag + "': it must be non-empty, without whitespace");
        }
        this.tag = tag;
        Map<String, List<ScoredDocument>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<ScoredDocument>> entry : rankings.entrySet()) {
            copy.put(entry.getKey(), Collections.unmodifiableList(new ArrayList<>(entry.getValue())));
        }
        this.rankings = Collections.unmodifiableMap(copy);
    }

    public String tag() {
        return tag;
    }

    /** Returns the ids of the queries with a ranked list, in insertion order. */
    public Set<String> queryIds() {
        return rankings.keySet();
    }

    /** Returns the ranked list of a query, or an empty list when the run has none. */
    public List<ScoredDocument> ranking(String queryId) {
        return rankings.getOrDefault(queryId, List.of());
    }

    /** Returns all ranked lists. */
    public Map<String, List<ScoredDocument>> rankings() {
        return rankings;
    }

    /** Returns the number of (query, document) lines the run has. */
    public long size() {
        long lines = 0;
        for (List<ScoredDocument> ranking : rankings.values()) {
            lines += ranking.size();
        }
        return lines;
    }
}
