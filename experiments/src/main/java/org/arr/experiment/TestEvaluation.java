package org.arr.experiment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arr.data.Qrels;
import org.arr.data.Run;
import org.arr.metric.EvaluationOptions;
import org.arr.metric.EvaluationResult;
import org.arr.metric.Evaluator;
import org.arr.metric.GainFunction;
import org.arr.metric.Measure;
import org.arr.metric.MeasureFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures of a run on the test split, averaged as trec_eval {@code -c} does: every test query counts, and a
 * query without a ranked list in the run scores 0 on every measure.
 *
 * @param summary measure name (as trec_eval prints it) to the mean over test queries
 * @param perQuery query id to (measure name to value), queries in trec_eval's order; {@code num_q} is left out
 */
public record TestEvaluation(Map<String, Double> summary, Map<String, Map<String, Double>> perQuery) {

    private static final Logger LOG = LoggerFactory.getLogger(TestEvaluation.class);

    public TestEvaluation {
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        perQuery = Collections.unmodifiableMap(new LinkedHashMap<>(perQuery));
    }

    /**
     * Evaluates a run against the test qrels.
     *
     * @param testQrels judgments of the test queries only, so that the {@code -c} average is over them
     */
    public static TestEvaluation evaluate(Run run, Qrels testQrels, List<Measure> measures, GainFunction gain) {
        boolean ranksAnyQuery = testQrels.queryIds().stream().anyMatch(queryId -> !run.ranking(queryId).isEmpty());
        if (!ranksAnyQuery) {
            LOG.warn("Run '{}' has no ranked list for any of the {} test queries; every measure is 0", run.tag(), testQrels.queryIds().size());
            return zeros(testQrels, measures);
        }
        EvaluationResult result = Evaluator.evaluate(testQrels, run, measures, new EvaluationOptions(true, gain));
        return new TestEvaluation(result.summary(), result.perQuery());
    }

    /** Returns the result of a run with no ranked list for any test query: 0 everywhere, {@code num_q} = number of test queries. */
    private static TestEvaluation zeros(Qrels testQrels, List<Measure> measures) {
        List<String> queryIds = new ArrayList<>(testQrels.queryIds());
        // trec_eval orders queries by strcmp of their ids, i.e. by unsigned UTF-8 bytes.
        queryIds.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        Map<String, Double> summary = new LinkedHashMap<>();
        Map<String, Double> row = new LinkedHashMap<>();
        for (Measure measure : measures) {
            boolean numQ = measure.family() == MeasureFamily.NUM_Q;
            summary.put(measure.name(), numQ ? queryIds.size() : 0.0);
            if (!numQ) {
                row.put(measure.name(), 0.0);
            }
        }
        Map<String, Map<String, Double>> perQuery = new LinkedHashMap<>();
        for (String queryId : queryIds) {
            perQuery.put(queryId, row);
        }
        return new TestEvaluation(summary, perQuery);
    }
}
