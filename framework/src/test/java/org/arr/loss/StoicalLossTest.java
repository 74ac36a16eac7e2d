package org.arr.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.decode.DecodingMetrics;
import org.arr.decode.ExhaustiveScorer;
import org.arr.model.ArrModel;
import org.arr.model.ArrModelConfig;
import org.arr.trie.PrefixTree;
import org.junit.jupiter.api.Test;

class StoicalLossTest {

    @Property(tries = 300)
    void targetsAreDistributionsOverValidTokens(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Random random = new Random(seed);
        int vocabulary = 2 + random.nextInt(4);
        int[][] docIds = LossFixtures.docIds(random, vocabulary, 1 + random.nextInt(4), 30);
        PrefixTree trie = PrefixTree.build(docIds, vocabulary);
        GradedRelevance relevance = LossFixtures.relevance(random, docIds.length);
        double alpha = random.nextDouble();
        double beta = random.nextBoolean() ? random.nextDouble() : 0;
        double epsilon = random.nextBoolean() ? random.nextDouble() : 0;
        Gain gain = random.nextBoolean() ? Gain.linear() : Gain.exponential();
        double offPathWeight = random.nextDouble();

        List<RankingLoss> losses = List.of(new StoicalLoss(alpha, beta, gain, epsilon),
                new StoicalOffPathLoss(alpha, beta, gain, epsilon, offPathWeight), new ListwiseLoss(alpha, gain));
        for (RankingLoss loss : losses) {
            double totalWeight = 0;
            List<TrainingSequence> sequences = loss.sequences(relevance, docIds, trie);
            for (TrainingSequence sequence : sequences) {
                assertTrue(sequence.weight() >= 0, loss + ": negative weight");
                totalWeight += sequence.weight();
                int[] docId = sequence.docId();
                int node = trie.root();
                for (int i = 0; i < docId.length; i++) {
                    TokenTargets targets = sequence.targets();
                    if (targets.size(i) > 0) {
                        assertEquals(1.0, targets.mass(i), 1e-6, loss + ": target mass at position " + i);
                    }
                    for (int k = 0; k < targets.size(i); k++) {
                        assertTrue(targets.probability(i, k) >= 0, loss + ": negative target");
                        assertTrue(trie.child(node, targets.token(i, k)) >= 0,
                                loss + ": token " + targets.token(i, k) + " is not a valid continuation at position " + i);
                    }
                    node = trie.child(node, docId[i]);
                    if (i < docId.length - 1) {
                        assertTrue(node >= 0, loss + ": teacher-forced prefix leaves the trie");
                    }
                }
            }
            // Off-path sequences come after the relevant ones and share offPathWeight.
            boolean offPath = sequences.size() > relevance.size();
            assertTrue(!offPath || loss instanceof StoicalOffPathLoss, loss + ": unexpected extra sequences");
            double expected = offPath ? 1 + offPathWeight : 1;
            assertEquals(expected, totalWeight, 1e-9, loss + ": weights of a query");
        }
    }

    @Property(tries = 6)
    void zeroAlphaBetaEpsilonGivesNtpLossAndGradient(@ForAll @IntRange(min = 0, max = 10000) int seed) {
        Random random = new Random(seed);
        int vocabulary = 2 + random.nextInt(3);
        int[][] docIds = LossFixtures.docIds(random, vocabulary, 1 + random.nextInt(3), 12);
        PrefixTree trie = PrefixTree.build(docIds, vocabulary);
        List<int[]> queries = List.of(new int[] {1, 2}, new int[] {3}, new int[] {4, 5, 6});
        List<GradedRelevance> relevance = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++) {
            relevance.add(LossFixtures.relevance(random, docIds.length));
        }
        ArrModelConfig config = new ArrModelConfig(8, vocabulary, 4, trie.maxDepth(), 1, 16, 2, 2, 0.0);

        try (ArrModel model = ArrModel.create(config, seed)) {
            Gradient ntp = lossAndGradient(model, new NtpLoss(), queries, relevance, docIds, trie);
            Gradient stoical = lossAndGradient(model, new StoicalLoss(0, 0, Gain.exponential(), 0), queries, relevance, docIds, trie);
            assertEquals(ntp.loss, stoical.loss, 0.0);
            for (String name : ntp.gradients.keySet()) {
                assertArrayEquals(ntp.gradients.get(name), stoical.gradients.get(name), 0f, name);
            }
        }
    }

    @Property(tries = 8)
    void gradientsAreFinite(@ForAll @IntRange(min = 0, max = 10000) int seed) {
        Random random = new Random(seed);
        int vocabulary = 2 + random.nextInt(3);
        int[][] docIds = LossFixtures.docIds(random, vocabulary, 1 + random.nextInt(3), 12);
        PrefixTree trie = PrefixTree.build(docIds, vocabulary);
        List<int[]> queries = List.of(new int[] {1}, new int[] {2, 3});
        List<GradedRelevance> relevance = List.of(LossFixtures.relevance(random, docIds.length), LossFixtures.relevance(random, docIds.length));
        ArrModelConfig config = new ArrModelConfig(8, vocabulary, 4, trie.maxDepth(), 1, 16, 2, 2, 0.0);
        double alpha = random.nextDouble();
        double beta = random.nextDouble();
        double epsilon = random.nextDouble();

        try (ArrModel model = ArrModel.create(config, seed)) {
            for (RankingLoss loss : List.of(new StoicalLoss(alpha, beta, Gain.linear(), epsilon),
                    new StoicalOffPathLoss(alpha, beta, Gain.linear(), epsilon, 0.5), new ListwiseLoss(alpha, Gain.exponential()))) {
                Gradient result = lossAndGradient(model, loss, queries, relevance, docIds, trie);
                assertTrue(Double.isFinite(result.loss), loss + ": loss " + result.loss);
                for (Map.Entry<String, float[]> entry : result.gradients.entrySet()) {
                    for (float value : entry.getValue()) {
                        assertTrue(Float.isFinite(value), loss + ": gradient of " + entry.getKey());
                    }
                }
            }
        }
    }

    @Property(tries = 12)
    void itemLossMinimizerIsPi(@ForAll @IntRange(min = 0, max = 100000) int seed) {
        Random random = new Random(seed);
        int vocabulary = 2 + random.nextInt(3);
        int[][] docIds = LossFixtures.docIds(random, vocabulary, 1 + random.nextInt(3), 10);
        PrefixTree trie = PrefixTree.build(docIds, vocabulary);
        GradedRelevance relevance = LossFixtures.relevance(random, docIds.length);
        StoicalLoss loss = new StoicalLoss(random.nextDouble(), random.nextDouble(), Gain.linear(), 0);
        double[] pi = loss.itemDistribution(relevance);

        double[] probability = FreeLogits.minimize(loss, relevance, docIds, trie, 800);
        for (int j = 0; j < relevance.size(); j++) {
            assertEquals(pi[j], probability[relevance.document(j)], 0.02, "document " + relevance.document(j));
        }
    }

    @Property(tries = 6)
    void listwiseLossEqualsNormalizedLogLikelihood(@ForAll @IntRange(min = 0, max = 10000) int seed) {
        Random random = new Random(seed);
        int vocabulary = 2 + random.nextInt(3);
        int[][] docIds = LossFixtures.docIds(random, vocabulary, 1 + random.nextInt(3), 15);
        PrefixTree trie = PrefixTree.build(docIds, vocabulary);
        List<int[]> queries = List.of(new int[] {1, 2}, new int[] {5});
        List<GradedRelevance> relevance = List.of(LossFixtures.relevance(random, docIds.length), LossFixtures.relevance(random, docIds.length));
        ListwiseLoss loss = new ListwiseLoss(0.5, Gain.linear());
        ArrModelConfig config = new ArrModelConfig(8, vocabulary, 4, trie.maxDepth(), 2, 16, 2, 2, 0.0);

        try (ArrModel model = ArrModel.create(config, seed);
                NDManager scope = model.manager().newSubManager()) {
            List<TrainingGroup> groups = TrainingGroups.forQueries(loss, queries, relevance, docIds, trie);
            TrainingBatch batch = TrainingBatch.build(scope, groups, vocabulary, config.maxQueryLength());
            double value = loss.loss(model, batch, false).getFloat();

            double[][] scores = new ExhaustiveScorer(trie).score(model.scorer(64), queries.toArray(new int[0][]));
            double expected = 0;
            StoicalLoss items = new StoicalLoss(0.5, 0, Gain.linear(), 0);
            for (int q = 0; q < queries.size(); q++) {
                double[] pi = items.itemDistribution(relevance.get(q));
                double logZ = DecodingMetrics.logSumExp(scores[q]);
                for (int j = 0; j < pi.length; j++) {
                    expected += pi[j] * (logZ - scores[q][relevance.get(q).document(j)]);
                }
            }
            expected /= queries.size();
            assertEquals(expected, value, 1e-4 * Math.max(1, Math.abs(expected)));
        }
    }

    @Test
    void tokenTargetsMatchHandComputedMarginals() {
        int[][] docIds = {{0, 0}, {0, 1}, {1, 0}};
        PrefixTree trie = PrefixTree.build(docIds, 2);
        GradedRelevance relevance = new GradedRelevance(new int[] {0, 2}, new double[] {3, 1});

        List<TrainingSequence> marginals = new StoicalLoss(1, 1, Gain.linear(), 0).sequences(relevance, docIds, trie);
        assertEquals(0.75, marginals.get(0).weight(), 1e-12);
        assertEquals(0.25, marginals.get(1).weight(), 1e-12);
        TokenTargets first = marginals.get(0).targets();
        assertEquals(2, first.size(0));
        assertEquals(0.75f, first.probability(0, 0), 1e-6f);
        assertEquals(0.25f, first.probability(0, 1), 1e-6f);
        assertEquals(1, first.size(1));
        assertEquals(0, first.token(1, 0));

        List<TrainingSequence> smoothed = new StoicalLoss(1, 0, Gain.linear(), 0.5).sequences(relevance, docIds, trie);
        TokenTargets smoothedFirst = smoothed.get(0).targets();
        assertEquals(0.5 + 0.5 * 2 / 3.0, smoothedFirst.probability(0, 0), 1e-6);
        assertEquals(0.5 / 3.0, smoothedFirst.probability(0, 1), 1e-6);
        assertEquals(0.75, smoothedFirst.probability(1, 0), 1e-6);
        assertEquals(0.25, smoothedFirst.probability(1, 1), 1e-6);
    }

    @Test
    void gainMapWeightsGrades() {
        Map<String, Object> gains = new LinkedHashMap<>();
        gains.put("3", 1.0);
        gains.put("2", 0.1);
        gains.put("1", 0.01);
        StoicalLoss loss = (StoicalLoss) Losses.create("stoical", Map.of("alpha", 1, "gain", gains));
        double[] pi = loss.itemDistribution(new GradedRelevance(new int[] {0, 1, 2}, new double[] {3, 2, 1}));
        assertEquals(1.0 / 1.11, pi[0], 1e-12);
        assertEquals(0.1 / 1.11, pi[1], 1e-12);
        assertEquals(0.01 / 1.11, pi[2], 1e-12);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> loss.itemDistribution(new GradedRelevance(new int[] {0}, new double[] {4})));
        assertEquals("loss.gain has no entry for grade 4.0; grades with gains: [1.0, 2.0, 3.0]", missing.getMessage());
    }

    @Test
    void offPathCoversInnerSiblings() {
        int[][] docIds = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2}};
        PrefixTree trie = PrefixTree.build(docIds, 3);
        List<TrainingSequence> sequences = new StoicalOffPathLoss(0, 0, Gain.linear(), 0, 0.2)
                .sequences(GradedRelevance.binary(0), docIds, trie);
        assertEquals(2, sequences.size());
        TrainingSequence offPath = sequences.get(1);
        assertArrayEquals(new int[] {1, 0}, offPath.docId());
        assertEquals(0.2, offPath.weight(), 1e-12);
        assertEquals(0, offPath.targets().size(0));
        assertEquals(2, offPath.targets().size(1));
        assertEquals(0.5f, offPath.targets().probability(1, 0), 1e-6f);
        assertEquals(0.5f, offPath.targets().probability(1, 1), 1e-6f);
    }

    @Test
    void optionsAreValidated() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> Losses.create("stoical", Map.of("alhpa", 1)));
        assertEquals("Unknown option loss.alhpa for loss 'stoical'; did you mean 'alpha'? Options: [alpha, beta, gain, epsilon]",
                typo.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> Losses.create("stoical", Map.of("beta", 1.5)));
        assertEquals("loss.beta = 1.5 is outside the allowed range [0, 1]", range.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> Losses.create("listwise", Map.of("alpha", "high")));
        assertEquals("loss.alpha = 'high' for loss 'listwise' is not a number", type.getMessage());
        IllegalArgumentException gain = assertThrows(IllegalArgumentException.class, () -> Losses.create("stoical", Map.of("gain", "square")));
        assertEquals("loss.gain = 'square' is invalid; expected linear, exp, or a map from grade to gain", gain.getMessage());
        assertTrue(Losses.names().containsAll(List.of("ntp", "stoical", "listwise", "stoical-offpath")));
    }

    private record Gradient(double loss, Map<String, float[]> gradients) {
    }

    private static Gradient lossAndGradient(ArrModel model, RankingLoss loss, List<int[]> queries, List<GradedRelevance> relevance,
            int[][] docIds, PrefixTree trie) {
        List<Parameter> parameters = new ArrayList<>();
        for (Pair<String, Parameter> entry : model.parameters()) {
            entry.getValue().getArray().setRequiresGradient(true);
            parameters.add(entry.getValue());
        }
        try (NDManager scope = model.manager().newSubManager()) {
            List<TrainingGroup> groups = TrainingGroups.forQueries(loss, queries, relevance, docIds, trie);
            TrainingBatch batch = TrainingBatch.build(scope, groups, trie.vocabularySize(), model.config().maxQueryLength());
            double value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray result = loss.loss(model, batch, true);
                value = result.getFloat();
                collector.backward(result);
            }
            Map<String, float[]> gradients = new LinkedHashMap<>();
            for (Pair<String, Parameter> entry : model.parameters()) {
                NDArray gradient = entry.getValue().getArray().getGradient();
                gradients.put(entry.getKey(), gradient.toFloatArray());
                gradient.subi(gradient);
                gradient.close();
            }
            return new Gradient(value, gradients);
        }
    }

    /** Minimizes a loss over free next-token logits, one row per trie node (no network). */
    static final class FreeLogits {

        static double[] minimize(RankingLoss loss, GradedRelevance relevance, int[][] docIds, PrefixTree trie, int iterations) {
            int vocabulary = trie.vocabularySize();
            int nodes = trie.nodeCount();
            List<TrainingSequence> sequences = loss.sequences(relevance, docIds, trie);
            int length = 0;
            for (TrainingSequence sequence : sequences) {
                length = Math.max(length, sequence.length());
            }

            // selector[s, i] is the one-hot of the node at prefix t_<i of sequence s (zero past its end).
            float[] selector = new float[sequences.size() * length * nodes];
            for (int s = 0; s < sequences.size(); s++) {
                int[] docId = sequences.get(s).docId();
                int node = trie.root();
                for (int i = 0; i < docId.length; i++) {
                    selector[(s * length + i) * nodes + node] = 1;
                    node = trie.child(node, docId[i]);
                }
            }

            try (NDManager manager = NDManager.newBaseManager()) {
                TrainingBatch batch = TrainingBatch.build(manager, List.of(new TrainingGroup(new int[] {0}, sequences)), vocabulary, 4);
                NDArray select = manager.create(selector, new Shape(sequences.size() * length, nodes));
                NDArray table = manager.zeros(new Shape(nodes, vocabulary));
                table.setRequiresGradient(true);
                for (int step = 0; step < iterations; step++) {
                    try (NDManager scope = manager.newSubManager()) {
                        NDArray value;
                        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                            NDArray logits = select.matMul(table).reshape(sequences.size(), length, vocabulary);
                            value = loss.loss(logits, batch);
                            collector.backward(value);
                        }
                        NDArray gradient = table.getGradient();
                        gradient.attach(scope);
                        table.subi(gradient.mul(3f));
                        gradient.subi(gradient);
                    }
                }

                float[] logits = table.toFloatArray();
                double[] probability = new double[docIds.length];
                for (int d = 0; d < docIds.length; d++) {
                    int node = trie.root();
                    double logp = 0;
                    for (int token : docIds[d]) {
                        double max = Double.NEGATIVE_INFINITY;
                        for (int v = 0; v < vocabulary; v++) {
                            max = Math.max(max, logits[node * vocabulary + v]);
                        }
                        double sum = 0;
                        for (int v = 0; v < vocabulary; v++) {
                            sum += Math.exp(logits[node * vocabulary + v] - max);
                        }
                        logp += logits[node * vocabulary + token] - max - Math.log(sum);
                        node = trie.child(node, token);
                    }
                    probability[d] = Math.exp(logp);
                }
                return probability;
            }
        }
    }
}
