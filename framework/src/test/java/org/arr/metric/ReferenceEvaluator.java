package org.arr.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.arr.data.Qrels;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;

/**
 * A brute-force evaluator written from the textbook definitions and trec_eval's documented conventions,
 * without sharing code with {@link Evaluator}: lists instead of arrays, code point arrays for string order,
 * every sum recomputed from scratch.
 */
final class ReferenceEvaluator {

    private ReferenceEvaluator() {
    }

    private static int compareCodePoints(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    /** Ranks by score descending, then document id descending. */
    static List<String> rank(List<ScoredDocument> documents) {
        List<ScoredDocument> sorted = new ArrayList<>(documents);
        sorted.sort(Comparator.comparingDouble((ScoredDocument d) -> -d.score())
                .thenComparing((x, y) -> compareCodePoints(y.documentId(), x.documentId())));
        List<String> ids = new ArrayList<>();
        for (ScoredDocument document : sorted) {
            ids.add(document.documentId());
        }
        return ids;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Computes one measure for one query from its ranked ids and judgments. */
    static double measure(Measure measure, List<String> ranked, Map<String, Double> judgments, GainFunction gain) {
        int k = measure.cutoff();
        int relevantTotal = 0;
        for (double relevance : judgments.values()) {
            if (relevance > 0) {
                relevantTotal++;
            }
        }
        List<Boolean> isRelevant = new ArrayList<>();
        for (String id : ranked) {
            isRelevant.add(judgments.containsKey(id) && judgments.get(id) > 0);
        }
        switch (measure.family()) {
            case NUM_Q:
                return 1;
            case NUM_RET:
                return ranked.size();
            case NUM_REL:
                return relevantTotal;
            case NUM_REL_RET:
                return isRelevant.stream().filter(b -> b).count();
            case MAP: {
                if (relevantTotal == 0) {
                    return 0;
                }
                double total = 0;
                for (int i = 0; i < ranked.size(); i++) {
                    if (isRelevant.get(i)) {
                        long above = isRelevant.subList(0, i + 1).stream().filter(b -> b).count();
                        total += above / (double) (i + 1);
                    }
                }
                return total / relevantTotal;
            }
            case RECIP_RANK:
                int first = isRelevant.indexOf(true);
                return first < 0 ? 0 : 1.0 / (first + 1);
            case P:
                return isRelevant.subList(0, Math.min(k, ranked.size())).stream().filter(b -> b).count() / (double) k;
            case RECALL:
                if (relevantTotal == 0) {
                    return 0;
                }
                return isRelevant.subList(0, Math.min(k, ranked.size())).stream().filter(b -> b).count()
                        / (double) relevantTotal;
            case NDCG:
                return ndcg(ranked, judgments, gain, Integer.MAX_VALUE);
            case NDCG_CUT:
                return ndcg(ranked, judgments, gain, k);
            default:
                throw new IllegalStateException(measure.toString());
        }
    }

    private static double ndcg(List<String> ranked, Map<String, Double> judgments, GainFunction gain, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            Double relevance = judgments.get(ranked.get(i));
            double g = relevance == null ? 0 : gain.gain(relevance);
            dcg += g / log2(i + 2);
        }
        List<Double> ideal = new ArrayList<>();
        for (double relevance : judgments.values()) {
            if (gain.gain(relevance) > 0) {
                ideal.add(gain.gain(relevance));
            }
        }
        ideal.sort(Comparator.reverseOrder());
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Returns query id to measure name to value, for the queries the evaluation keeps, in strcmp order. */
    static Map<String, Map<String, Double>> perQuery(Qrels qrels, Run run, List<Measure> measures,
            EvaluationOptions options) {
        TreeSet<String> queries = new TreeSet<>(ReferenceEvaluator::compareCodePoints);
        queries.addAll(qrels.queryIds());
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        for (String queryId : queries) {
            boolean answered = !run.ranking(queryId).isEmpty();
            if (!answered && !options.complete()) {
                continue;
            }
            List<String> ranked = rank(run.ranking(queryId));
            Map<String, Double> row = new LinkedHashMap<>();
            for (Measure measure : measures) {
                if (measure.family() == MeasureFamily.NUM_Q) {
                    continue;
                }
                row.put(measure.name(), answered
                        ? measure(measure, ranked, qrels.judgments(queryId), options.gain()) : 0.0);
            }
            rows.put(queryId, row);
        }
        return rows;
    }

    /** Returns the summary row: means over kept queries, totals for counts, the kept query count for num_q. */
    static Map<String, Double> summary(Map<String, Map<String, Double>> perQuery, List<Measure> measures) {
        Map<String, Double> summary = new LinkedHashMap<>();
        for (Measure measure : measures) {
            if (measure.family() == MeasureFamily.NUM_Q) {
                summary.put(measure.name(), (double) perQuery.size());
                continue;
            }
            double total = 0;
            for (Map<String, Double> row : perQuery.values()) {
                total += row.get(measure.name());
            }
            summary.put(measure.name(), measure.family().isCount() ? total : total / perQuery.size());
        }
        return summary;
    }
}
