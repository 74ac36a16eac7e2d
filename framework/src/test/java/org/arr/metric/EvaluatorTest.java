package org.arr.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arr.data.Qrels;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;
import org.junit.jupiter.api.Test;

/**
 * Values computed by hand for a small case with graded labels, score ties, an unjudged document, a query
 * without relevant documents, a query missing from the run and a run query without judgments.
 *
 * <p>Query q1 ranks d3 (0.9, rel 0), d6 (0.7, unjudged), then the tie at 0.5 by docid descending: d2 (rel 2),
 * d1 (rel 3), then d4 (0.1, rel 1); d5 (rel 2) is not retrieved, so R = 4. Query q10 ranks y before x (tie,
 * docid descending), both relevant. Query q2 has only judged non-relevant documents. Query q3 is missing
 * from the run; q99 has no judgments.
 */
class EvaluatorTest {

    private static final double EPS = 1e-12;
    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_5 = Math.log(5) / Math.log(2);
    private static final double LOG2_6 = Math.log(6) / Math.log(2);

    private static Qrels qrels() {
        return Qrels.builder()
                .add("q1", "d1", 3).add("q1", "d2", 2).add("q1", "d3", 0).add("q1", "d4", 1).add("q1", "d5", 2)
                .add("q2", "d1", 0).add("q2", "d2", 0)
                .add("q3", "a", 1)
                .add("q10", "x", 1).add("q10", "y", 1)
                .build();
    }

    private static Run run() {
        Map<String, List<ScoredDocument>> rankings = new LinkedHashMap<>();
        rankings.put("q99", List.of(new ScoredDocument("z", 1)));
        rankings.put("q1", List.of(new ScoredDocument("d1", 0.5), new ScoredDocument("d2", 0.5),
                new ScoredDocument("d3", 0.9), new ScoredDocument("d6", 0.7), new ScoredDocument("d4", 0.1)));
        rankings.put("q2", List.of(new ScoredDocument("d1", 1.0), new ScoredDocument("d9", 2.0)));
        rankings.put("q10", List.of(new ScoredDocument("x", 1), new ScoredDocument("y", 1)));
        return new Run("test", rankings);
    }

    private static EvaluationResult evaluate(boolean complete, GainFunction gain, String... specs) {
        return Evaluator.evaluate(qrels(), run(), MeasureParser.parseAll(List.of(specs)),
                new EvaluationOptions(complete, gain));
    }

    private static final String[] ALL = {"num_q", "num_ret", "num_rel", "num_rel_ret", "map", "recip_rank",
        "P.5,10", "recall.2,5", "ndcg", "ndcg_cut.3,5"};

    @Test
    void perQueryValuesByHand() {
        EvaluationResult result = evaluate(false, GainFunction.LINEAR, ALL);
        double ndcgQ1 = (2 / 2.0 + 3 / LOG2_5 + 1 / LOG2_6) / (3 + 2 / LOG2_3 + 2 / 2.0 + 1 / LOG2_5);

        assertEquals(List.of("q1", "q10", "q2"), result.queryIds());
        assertEquals(5, result.value("q1", "num_ret"), EPS);
        assertEquals(4, result.value("q1", "num_rel"), EPS);
        assertEquals(3, result.value("q1", "num_rel_ret"), EPS);
        assertEquals((1 / 3.0 + 2 / 4.0 + 3 / 5.0) / 4, result.value("q1", "map"), EPS);
        assertEquals(1 / 3.0, result.value("q1", "recip_rank"), EPS);
        assertEquals(0.6, result.value("q1", "P_5"), EPS);
        assertEquals(0.3, result.value("q1", "P_10"), EPS);
        assertEquals(0, result.value("q1", "recall_2"), EPS);
        assertEquals(0.75, result.value("q1", "recall_5"), EPS);
        assertEquals(ndcgQ1, result.value("q1", "ndcg"), EPS);
        assertEquals(1 / (3 + 2 / LOG2_3 + 1), result.value("q1", "ndcg_cut_3"), EPS);
        assertEquals(ndcgQ1, result.value("q1", "ndcg_cut_5"), EPS);
        assertEquals(0.4705956, ndcgQ1, 1e-7);
    }

    @Test
    void scoreTiesBrokenByDocidDescending() {
        Run run = new Run("t", Map.of("q1", List.of(new ScoredDocument("b", 0.5), new ScoredDocument("d1", 0.5))));
        Qrels qrels = Qrels.builder().add("q1", "b", 1).build();

        EvaluationResult tie = Evaluator.evaluate(qrels, run, MeasureParser.parse("recip_rank"),
                EvaluationOptions.defaults());
        EvaluationResult fixture = evaluate(false, GainFunction.LINEAR, "ndcg_cut.3");

        // "d1" > "b", so d1 takes rank 1 and b rank 2.
        assertEquals(0.5, tie.value("q1", "recip_rank"), EPS);
        // In q1 the tie at 0.5 puts d2 (rel 2) at rank 3; ascending order would put d1 (rel 3) there.
        assertEquals((2 / 2.0) / (3 + 2 / LOG2_3 + 1), fixture.value("q1", "ndcg_cut_3"), EPS);
    }

    @Test
    void queryWithoutRelevantDocumentsScoresZero() {
        EvaluationResult result = evaluate(false, GainFunction.LINEAR, ALL);

        assertEquals(2, result.value("q2", "num_ret"), EPS);
        assertEquals(0, result.value("q2", "num_rel"), EPS);
        for (String measure : List.of("map", "recip_rank", "P_5", "recall_5", "ndcg", "ndcg_cut_5")) {
            assertEquals(0, result.value("q2", measure), EPS, measure);
        }
    }

    @Test
    void summaryAveragesQueriesInBoth() {
        EvaluationResult result = evaluate(false, GainFunction.LINEAR, ALL);
        double mapQ1 = (1 / 3.0 + 2 / 4.0 + 3 / 5.0) / 4;
        double ndcgQ1 = (2 / 2.0 + 3 / LOG2_5 + 1 / LOG2_6) / (3 + 2 / LOG2_3 + 2 / 2.0 + 1 / LOG2_5);

        assertEquals(3, result.mean("num_q"), EPS);
        assertEquals(9, result.mean("num_ret"), EPS);
        assertEquals(6, result.mean("num_rel"), EPS);
        assertEquals(5, result.mean("num_rel_ret"), EPS);
        assertEquals((mapQ1 + 1) / 3, result.mean("map"), EPS);
        assertEquals((1 / 3.0 + 1) / 3, result.mean("recip_rank"), EPS);
        assertEquals((0.6 + 0.4) / 3, result.mean("P_5"), EPS);
        assertEquals((0.75 + 1) / 3, result.mean("recall_5"), EPS);
        assertEquals((ndcgQ1 + 1) / 3, result.mean("ndcg"), EPS);
        assertEquals(0.4528, Math.round(result.mean("map") * 1e4) / 1e4, EPS);
        assertTrue(result.filledQueryIds().isEmpty());
    }

    @Test
    void completeAveragesAllQrelsQueries() {
        EvaluationResult result = evaluate(true, GainFunction.LINEAR, ALL);
        double mapQ1 = (1 / 3.0 + 2 / 4.0 + 3 / 5.0) / 4;

        assertEquals(List.of("q1", "q10", "q2", "q3"), result.queryIds());
        assertEquals(Set.of("q3"), result.filledQueryIds());
        assertEquals(List.of("q1", "q10", "q2"), result.evaluatedQueryIds());
        assertEquals(4, result.mean("num_q"), EPS);
        assertEquals(6, result.mean("num_rel"), EPS);
        assertEquals(9, result.mean("num_ret"), EPS);
        assertEquals((mapQ1 + 1) / 4, result.mean("map"), EPS);
        assertEquals((0.75 + 1) / 4, result.mean("recall_5"), EPS);
        for (String measure : result.perQuery().get("q3").keySet()) {
            assertEquals(0, result.value("q3", measure), EPS, measure);
        }
    }

    @Test
    void exponentialAndTableGains() {
        double expected = (3 / 2.0 + 7 / LOG2_5 + 1 / LOG2_6) / (7 + 3 / LOG2_3 + 3 / 2.0 + 1 / LOG2_5);
        double esci = (0.1 / 2 + 1 / LOG2_5 + 0.01 / LOG2_6) / (1 + 0.1 / LOG2_3 + 0.1 / 2 + 0.01 / LOG2_5);

        EvaluationResult exponential = evaluate(false, GainFunction.EXPONENTIAL, "ndcg", "ndcg_cut.5");
        EvaluationResult table = evaluate(false, GainFunction.parse("map:3=1,2=0.1,1=0.01,0=0"), "ndcg",
                "ndcg_cut.5", "map");

        assertEquals(expected, exponential.value("q1", "ndcg"), EPS);
        assertEquals(expected, exponential.value("q1", "ndcg_cut_5"), EPS);
        assertEquals(esci, table.value("q1", "ndcg"), EPS);
        assertEquals(esci, table.value("q1", "ndcg_cut_5"), EPS);
        assertEquals((1 / 3.0 + 2 / 4.0 + 3 / 5.0) / 4, table.value("q1", "map"), EPS);
    }

    @Test
    void fractionalGradesAreRelevant() {
        Qrels qrels = Qrels.builder().add("q", "a", 0.5).add("q", "b", 0).build();
        Run run = new Run("t", Map.of("q", List.of(new ScoredDocument("b", 2), new ScoredDocument("a", 1))));

        EvaluationResult result = Evaluator.evaluate(qrels, run, MeasureParser.parseAll(List.of("map", "ndcg")),
                EvaluationOptions.defaults());

        assertEquals(0.5, result.mean("map"), EPS);
        assertEquals((0.5 / LOG2_3) / 0.5, result.mean("ndcg"), EPS);
    }

    @Test
    void noCommonQueryRejected() {
        Qrels qrels = Qrels.builder().add("q1", "a", 1).build();
        Run run = new Run("t", Map.of("q2", List.of(new ScoredDocument("a", 1))));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Evaluator.evaluate(qrels,
                run, MeasureParser.parse("map"), EvaluationOptions.defaults().withComplete(true)));

        assertTrue(error.getMessage().contains("No query appears in both"), error.getMessage());
    }

    @Test
    void nanScoreRejected() {
        Qrels qrels = Qrels.builder().add("q1", "a", 1).build();
        Run run = new Run("t", Map.of("q1", List.of(new ScoredDocument("a", Double.NaN))));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Evaluator.evaluate(qrels,
                run, MeasureParser.parse("map"), EvaluationOptions.defaults()));

        assertTrue(error.getMessage().contains("NaN"), error.getMessage());
    }

    @Test
    void duplicateDocumentRejected() {
        Qrels qrels = Qrels.builder().add("q1", "a", 1).build();
        Run run = new Run("t", Map.of("q1", List.of(new ScoredDocument("a", 2), new ScoredDocument("b", 1),
                new ScoredDocument("a", 0))));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Evaluator.evaluate(qrels,
                run, MeasureParser.parse("map"), EvaluationOptions.defaults()));

        assertTrue(error.getMessage().contains("retrieved twice"), error.getMessage());
    }
}
