package org.arr.model.dual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.arr.data.Run;
import org.arr.model.encoder.Pooling;
import org.arr.model.listwise.ListwiseTrainer;
import org.arr.model.listwise.ToyTask;
import org.junit.jupiter.api.Test;

class DualEncoderTrainingTest {

    private static DualEncoderConfig config(Similarity similarity, double temperature) {
        return new DualEncoderConfig(ToyTask.VOCABULARY, 2, 2, 1, 32, 2, 2, 0.0, Pooling.MEAN, 8, false, similarity,
                temperature);
    }

    @Test
    void fullCorpusSoftmaxLearnsToyTask() {
        try (DualEncoder model = DualEncoder.create(config(Similarity.DOT, 1.0), 11)) {
            int[][] documents = ToyTask.documents();
            List<Double> losses = new ListwiseTrainer(ToyTask.trainer(40, 6, 5e-3, 7))
                    .train(model.parameters(), model.manager(), DualEncoderLoss.fullCorpus(model, documents), ToyTask.examples());

            assertTrue(losses.get(losses.size() - 1) < 0.2 * losses.get(0), "loss falls: " + losses);
            assertRelevantFirst(model, documents);
        }
    }

    @Test
    void inBatchNegativesLearnToyTask() {
        try (DualEncoder model = DualEncoder.create(config(Similarity.COSINE, 0.1), 11)) {
            int[][] documents = ToyTask.documents();
            List<Double> losses = new ListwiseTrainer(ToyTask.trainer(60, 3, 5e-3, 7))
                    .train(model.parameters(), model.manager(), DualEncoderLoss.inBatch(model, documents, 2), ToyTask.examples());

            assertTrue(losses.get(losses.size() - 1) < 0.2 * losses.get(0), "loss falls: " + losses);
            assertRelevantFirst(model, documents);
        }
    }

    private static void assertRelevantFirst(DualEncoder model, int[][] documents) {
        List<String> documentIds = DualEncoderRankerTest.ids("d", documents.length);
        List<String> queryIds = DualEncoderRankerTest.ids("q", documents.length);
        Run run = new DualEncoderRanker(model.embedder(8), documents, documentIds).rank(queryIds, ToyTask.queries(), 3, "de");
        for (int q = 0; q < documents.length; q++) {
            assertEquals("d" + q, run.ranking("q" + q).get(0).documentId(), "top document of q" + q);
        }
    }
}
