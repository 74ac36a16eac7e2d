package org.arr.model.cross;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.arr.loss.Gain;
import org.arr.model.encoder.Pooling;
import org.arr.model.listwise.ListwiseExample;
import org.arr.model.listwise.ListwiseTrainer;
import org.arr.train.TrainerConfig;
import org.junit.jupiter.api.Test;

/**
 * A cross encoder on a small LIMIT-like task: document {@code d} is the token 1 ("likes") followed by 10 of 60 item
 * tokens, query {@code i} is {@code (2, 1, item i)} ("who likes item i"), and the relevant documents of query
 * {@code i} are those that contain item {@code i}. A score that ignores the query cannot do better than a document
 * prior, so the loss must fall well below its start.
 */
class CrossEncoderMembershipTest {

    private static final int DOCUMENTS = 12;
    private static final int ITEMS = 60;
    private static final int ITEMS_PER_DOCUMENT = 10;
    private static final int NEGATIVES = 7;
    private static final int EPOCHS = 40;

    @Test
    void lossFallsBelowUniform() {
        Random random = new Random(5);
        int[][] documents = new int[DOCUMENTS][];
        List<List<Integer>> holders = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            holders.add(new ArrayList<>());
        }
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(i);
        }
        for (int d = 0; d < DOCUMENTS; d++) {
            Collections.shuffle(items, random);
            documents[d] = new int[1 + ITEMS_PER_DOCUMENT];
            documents[d][0] = 1;
            for (int k = 0; k < ITEMS_PER_DOCUMENT; k++) {
                documents[d][1 + k] = 3 + items.get(k);
                holders.get(items.get(k)).add(d);
            }
        }

        List<ListwiseExample> examples = new ArrayList<>();
        double uniformLoss = 0;
        for (int i = 0; i < ITEMS; i++) {
            int[] relevant = holders.get(i).stream().mapToInt(Integer::intValue).toArray();
            if (relevant.length == 0) {
                continue;
            }
            double[] grades = new double[relevant.length];
            Arrays.fill(grades, 1);
            examples.add(ListwiseExample.graded(new int[] {2, 1, 3 + i}, relevant, grades, 0, Gain.linear()));
            uniformLoss += Math.log(relevant.length + Math.min(NEGATIVES, DOCUMENTS - relevant.length));
        }
        uniformLoss /= examples.size();

        CrossEncoderConfig config = new CrossEncoderConfig(3 + ITEMS, 4, 1 + ITEMS_PER_DOCUMENT, 2, 64, 4, 4, 0.0,
                Pooling.MEAN);
        TrainerConfig trainer = TrainerConfig.builder().epochs(EPOCHS).batchSize(16).learningRate(3e-3).weightDecay(0)
                .warmupFraction(0.05).clipGradientNorm(1.0).seed(3).progressBar(false).build();
        try (CrossEncoder model = CrossEncoder.create(config, 13)) {
            List<Double> losses = new ListwiseTrainer(trainer).train(model.parameters(), model.manager(),
                    new CrossEncoderLoss(model, documents, NEGATIVES), examples);

            double last = losses.get(losses.size() - 1);
            assertTrue(last < 0.5 * uniformLoss, "last epoch loss " + last + " against " + uniformLoss
                    + " for uniform scores; losses " + losses);
        }
    }
}
