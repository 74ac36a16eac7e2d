package org.arr.metric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The outcome of an evaluation: per-query values (for significance tests) and the summary row trec_eval
 * prints as {@code all}. Queries are in trec_eval's order (query ids by {@code strcmp}); measures in the
 * order of {@link #measures()}. Immutable.
 */
public final class EvaluationResult {

    private final List<Measure> measures;
    private final Map<String, Integer> measureIndex;
    private final List<String> queryIds;
    private final Set<String> filledQueryIds;
    private final double[][] values;
    private final double[] summary;

    EvaluationResult(List<Measure> measures, List<String> queryIds, Set<String> filledQueryIds, double[][] values,
            double[] summary) {
        this.measures = List.copyOf(measures);
        this.measureIndex = new LinkedHashMap<>();
        for (int m = 0; m < measures.size(); m++) {
            measureIndex.put(measures.get(m).name(), m);
        }
        this.queryIds = List.copyOf(queryIds);
        this.filledQueryIds = Collections.unmodifiableSet(new LinkedHashSet<>(filledQueryIds));
        this.values = values;
        this.summary = summary;
    }

    /** Returns the measures, in trec_eval's print order when they came from {@link MeasureParser#parseAll}. */
    public List<Measure> measures() {
        return measures;
    }

    /**
     * Returns the queries with per-query values: the queries in both qrels and run and, when the evaluation
     * was complete, the qrels queries missing from the run (see {@link #filledQueryIds()}).
     */
    public List<String> queryIds() {
        return queryIds;
    }

    /** Returns the queries in both qrels and run, in order: the ones trec_eval prints with {@code -q}. */
    public List<String> evaluatedQueryIds() {
        List<String> evaluated = new ArrayList<>(queryIds.size());
        for (String queryId : queryIds) {
            if (!filledQueryIds.contains(queryId)) {
                evaluated.add(queryId);
            }
        }
        return evaluated;
    }

    /** Returns the qrels queries that the run does not answer and that score 0 everywhere (complete evaluation only). */
    public Set<String> filledQueryIds() {
        return filledQueryIds;
    }

    /**
     * Returns query id to (measure name to value), both in order. {@code num_q} has no per-query value and is
     * left out. A new map is built on each call.
     */
    public Map<String, Map<String, Double>> perQuery() {
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        for (int q = 0; q < queryIds.size(); q++) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (int m = 0; m < measures.size(); m++) {
                if (measures.get(m).family() != MeasureFamily.NUM_Q) {
                    row.put(measures.get(m).name(), values[q][m]);
                }
            }
            rows.put(queryIds.get(q), Collections.unmodifiableMap(row));
        }
        return Collections.unmodifiableMap(rows);
    }

    /**
     * Returns one measure's values for the queries of {@link #queryIds()}, in that order.
     *
     * @throws NoSuchElementException if the measure was not computed
     */
    public double[] values(String measureName) {
        int m = indexOf(measureName);
        double[] column = new double[queryIds.size()];
        for (int q = 0; q < column.length; q++) {
            column[q] = values[q][m];
        }
        return column;
    }

    /**
     * Returns one query's value of one measure.
     *
     * @throws NoSuchElementException if the query has no per-query values or the measure was not computed
     */
    public double value(String queryId, String measureName) {
        int q = queryIds.indexOf(queryId);
        if (q < 0) {
            throw new NoSuchElementException("Query '" + queryId + "' has no per-query values in this evaluation");
        }
        return values[q][indexOf(measureName)];
    }

    /**
     * Returns the summary value trec_eval prints in its {@code all} row: the mean over the averaged queries
     * for ranking measures; the total for {@code num_ret}, {@code num_rel} and {@code num_rel_ret}; and the
     * number of averaged queries for {@code num_q}.
     *
     * @throws NoSuchElementException if the measure was not computed
     */
    public double mean(String measureName) {
        return summary[indexOf(measureName)];
    }

    /** Returns measure name to summary value (see {@link #mean}), in measure order. */
    public Map<String, Double> summary() {
        Map<String, Double> row = new LinkedHashMap<>();
        for (int m = 0; m < measures.size(); m++) {
            row.put(measures.get(m).name(), summary[m]);
        }
        return Collections.unmodifiableMap(row);
    }

    private int indexOf(String measureName) {
        Integer m = measureIndex.get(measureName);
        if (m == null) {
            throw new NoSuchElementException("Measure '" + measureName + "' was not computed; computed: "
                    + measureIndex.keySet());
        }
        return m;
    }
}
