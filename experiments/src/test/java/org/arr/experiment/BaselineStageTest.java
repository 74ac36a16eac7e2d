package org.arr.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.arr.config.ConfigLoader;
import org.arr.config.ResolvedConfig;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;
import org.arr.data.trec.TrecRunFile;
import org.arr.cost.RankingCost;
import org.arr.run.RunDirectory;
import org.arr.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs tiny dual- and cross-encoder configs through the experiment runner and checks their run folders. */
class BaselineStageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String BASE = """
            dataset:
              spec: synthetic:top-k
              options:
                n: 10
                k: 2
              split:
                kind: transductive
            docids:
              scheme: atomic
            model:
              layers: 1
              dModel: 16
              heads: 2
              mlpRatio: 2
              dropout: 0.0
              maxQueryTokens: 8
              maxDocumentTokens: 12
              encoder:
                embeddingDimension: 8
                negatives: 4
            train:
              epochs: 2
              batchSize: 6
              patience: 0
            eval:
              topK: 10
              metrics: [ndcg_cut.10, 'recall.2,10', recip_rank]
            seed: 3
            """;

    @TempDir
    Path runsRoot;

    private Path run(String yaml, String... overrides) {
        ResolvedConfig config = ConfigLoader.parse(yaml, Path.of("test.yaml"), List.of(overrides));
        ExperimentRunner.Options options = new ExperimentRunner.Options(runsRoot, null, false, List.of("test"), "test", false, 0);
        ExperimentRunner.Result result = new ExperimentRunner(Clock.systemUTC()).run(config, options);
        assertEquals(RunStatus.FINISHED, result.status());
        assertTrue(result.summary().contains(RankingCost.FORWARD_PASSES_PER_QUERY), result.summary());
        assertTrue(result.metrics().containsKey(RankingCost.MS_PER_QUERY), result.metrics().toString());
        return result.folder();
    }

    @Test
    void dualEncoderThenCrossEncoderReranking() throws IOException {
        Path dualRun = run("name: de\n" + BASE, "model.type=dual-encoder");
        for (String file : List.of(RunDirectory.RUN, RunDirectory.METRICS, RunDirectory.PER_QUERY, RunDirectory.TRAIN_LOG,
                RunFiles.TEST_QRELS, RunFiles.REFERENCES)) {
            assertTrue(Files.isRegularFile(dualRun.resolve(file)), file);
        }
        JsonNode dualMetrics = JSON.readTree(dualRun.resolve(RunDirectory.METRICS).toFile());
        int testQueries = TrecRunFile.read(dualRun.resolve(RunDirectory.RUN)).queryIds().size();
        assertEquals(1.0 + 10.0 / testQueries, dualMetrics.get("forward_passes_per_query").doubleValue(), 1e-9);
        assertTrue(dualMetrics.get("flops_per_query").doubleValue() > 0);
        assertTrue(dualMetrics.has("ndcg_cut_10"));
        assertEquals(3, Files.readAllLines(dualRun.resolve(RunDirectory.TRAIN_LOG)).size(), "header and two epochs");

        Path crossRun = run("name: ce\n" + BASE, "model.type=cross-encoder", "eval.rerankRun=de", "eval.rerankDepth=5");
        Run first = TrecRunFile.read(dualRun.resolve(RunDirectory.RUN));
        Run reranked = TrecRunFile.read(crossRun.resolve(RunDirectory.RUN));
        for (String queryId : first.queryIds()) {
            Set<String> expected = new HashSet<>();
            first.ranking(queryId).stream().limit(5).forEach(document -> expected.add(document.documentId()));
            Set<String> actual = new HashSet<>();
            reranked.ranking(queryId).stream().map(ScoredDocument::documentId).forEach(actual::add);
            assertEquals(expected, actual, queryId);
        }
        JsonNode crossMetrics = JSON.readTree(crossRun.resolve(RunDirectory.METRICS).toFile());
        assertEquals(5 + dualMetrics.get("forward_passes_per_query").doubleValue(),
                crossMetrics.get("forward_passes_per_query").doubleValue(), 1e-6);
    }

    @Test
    void crossEncoderScoresEveryDocument() throws IOException {
        Path crossRun = run("name: ce-all\n" + BASE, "model.type=cross-encoder", "model.encoder.candidates=full");
        JsonNode metrics = JSON.readTree(crossRun.resolve(RunDirectory.METRICS).toFile());
        assertEquals(10.0, metrics.get("forward_passes_per_query").doubleValue(), 1e-9);
        Run run = TrecRunFile.read(crossRun.resolve(RunDirectory.RUN));
        for (String queryId : run.queryIds()) {
            assertEquals(10, run.ranking(queryId).size(), queryId);
        }
    }
}
