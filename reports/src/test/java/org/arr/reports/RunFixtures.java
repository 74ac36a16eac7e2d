package org.arr.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes run directories in the files and formats {@code arr run} produces: {@code config.yaml},
 * {@code provenance.json}, {@code metrics.json}, {@code per_query.tsv} (wide layout) and {@code train_log.csv}.
 */
final class RunFixtures {

    private RunFixtures() {
    }

    /** One run: its loss config, seed, status, summary measures, per-query values (q1, q2, ...) and log. */
    static final class Run {
        String lossName = "ntp";
        Double alpha;
        long seed = 1;
        String status = "finished";
        String message;
        String endTime = "2025-01-02T13:45:01Z";
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, double[]> perQuery = new LinkedHashMap<>();
        double[][] trainLog = {};

        Run loss(String name, Double lossAlpha) {
            lossName = name;
            alpha = lossAlpha;
            return this;
        }

        Run seed(long value) {
            seed = value;
            return this;
        }

        Run status(String value, String why) {
            status = value;
            message = why;
            return this;
        }

        Run metric(String name, double value) {
            metrics.put(name, value);
            return this;
        }

        Run perQuery(String name, double... values) {
            perQuery.put(name, values);
            return this;
        }

        /** Rows of epoch, loss, dev value (NaN for an empty cell). */
        Run trainLog(double[]... rows) {
            trainLog = rows;
            return this;
        }

        Path write(Path folder) throws IOException {
            Files.createDirectories(folder.resolve("checkpoints"));
            String lossParameters = alpha == null ? "  parameters: {}\n"
                    : "  parameters:\n    alpha: " + alpha + "\n    beta: 0.0\n";
            Files.writeString(folder.resolve("config.yaml"), "name: wordnet-ntp-vs-stoical\n"
                    + "dataset:\n  spec: wordnet\n  split:\n    kind: random\n    dev: 0.1\n    test: 0.2\n    seed: 0\n"
                    + "docids:\n  scheme: semantic\n"
                    + "model:\n  type: arr\n  layers: 2\n  dModel: 64\n"
                    + "loss:\n  name: " + lossName + "\n" + lossParameters
                    + "train:\n  epochs: " + trainLog.length + "\n  learningRate: 0.001\n"
                    + "eval:\n  metrics: [ndcg_cut.10, recall.10, recip_rank]\n"
                    + "seed: " + seed + "\n", StandardCharsets.UTF_8);

            String json = "{\n  \"status\" : \"" + status + "\",\n  \"message\" : "
                    + (message == null ? "null" : "\"" + message + "\"") + ",\n  \"configHash\" : \"3f9a2c1d\",\n"
                    + "  \"seed\" : " + seed + ",\n  \"commandLine\" : [ \"run\", \"experiments/configs/wordnet.yaml\","
                    + " \"--set\", \"loss.name=" + lossName + "\" ],\n"
                    + "  \"startTime\" : \"2025-01-02T13:40:00Z\",\n  \"endTime\" : "
                    + (status.equals("running") ? "null" : "\"" + endTime + "\"") + ",\n  \"resumedAt\" : [ ],\n"
                    + "  \"environment\" : {\n    \"gitCommit\" : \"0123456789abcdef0123456789abcdef01234567\",\n"
                    + "    \"gitDirty\" : false,\n    \"javaVersion\" : \"17.0.15\",\n    \"cpuCount\" : 2\n  }\n}\n";
            Files.writeString(folder.resolve("provenance.json"), json, StandardCharsets.UTF_8);
            if (!status.equals("finished")) {
                return folder;
            }

            StringBuilder metricsJson = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<String, Double> metric : metrics.entrySet()) {
                metricsJson.append("  \"").append(metric.getKey()).append("\" : ").append(metric.getValue())
                        .append(++i < metrics.size() ? ",\n" : "\n");
            }
            Files.writeString(folder.resolve("metrics.json"), metricsJson.append("}\n").toString(), StandardCharsets.UTF_8);

            if (!perQuery.isEmpty()) {
                StringBuilder tsv = new StringBuilder("query_id");
                perQuery.keySet().forEach(name -> tsv.append('\t').append(name));
                int queries = perQuery.values().iterator().next().length;
                for (int q = 0; q < queries; q++) {
                    tsv.append("\nq").append(q + 1);
                    for (double[] values : perQuery.values()) {
                        tsv.append('\t').append(values[q]);
                    }
                }
                Files.writeString(folder.resolve("per_query.tsv"), tsv.append('\n').toString(), StandardCharsets.UTF_8);
            }

            StringBuilder log = new StringBuilder("epoch,loss,dev_ndcg_cut_10,learning_rate,seconds\n");
            for (double[] row : trainLog) {
                log.append((int) row[0]).append(',').append(row[1]).append(',')
                        .append(Double.isNaN(row[2]) ? "" : Double.toString(row[2])).append(",0.001,")
                        .append(String.format(Locale.ROOT, "%.3f", 1.5)).append('\n');
            }
            Files.writeString(folder.resolve("train_log.csv"), log.toString(), StandardCharsets.UTF_8);
            return folder;
        }
    }

    static Run run() {
        return new Run();
    }
}
