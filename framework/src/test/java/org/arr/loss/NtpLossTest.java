package org.arr.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.decode.ExhaustiveScorer;
import org.arr.model.ArrModel;
import org.arr.model.ArrModelConfig;
import org.arr.trie.PrefixTree;
import org.junit.jupiter.api.Test;

class NtpLossTest {

    @Property(tries = 10)
    void ntpLossEqualsMeanNegativeLogProbabilityOfRelevantDocs(@ForAll @IntRange(min = 0, max = 10000) int seed) {
        Random random = new Random(seed);
        int vocabulary = 2 + random.nextInt(3);
        int[][] docIds = randomDocIds(random, vocabulary);
        PrefixTree trie = PrefixTree.build(docIds, vocabulary);
        ArrModelConfig config = new ArrModelConfig(8, vocabulary, 5, trie.maxDepth(), 1, 16, 2, 2, 0.0);

        int queries = 1 + random.nextInt(5);
        List<int[]> queryTokens = new java.util.ArrayList<>();
        List<GradedRelevance> relevance = new java.util.ArrayList<>();
        for (int q = 0; q < queries; q++) {
            queryTokens.add(random.ints(1 + random.nextInt(5), 0, 8).toArray());
            int[] documents = random.ints(0, docIds.length).distinct().limit(1 + random.nextInt(docIds.length)).toArray();
            double[] grades = random.doubles(documents.length, 0.5, 3).toArray();
            relevance.add(new GradedRelevance(documents, grades));
        }

        try (ArrModel model = ArrModel.create(config, seed);
                NDManager scope = model.manager().newSubManager()) {
            RankingLoss ntp = Losses.create("ntp", Map.of());
            List<TrainingGroup> groups = TrainingGroups.forQueries(ntp, queryTokens, relevance, docIds, trie);
            TrainingBatch batch = TrainingBatch.build(scope, groups, vocabulary, config.maxQueryLength());
            NDArray logits = model.logits(batch.queryTokens(), batch.docIdInput(), false);
            double loss = ntp.loss(logits, batch).getFloat();

            // Reference: mean over queries of mean over relevant d of -log p(d|q), from exhaustive scoring.
            double[][] scores = new ExhaustiveScorer(trie).score(model.scorer(64), queryTokens.toArray(new int[0][]));
            double expected = 0;
            for (int q = 0; q < queries; q++) {
                double perQuery = 0;
                for (int d : relevance.get(q).documents()) {
                    perQuery -= scores[q][d];
                }
                expected += perQuery / relevance.get(q).size();
            }
            expected /= queries;
            assertEquals(expected, loss, 1e-4 * Math.max(1, Math.abs(expected)));
        }
    }

    @Test
    void batchHoldsDenseTargetsAndShiftedInput() {
        int[][] docIds = {{0, 1, 2}, {2, 0}};
        PrefixTree trie = PrefixTree.build(docIds, 3);
        List<TrainingGroup> groups = TrainingGroups.forQueries(new NtpLoss(), List.of(new int[] {4, 5}), List.of(GradedRelevance.binary(0, 1)),
                docIds, trie);
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingBatch batch = TrainingBatch.build(manager, groups, 3, 8);
            assertEquals(2, batch.sequences());
            assertEquals(1.0, batch.totalWeight(), 1e-12);
            assertArrayEquals(new int[] {0, 1, 2, 0}, batch.docIdInput().toIntArray());
            assertArrayEquals(new float[] {0.5f, 0.5f}, batch.weights().toFloatArray());
            float[] targets = batch.targets().toFloatArray();
            assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0}, targets);
            assertEquals(9, batch.tokens());
        }
    }

    @Test
    void atomicDocIdsHaveEmptyInput() {
        int[][] docIds = {{0}, {1}, {2}};
        PrefixTree trie = PrefixTree.build(docIds, 3);
        List<TrainingGroup> groups = TrainingGroups.forQueries(new NtpLoss(), List.of(new int[] {1}, new int[] {2, 3}),
                List.of(GradedRelevance.binary(0), GradedRelevance.binary(1, 2)), docIds, trie);
        try (ArrModel model = ArrModel.create(new ArrModelConfig(5, 3, 4, 1, 1, 8, 2, 2, 0.0), 1);
                NDManager scope = model.manager().newSubManager()) {
            TrainingBatch batch = TrainingBatch.build(scope, groups, 3, 4);
            assertEquals(0, batch.docIdInput().getShape().get(1));
            NDArray logits = model.logits(batch.queryTokens(), batch.docIdInput(), false);
            assertEquals(1, logits.getShape().get(1));
            assertTrue(Float.isFinite(new NtpLoss().loss(logits, batch).getFloat()));
        }
    }

    @Test
    void indexingGroupsUseTheirWeight() {
        List<TrainingGroup> groups = TrainingGroups.indexing(new int[][] {{1, 2}, {3}}, new int[][] {{0, 1}, {1, 0}}, 0.25);
        assertEquals(2, groups.size());
        assertEquals(0.25, groups.get(0).weight(), 1e-12);
        assertArrayEquals(new int[] {1, 0}, groups.get(1).sequences().get(0).docId());
        assertThrows(IllegalArgumentException.class, () -> TrainingGroups.indexing(new int[][] {{1}}, new int[][] {{0}}, 0));
    }

    @Test
    void registryRejectsUnknownNamesAndOptions() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Losses.create("ntpp", Map.of()));
        assertTrue(unknown.getMessage().startsWith("Unknown loss 'ntpp'; known: "), unknown.getMessage());
        assertTrue(unknown.getMessage().endsWith("Did you mean 'ntp'?"), unknown.getMessage());
        IllegalArgumentException options = assertThrows(IllegalArgumentException.class, () -> Losses.create("ntp", Map.of("alpha", 1)));
        assertEquals("Unknown option loss.alpha for loss 'ntp'; it takes no options", options.getMessage());
    }

    @Test
    void gradedRelevanceRejectsNonPositiveGrades() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GradedRelevance(new int[] {3}, new double[] {0}));
        assertEquals("Grade 0.0 of document 3 is invalid; relevant documents need a finite grade > 0 (leave out judged non-relevant ones)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradedRelevance.binary(1, 1));
    }

    private static int[][] randomDocIds(Random random, int vocabulary) {
        // Fixed-length docIDs of length 1..3 over the vocabulary, then a random subset of at least 2.
        int length = 1 + random.nextInt(3);
        int total = (int) Math.pow(vocabulary, length);
        int count = Math.min(total, 2 + random.nextInt(8));
        int[] codes = random.ints(0, total).distinct().limit(count).toArray();
        int[][] docIds = new int[codes.length][length];
        for (int d = 0; d < codes.length; d++) {
            int code = codes[d];
            for (int i = length - 1; i >= 0; i--) {
                docIds[d][i] = code % vocabulary;
                code /= vocabulary;
            }
        }
        return docIds;
    }
}
