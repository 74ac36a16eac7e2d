package org.arr.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.arr.data.Qrels;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;

class EvaluatorPropertiesTest {

    private static final double EPS = 1e-12;

    private static final List<Measure> MEASURES = MeasureParser.parseAll(List.of("num_q", "num_ret", "num_rel",
            "num_rel_ret", "map", "recip_rank", "P.1,3,5,20", "recall.1,2,5,20", "ndcg", "ndcg_cut.1,2,5,20"));

    /** A random case: qrels, run and options, built from a seed so that a failure can be replayed. */
    record Case(Qrels qrels, Run run, EvaluationOptions options) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Long> seeds = Arbitraries.longs();
        Arbitrary<GainFunction> gains = Arbitraries.of(GainFunction.LINEAR, GainFunction.EXPONENTIAL,
                GainFunction.parse("map:3=1,2=0.1,1=0.01,0=0"), GainFunction.parse("map:0=0.5,2=4"));
        return Combinators.combine(seeds, Arbitraries.of(true, false), gains)
                .as((seed, complete, gain) -> randomCase(new Random(seed), new EvaluationOptions(complete, gain)));
    }

    private static Case randomCase(Random random, EvaluationOptions options) {
        int queries = 1 + random.nextInt(6);
        double[] grades = {0, 0, 1, 2, 3, 0.5};
        double[] scores = {0, 0.5, 1, 1, 2, -1, 7.25};
        Qrels.Builder qrels = Qrels.builder();
        Map<String, Map<String, Double>> judged = new LinkedHashMap<>();
        Map<String, List<ScoredDocument>> rankings = new LinkedHashMap<>();
        rankings.put("q-answered", List.of(new ScoredDocument("d0", 1)));
        qrels.add("q-answered", "d0", 1 + random.nextInt(2));
        for (int q = 0; q < queries; q++) {
            String queryId = "q" + random.nextInt(20);
            int documents = 1 + random.nextInt(12);
            for (int d = 0; d < documents; d++) {
                double grade = grades[random.nextInt(grades.length)];
                boolean isNew = judged.computeIfAbsent(queryId, id -> new LinkedHashMap<>())
                        .putIfAbsent("d" + d, grade) == null;
                if (random.nextInt(3) > 0 && isNew) {
                    qrels.add(queryId, "d" + d, grade);
                }
            }
            if (random.nextInt(4) == 0) {
                continue;
            }
            List<ScoredDocument> ranking = new ArrayList<>();
            int retrieved = random.nextInt(15);
            List<Integer> pool = new ArrayList<>();
            for (int d = 0; d < 15; d++) {
                pool.add(d);
            }
            Collections.shuffle(pool, random);
            for (int r = 0; r < retrieved; r++) {
                ranking.add(new ScoredDocument("d" + pool.get(r), scores[random.nextInt(scores.length)]));
            }
            rankings.put(queryId, ranking);
        }
        return new Case(qrels.build(), new Run("random", rankings), options);
    }

    @Property(tries = 300)
    void matchesReferenceImplementation(@ForAll("cases") Case example) {
        EvaluationResult result = Evaluator.evaluate(example.qrels(), example.run(), MEASURES, example.options());
        Map<String, Map<String, Double>> expected = ReferenceEvaluator.perQuery(example.qrels(), example.run(),
                MEASURES, example.options());

        assertEquals(new ArrayList<>(expected.keySet()), result.queryIds());
        Map<String, Map<String, Double>> actual = result.perQuery();
        for (String queryId : expected.keySet()) {
            for (Map.Entry<String, Double> entry : expected.get(queryId).entrySet()) {
                assertEquals(entry.getValue(), actual.get(queryId).get(entry.getKey()), EPS,
                        queryId + " " + entry.getKey());
            }
        }
        Map<String, Double> expectedSummary = ReferenceEvaluator.summary(expected, MEASURES);
        for (Map.Entry<String, Double> entry : expectedSummary.entrySet()) {
            assertEquals(entry.getValue(), result.mean(entry.getKey()), EPS, entry.getKey());
        }
    }

    @Property(tries = 200)
    void rankingMeasuresWithinUnitInterval(@ForAll("cases") Case example) {
        EvaluationResult result = Evaluator.evaluate(example.qrels(), example.run(), MEASURES, example.options());

        for (Measure measure : MEASURES) {
            if (measure.family().isCount()) {
                continue;
            }
            for (double value : result.values(measure.name())) {
                assertTrue(value >= 0, measure + " = " + value);
                assertTrue(value <= 1 + EPS, measure + " = " + value);
            }
            double mean = result.mean(measure.name());
            assertTrue(mean >= 0, measure + " mean = " + mean);
            assertTrue(mean <= 1 + EPS, measure + " mean = " + mean);
        }
    }

    @Property(tries = 200)
    void idealRankingHasNdcgOne(@ForAll("cases") Case example) {
        Qrels qrels = example.qrels();
        GainFunction gain = example.options().gain();
        Map<String, List<ScoredDocument>> ideal = new LinkedHashMap<>();
        for (String queryId : qrels.queryIds()) {
            List<ScoredDocument> ranking = new ArrayList<>();
            qrels.judgments(queryId).forEach((document, relevance) ->
                    ranking.add(new ScoredDocument(document, gain.gain(relevance))));
            ideal.put(queryId, ranking);
        }

        EvaluationResult result = Evaluator.evaluate(qrels, new Run("ideal", ideal), MEASURES, example.options());

        for (String queryId : result.queryIds()) {
            boolean anyGain = qrels.judgments(queryId).values().stream().anyMatch(r -> gain.gain(r) > 0);
            double expected = anyGain ? 1 : 0;
            for (String measure : List.of("ndcg", "ndcg_cut_1", "ndcg_cut_2", "ndcg_cut_5", "ndcg_cut_20")) {
                assertEquals(expected, result.value(queryId, measure), 1e-9, queryId + " " + measure);
            }
        }
    }

    @Property(tries = 200)
    void recallIgnoresOrderOfNonRelevant(@ForAll("cases") Case example, @ForAll long seed) {
        Qrels qrels = example.qrels();
        Map<String, List<ScoredDocument>> shuffled = new LinkedHashMap<>();
        for (Map.Entry<String, List<ScoredDocument>> entry : example.run().rankings().entrySet()) {
            Map<String, Double> judgments = qrels.judgments(entry.getKey());
            List<String> ranked = ReferenceEvaluator.rank(entry.getValue());
            List<Integer> nonRelevantRanks = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                if (!(judgments.getOrDefault(ranked.get(i), 0.0) > 0)) {
                    nonRelevantRanks.add(i);
                }
            }
            List<String> order = new ArrayList<>(ranked);
            List<String> nonRelevant = new ArrayList<>();
            nonRelevantRanks.forEach(i -> nonRelevant.add(ranked.get(i)));
            Collections.shuffle(nonRelevant, new Random(seed));
            for (int j = 0; j < nonRelevantRanks.size(); j++) {
                order.set(nonRelevantRanks.get(j), nonRelevant.get(j));
            }
            List<ScoredDocument> ranking = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                ranking.add(new ScoredDocument(order.get(i), order.size() - i));
            }
            shuffled.put(entry.getKey(), ranking);
        }

        EvaluationResult before = Evaluator.evaluate(qrels, example.run(), MEASURES, example.options());
        EvaluationResult after = Evaluator.evaluate(qrels, new Run("shuffled", shuffled), MEASURES,
                example.options());

        for (String measure : List.of("recall_1", "recall_2", "recall_5", "recall_20", "P_5", "num_rel_ret")) {
            for (String queryId : before.queryIds()) {
                assertEquals(before.value(queryId, measure), after.value(queryId, measure), EPS,
                        queryId + " " + measure);
            }
        }
    }

    @Property(tries = 200)
    void precisionTimesCutoffCountsRelevant(@ForAll("cases") Case example) {
        EvaluationResult result = Evaluator.evaluate(example.qrels(), example.run(), MEASURES, example.options());

        for (String queryId : result.evaluatedQueryIds()) {
            List<String> ranked = ReferenceEvaluator.rank(example.run().ranking(queryId));
            Map<String, Double> judgments = example.qrels().judgments(queryId);
            for (int k : List.of(1, 3, 5, 20)) {
                long relevantInTop = ranked.stream().limit(k).filter(id -> judgments.getOrDefault(id, 0.0) > 0)
                        .count();
                assertEquals(relevantInTop, result.value(queryId, "P_" + k) * k, 1e-9, queryId + " P_" + k);
            }
        }
    }
}
