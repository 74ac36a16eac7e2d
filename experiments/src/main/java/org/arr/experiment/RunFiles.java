package org.arr.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arr.cost.RankingCost;
import org.arr.data.Corpus;
import org.arr.data.Qrels;
import org.arr.data.Run;
import org.arr.data.trec.TrecQrelsFile;
import org.arr.data.trec.TrecRunFile;
import org.arr.docid.DocIds;
import org.arr.run.RunDirectory;

/** Writes the result files of an experiment into its run folder, each atomically. */
final class RunFiles {

    /** The test split's judgments, so that {@code arr eval -c test.qrels run.trec} reproduces metrics.json. */
    static final String TEST_QRELS = "test.qrels";
    /** Metrics of the reference rankers on the same test split. */
    static final String REFERENCES = "references.json";
    /** The docID of every document. */
    static final String DOCIDS = "docids.tsv";
    /** The query and document tokenizer, to rebuild model inputs. */
    static final String TOKENIZER = "tokenizer.json";

    /** Wall-clock measurements of the run, which differ between otherwise identical runs. */
    static final String TIMING = "timing.json";
    /** Values written to {@link #TIMING} rather than {@code metrics.json}. */
    static final Set<String> WALL_CLOCK = Set.of(RankingCost.MS_PER_QUERY);

    static final String INVALID_RATE = "invalid_rate";
    static final String INVALID_MASS = "invalid_mass";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunFiles() {
    }

    static void writeRun(RunDirectory run, Run ranking) {
        run.write(RunDirectory.RUN, temporary -> TrecRunFile.write(ranking, temporary));
    }

    static void writeTestQrels(RunDirectory run, Qrels testQrels) {
        run.write(TEST_QRELS, temporary -> TrecQrelsFile.write(testQrels, temporary));
    }

    /** Writes {@code docids.tsv}: document id, then its docID tokens as labels separated by spaces. */
    static void writeDocIds(RunDirectory run, Corpus corpus, DocIds docIds) {
        StringBuilder text = new StringBuilder("document_id\tdocid\n");
        for (int i = 0; i < corpus.size(); i++) {
            text.append(corpus.get(i).id()).append('\t').append(docIds.describe(i)).append('\n');
        }
        run.writeString(DOCIDS, text.toString());
    }

    /**
     * Writes {@code metrics.json}: the test measures under trec_eval's printed names, then {@code invalid_rate} and
     * {@code invalid_mass} (null when not computed).
     */
    static void writeMetrics(RunDirectory run, TestEvaluation evaluation, ValidityStats validity) {
        writeMetrics(run, evaluation, validity, Map.of());
    }

    /**
     * Writes {@code metrics.json} as above, followed by {@code extra} (e.g. the cost per query) in its order. Wall-clock
     * values ({@link #WALL_CLOCK}) go to {@code timing.json} instead, so that the same config and seed give a
     * byte-identical {@code metrics.json}.
     */
    static void writeMetrics(RunDirectory run, TestEvaluation evaluation, ValidityStats validity, Map<String, Double> extra) {
        ObjectNode metrics = metricsJson(evaluation, validity);
        ObjectNode timing = JSON.createObjectNode();
        extra.forEach((name, value) -> (WALL_CLOCK.contains(name) ? timing : metrics).put(name, value));
        run.writeString(RunDirectory.METRICS, toJson(metrics));
        if (!timing.isEmpty()) {
            run.writeString(TIMING, toJson(timing));
        }
    }

    static ObjectNode metricsJson(TestEvaluation evaluation, ValidityStats validity) {
        ObjectNode metrics = JSON.createObjectNode();
        evaluation.summary().forEach(metrics::put);
        metrics.put(INVALID_RATE, validity.invalidRate());
        metrics.put(INVALID_MASS, validity.invalidMass());
        return metrics;
    }

    /** Writes {@code references.json}: per reference ranker, its test measures. */
    static void writeReferences(RunDirectory run, Map<String, TestEvaluation> references) {
        ObjectNode json = JSON.createObjectNode();
        references.forEach((name, evaluation) -> {
            ObjectNode metrics = json.putObject(name);
            evaluation.summary().forEach(metrics::put);
        });
        run.writeString(REFERENCES, toJson(json));
    }

    /**
     * Writes {@code per_query.tsv}: one row per test query with every measure, plus the query's invalid rate and
     * invalid mass when they were computed. Values are written in full precision.
     */
    static void writePerQuery(RunDirectory run, TestEvaluation evaluation, ValidityStats validity) {
        List<String> measures = new ArrayList<>();
        evaluation.perQuery().values().stream().findFirst().ifPresent(row -> measures.addAll(row.keySet()));
        boolean withRate = !validity.perQueryInvalidRate().isEmpty();
        boolean withMass = !validity.perQueryInvalidMass().isEmpty();

        StringBuilder text = new StringBuilder("query_id");
        measures.forEach(measure -> text.append('\t').append(measure));
        if (withRate) {
            text.append('\t').append(INVALID_RATE);
        }
        if (withMass) {
            text.append('\t').append(INVALID_MASS);
        }
        text.append('\n');

        for (Map.Entry<String, Map<String, Double>> row : evaluation.perQuery().entrySet()) {
            String queryId = row.getKey();
            text.append(queryId);
            for (String measure : measures) {
                text.append('\t').append(row.getValue().get(measure));
            }
            if (withRate) {
                text.append('\t').append(valueOrEmpty(validity.perQueryInvalidRate().get(queryId)));
            }
            if (withMass) {
                text.append('\t').append(valueOrEmpty(validity.perQueryInvalidMass().get(queryId)));
            }
            text.append('\n');
        }
        run.writeString(RunDirectory.PER_QUERY, text.toString());
    }

    private static String valueOrEmpty(Double value) {
        return value == null ? "" : value.toString();
    }

    /** Returns measure name to value from a {@code metrics.json} text, in file order. */
    static Map<String, Double> readMetrics(String json) throws JsonProcessingException {
        Map<String, Double> metrics = new LinkedHashMap<>();
        JSON.readTree(json).fields().forEachRemaining(entry ->
                metrics.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().doubleValue()));
        return metrics;
    }

    private static String toJson(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Failed to format JSON", e);
        }
    }
}
