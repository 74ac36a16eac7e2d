package org.arr.metric;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.arr.data.Qrels;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;

/**
 * Evaluates a run against qrels as trec_eval 9.0.8 does.
 *
 * <ul>
 *   <li>Queries are the qrels queries in {@code strcmp} order of their ids. A run query without judgments is
 *       ignored. A qrels query whose judgments are all 0 is evaluated (recall, nDCG and the rest score 0).
 *   <li>By default the summary averages over queries in both qrels and run. With
 *       {@link EvaluationOptions#complete()} (trec_eval {@code -c}) it averages over every qrels query; a
 *       query missing from the run gets 0 for every measure, counts in {@code num_q}, and adds nothing to the
 *       {@code num_*} totals (trec_eval 9.0.8 does not evaluate such a query, so its {@code num_rel} is not
 *       added either).
 *   <li>A run query with an empty list counts as missing from the run, because a TREC run file cannot
 *       express it.
 * </ul>
 */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Evaluates a run.
     *
     * @param measures the measures to compute, in the order the result keeps
     * @throws IllegalArgumentException if no measure is given, no query is in both qrels and run, a score is
     *     NaN or a document is retrieved twice for a query
     */
    public static EvaluationResult evaluate(Qrels qrels, Run run, List<Measure> measures, EvaluationOptions options) {
        if (measures.isEmpty()) {
            throw new IllegalArgumentException("No measure given: name at least one, e.g. ndcg_cut.10");
        }
        List<String> qrelsQueries = new ArrayList<>(qrels.queryIds());
        qrelsQueries.sort(TrecOrder::compare);

        List<String> queryIds = new ArrayList<>();
        Set<String> filled = new LinkedHashSet<>();
        List<double[]> rows = new ArrayList<>();
        for (String queryId : qrelsQueries) {
            List<ScoredDocument> ranking = run.ranking(queryId);
            if (ranking.isEmpty()) {
                if (options.complete()) {
                    queryIds.add(queryId);
                    filled.add(queryId);
                    rows.add(new double[measures.size()]);
                }
                continue;
            }
            RankedQuery ranked = RankedQuery.of(queryId, qrels.judgments(queryId), ranking, options.gain());
            double[] row = new double[measures.size()];
            for (int m = 0; m < row.length; m++) {
                row[m] = measures.get(m).compute(ranked);
            }
            queryIds.add(queryId);
            rows.add(row);
        }

        int evaluated = queryIds.size() - filled.size();
        if (evaluated == 0) {
            throw new IllegalArgumentException("No query appears in both the qrels (" + qrels.queryIds().size()
                    + " queries) and the run (" + run.queryIds().size() + " queries): check that both use the same "
                    + "query ids");
        }
        double[][] values = rows.toArray(new double[0][]);
        double[] summary = summarize(measures, values, queryIds.size());
        return new EvaluationResult(measures, queryIds, filled, values, summary);
    }

    /** Sums each measure over queries in query order, as trec_eval accumulates, then averages all but the counts. */
    private static double[] summarize(List<Measure> measures, double[][] values, int averagedQueries) {
        double[] summary = new double[measures.size()];
        for (int m = 0; m < summary.length; m++) {
            MeasureFamily family = measures.get(m).family();
            if (family == MeasureFamily.NUM_Q) {
                summary[m] = averagedQueries;
                continue;
            }
            double sum = 0;
            for (double[] row : values) {
                sum += row[m];
            }
            summary[m] = family.isCount() ? sum : sum / averagedQueries;
        }
        return summary;
    }
}
