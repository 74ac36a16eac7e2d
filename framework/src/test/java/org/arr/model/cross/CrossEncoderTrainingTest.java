package org.arr.model.cross;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.arr.data.Run;
import org.arr.model.encoder.Pooling;
import org.arr.model.listwise.ListwiseTrainer;
import org.arr.model.listwise.ToyTask;
import org.junit.jupiter.api.Test;

class CrossEncoderTrainingTest {

    @Test
    void sampledNegativesLearnToyTask() {
        CrossEncoderConfig config = new CrossEncoderConfig(ToyTask.VOCABULARY, 2, 2, 1, 32, 2, 2, 0.0, Pooling.FIRST);
        try (CrossEncoder model = CrossEncoder.create(config, 13)) {
            int[][] documents = ToyTask.documents();
            List<Double> losses = new ListwiseTrainer(ToyTask.trainer(150, 6, 5e-3, 7))
                    .train(model.parameters(), model.manager(), new CrossEncoderLoss(model, documents, 5), ToyTask.examples());

            assertTrue(losses.get(losses.size() - 1) < 0.2 * losses.get(0), "loss falls: " + losses);
            List<String> queryIds = CrossEncoderRankerTest.ids("q", documents.length);
            Run run = new CrossEncoderRanker(model.scorer(32), CrossEncoderRankerTest.corpus(documents.length), documents)
                    .rankAll(queryIds, ToyTask.queries(), 3, "ce");
            for (int q = 0; q < documents.length; q++) {
                assertEquals("d" + q, run.ranking("q" + q).get(0).documentId(), "top document of q" + q);
            }
        }
    }
}
