package org.arr.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arr.decode.ExhaustiveScorer;
import org.arr.loss.GradedRelevance;
import org.arr.loss.NtpLoss;
import org.arr.loss.RankingLoss;
import org.arr.loss.TrainingBatch;
import org.arr.loss.TrainingGroup;
import org.arr.loss.TrainingSequence;
import org.arr.model.ArrModel;
import org.arr.trie.PrefixTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrTrainerTest {

    private static TrainerConfig.Builder quick() {
        return TrainerConfig.builder().epochs(4).batchSize(8).learningRate(3e-3).warmupFraction(0.1).patience(0).seed(7)
                .progressBar(false);
    }

    @Test
    void trainingLowersLossAndRanksRelevantDocsFirst(@TempDir Path dir) {
        ToyTask task = new ToyTask();
        List<TrainingGroup> groups = task.groups(new NtpLoss());
        TrainerConfig config = quick().epochs(60).learningRate(5e-3).build();
        try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.0), 3)) {
            TrainingSummary summary = new ArrTrainer(config).train(model, new NtpLoss(), groups, dir, false, null, null);

            assertEquals(60, summary.epochsRun());
            // NTP cannot go below the mean of log |R+|: equal mass on each relevant docID is optimal.
            double floor = 0;
            for (GradedRelevance relevance : task.relevance) {
                floor += Math.log(relevance.size()) / task.relevance.size();
            }
            double first = summary.epochLosses().get(0);
            double last = summary.epochLosses().get(59);
            assertTrue(last - floor < 0.3 * (first - floor), "loss " + first + " -> " + last + ", floor " + floor);
            assertTrue(summary.tokensPerSecond() > 0);

            double[][] scores = new ExhaustiveScorer(ToyTask.TRIE).score(model.scorer(256), task.queryArray());
            int hits = 0;
            int relevantTotal = 0;
            for (int q = 0; q < scores.length; q++) {
                GradedRelevance relevance = task.relevance.get(q);
                int[] ranking = ExhaustiveScorer.ranking(scores[q]);
                Set<Integer> relevant = new HashSet<>();
                for (int d : relevance.documents()) {
                    relevant.add(d);
                }
                assertTrue(relevant.contains(ranking[0]), "query " + q + " ranks document " + ranking[0] + " first");
                for (int r = 0; r < relevance.size(); r++) {
                    hits += relevant.contains(ranking[r]) ? 1 : 0;
                }
                relevantTotal += relevance.size();
            }
            assertTrue(hits >= 0.95 * relevantTotal, hits + " of " + relevantTotal + " relevant documents in the top |R+|");
        }
    }

    @Test
    void everyRegisteredLossTrainsWithoutDiverging(@TempDir Path dir) {
        ToyTask task = new ToyTask();
        Map<String, Map<String, Object>> losses = Map.of(
                "stoical", Map.of("alpha", 0.5, "beta", 0.5, "epsilon", 0.1),
                "listwise", Map.of(),
                "stoical-offpath", Map.of("beta", 1.0, "offPathWeight", 0.2));
        for (Map.Entry<String, Map<String, Object>> entry : losses.entrySet()) {
            // Targets with beta > 0 carry entropy, so these losses stay above 0 even when fitted.
            RankingLoss loss = org.arr.loss.Losses.create(entry.getKey(), entry.getValue());
            try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.0), 3)) {
                TrainingSummary summary = new ArrTrainer(quick().epochs(15).learningRate(5e-3).build())
                        .train(model, loss, task.groups(loss), dir.resolve(entry.getKey()), false, null, null);
                double first = summary.epochLosses().get(0);
                double last = summary.epochLosses().get(14);
                assertTrue(last < 0.8 * first, entry.getKey() + ": loss " + first + " -> " + last);
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalParameters(@TempDir Path dir) {
        ToyTask task = new ToyTask();
        TrainerConfig config = quick().epochs(3).build();
        Map<String, float[]> first;
        Map<String, float[]> second;
        List<Double> firstLosses;
        try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.2), 11)) {
            firstLosses = new ArrTrainer(config).train(model, new NtpLoss(), task.groups(new NtpLoss()), dir.resolve("a"), false, null, null)
                    .epochLosses();
            first = model.parameterValues();
        }
        try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.2), 11)) {
            List<Double> losses = new ArrTrainer(config).train(model, new NtpLoss(), task.groups(new NtpLoss()), dir.resolve("b"), false,
                    null, null).epochLosses();
            second = model.parameterValues();
            assertEquals(firstLosses, losses);
        }
        assertEquals(first.keySet(), second.keySet());
        for (String name : first.keySet()) {
            assertArrayEquals(first.get(name), second.get(name), name);
        }
    }

    @Test
    void resumedRunMatchesUninterruptedRun(@TempDir Path dir) {
        ToyTask task = new ToyTask();
        List<TrainingGroup> groups = task.groups(new NtpLoss());
        TrainerConfig config = quick().epochs(4).patience(3).build();
        DevEvaluator byEpoch = epoch -> epoch % 2 == 0 ? epoch : 0.5;

        TrainingSummary uninterrupted;
        Map<String, float[]> expected;
        try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.1), 5)) {
            uninterrupted = new ArrTrainer(config).train(model, new NtpLoss(), groups, dir.resolve("full"), false, byEpoch, null);
            expected = model.parameterValues();
        }

        // The evaluator fails after epoch 3's training steps, before its checkpoint: like a kill during epoch 3.
        Path interruptedDir = dir.resolve("interrupted");
        try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.1), 5)) {
            DevEvaluator failing = epoch -> {
                if (epoch == 3) {
                    throw new IllegalStateException("simulated crash");
                }
                return byEpoch.evaluate(epoch);
            };
            assertThrows(IllegalStateException.class,
                    () -> new ArrTrainer(config).train(model, new NtpLoss(), groups, interruptedDir, false, failing, null));
        }
        TrainingSummary resumed;
        Map<String, float[]> actual;
        try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.1), 99)) {
            resumed = new ArrTrainer(config).train(model, new NtpLoss(), groups, interruptedDir, true, byEpoch, null);
            actual = model.parameterValues();
        }

        assertTrue(resumed.resumed());
        assertEquals(uninterrupted.epochLosses(), resumed.epochLosses());
        assertEquals(uninterrupted.devMetrics(), resumed.devMetrics());
        assertEquals(uninterrupted.bestEpoch(), resumed.bestEpoch());
        assertEquals(4, resumed.bestEpoch());
        assertEquals(uninterrupted.optimizerSteps(), resumed.optimizerSteps());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name);
        }
    }

    @Test
    void earlyStoppingRestoresBestEpoch(@TempDir Path dir) {
        ToyTask task = new ToyTask();
        TrainerConfig config = quick().epochs(10).patience(2).build();
        Map<Integer, Map<String, float[]>> snapshots = new java.util.HashMap<>();
        try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.0), 5)) {
            DevEvaluator peaksAtTwo = epoch -> {
                snapshots.put(epoch, model.parameterValues());
                return epoch == 2 ? 1.0 : 0.1 * epoch;
            };
            TrainingSummary summary = new ArrTrainer(config).train(model, new NtpLoss(), task.groups(new NtpLoss()), dir, false,
                    peaksAtTwo, null);
            assertTrue(summary.stoppedEarly());
            assertEquals(4, summary.epochsRun());
            assertEquals(2, summary.bestEpoch());
            assertEquals(1.0, summary.bestMetric());
            assertNotNull(summary.bestCheckpoint());
            Map<String, float[]> restored = model.parameterValues();
            for (String name : restored.keySet()) {
                assertArrayEquals(snapshots.get(2).get(name), restored.get(name), name);
            }
        }
    }

    @Test
    void nonFiniteLossKeepsLastCheckpoint(@TempDir Path dir) throws IOException {
        ToyTask task = new ToyTask();
        List<TrainingGroup> groups = task.groups(new NtpLoss());
        int stepsPerEpoch = (groups.size() + 7) / 8;
        RankingLoss poisoned = new NanAfter(stepsPerEpoch + 2);
        List<byte[]> checkpointAfterEpochOne = new ArrayList<>();
        try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.0), 5)) {
            NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
                    () -> new ArrTrainer(quick().build()).train(model, poisoned, groups, dir, false, null, record -> {
                        try {
                            checkpointAfterEpochOne.add(Files.readAllBytes(dir.resolve(Checkpoints.LAST)));
                        } catch (IOException io) {
                            throw new java.io.UncheckedIOException(io);
                        }
                    }));
            assertEquals(2, e.epoch());
            assertEquals(stepsPerEpoch + 3, e.step());
            assertEquals(dir.resolve(Checkpoints.LAST), e.lastGoodCheckpoint());
            assertEquals("Training loss became NaN at epoch 2, step " + (stepsPerEpoch + 3) + " (batch 3 of " + stepsPerEpoch
                    + "); training stopped. The last good checkpoint is " + dir.resolve(Checkpoints.LAST)
                    + " (epoch 1). Lower train.learningRate or train.gradClip, then rerun.", e.getMessage());
        }
        assertEquals(1, checkpointAfterEpochOne.size());
        assertArrayEquals(checkpointAfterEpochOne.get(0), Files.readAllBytes(dir.resolve(Checkpoints.LAST)));
        assertEquals(1, Checkpoints.read(dir.resolve(Checkpoints.LAST)).state().epochsCompleted());
    }

    @Test
    void corruptCheckpointGivesClearError(@TempDir Path dir) throws IOException {
        ToyTask task = new ToyTask();
        List<TrainingGroup> groups = task.groups(new NtpLoss());
        TrainerConfig config = quick().epochs(1).build();
        try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.0), 5)) {
            new ArrTrainer(config).train(model, new NtpLoss(), groups, dir, false, null, null);
        }
        Path file = dir.resolve(Checkpoints.LAST);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);

        try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.0), 5)) {
            InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class,
                    () -> new ArrTrainer(quick().epochs(2).build()).train(model, new NtpLoss(), groups, dir, true, null, null));
            assertEquals("Checkpoint " + file + " is corrupt (checksum mismatch); delete it and rerun without resuming", e.getMessage());
        }

        Files.write(file, java.util.Arrays.copyOf(bytes, 100));
        try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.0), 5)) {
            InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class,
                    () -> new ArrTrainer(quick().epochs(2).build()).train(model, new NtpLoss(), groups, dir, true, null, null));
            assertTrue(e.getMessage().contains("is truncated or corrupt"), e.getMessage());
        }
    }

    @Test
    void resumeWithOtherSettingsIsRejected(@TempDir Path dir) {
        ToyTask task = new ToyTask();
        List<TrainingGroup> groups = task.groups(new NtpLoss());
        try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.0), 5)) {
            new ArrTrainer(quick().epochs(1).build()).train(model, new NtpLoss(), groups, dir, false, null, null);
        }
        try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.0), 5)) {
            InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class,
                    () -> new ArrTrainer(quick().epochs(1).learningRate(1e-2).build()).train(model, new NtpLoss(), groups, dir, true, null,
                            null));
            assertEquals("Checkpoint " + dir.resolve(Checkpoints.LAST) + " was written for a different trainer config (learningRate: 0.003"
                    + " -> 0.01). Resume with the original settings or start a new run", e.getMessage());
        }
    }

    @Test
    void scheduleWarmsUpThenDecays() {
        TrainerConfig cosine = TrainerConfig.builder().learningRate(1.0).warmupFraction(0.1).minLearningRateRatio(0.0)
                .schedule(LearningRateSchedule.COSINE).build();
        var tracker = Schedules.learningRate(cosine, 100);
        assertEquals(0.1f, tracker.getNewValue(1), 1e-6);
        assertEquals(0.5f, tracker.getNewValue(5), 1e-6);
        assertEquals(1.0f, tracker.getNewValue(10), 1e-6);
        assertEquals(0.5f, tracker.getNewValue(55), 1e-6);
        assertEquals(0.0f, tracker.getNewValue(100), 1e-6);

        TrainerConfig linear = TrainerConfig.builder().learningRate(1.0).warmupFraction(0.0).minLearningRateRatio(0.5)
                .schedule(LearningRateSchedule.LINEAR).build();
        var linearTracker = Schedules.learningRate(linear, 10);
        assertEquals(1.0f, linearTracker.getNewValue(0), 1e-6);
        assertEquals(0.75f, linearTracker.getNewValue(5), 1e-6);
        assertEquals(0.5f, linearTracker.getNewValue(10), 1e-6);
    }

    @Test
    void permutationDependsOnSeedAndEpochOnly() {
        long a = ArrTrainer.epochSeed(7, 3);
        assertEquals(a, ArrTrainer.epochSeed(7, 3));
        assertFalse(a == ArrTrainer.epochSeed(7, 4));
        int[] order = ArrTrainer.permutation(50, a);
        assertArrayEquals(order, ArrTrainer.permutation(50, a));
        int[] sorted = order.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void invalidTrainerConfigNamesField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainerConfig.builder().warmupFraction(1.5).build());
        assertEquals("train.warmupFraction = 1.5 is outside the allowed range [0.0, 1.0)", e.getMessage());
        IllegalArgumentException lr = assertThrows(IllegalArgumentException.class, () -> TrainerConfig.builder().learningRate(0).build());
        assertEquals("train.learningRate = 0.0 is invalid; expected a finite value > 0", lr.getMessage());
    }

    @Test
    void isolatedNonFiniteGradientSkipped(@TempDir Path dir) {
        ToyTask task = new ToyTask();
        List<TrainingGroup> groups = task.groups(new NtpLoss());
        RankingLoss glitch = new NonFiniteGradientAt(3, 3);
        try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.0), 5)) {
            TrainingSummary summary = new ArrTrainer(quick().epochs(2).build()).train(model, glitch, groups, dir, false, null,
                    record -> { });
            assertEquals(2, summary.epochsRun());
            for (double loss : summary.epochLosses()) {
                assertTrue(Double.isFinite(loss), "epoch loss " + loss);
            }
        }
    }

    @Test
    void repeatedNonFiniteGradientStops(@TempDir Path dir) {
        ToyTask task = new ToyTask();
        List<TrainingGroup> groups = task.groups(new NtpLoss());
        RankingLoss broken = new NonFiniteGradientAt(2, Integer.MAX_VALUE);
        try (ArrModel model = ArrModel.create(ToyTask.modelConfig(0.0), 5)) {
            NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
                    () -> new ArrTrainer(quick().build()).train(model, broken, groups, dir, false, null, record -> { }));
            assertEquals(5, e.step());
            assertTrue(e.getMessage().startsWith("Training gradient norm became NaN at epoch 1, step 5"), e.getMessage());
        }
    }

    /** NTP targets and loss, with a fault injected into the loss on some calls (counted from 1). */
    private abstract static class FaultyNtp implements RankingLoss {
        private int calls;

        @Override
        public String name() {
            return "faulty-ntp";
        }

        @Override
        public List<TrainingSequence> sequences(GradedRelevance relevance, int[][] docIds, PrefixTree trie) {
            return new NtpLoss().sequences(relevance, docIds, trie);
        }

        @Override
        public NDArray loss(NDArray logits, TrainingBatch batch) {
            NDArray loss = RankingLoss.weightedCrossEntropy(logits, batch);
            calls++;
            return inject(calls, loss, logits);
        }

        abstract NDArray inject(int call, NDArray loss, NDArray logits);
    }

    /**
     * NTP plus {@code 0 * sqrt(0 * sum(logits))} on calls {@code from .. to}: the loss value stays finite but the
     * gradient is NaN, because the derivative of {@code sqrt} at 0 is infinite.
     */
    private static final class NonFiniteGradientAt extends FaultyNtp {
        private final int from;
        private final int to;

        NonFiniteGradientAt(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        NDArray inject(int call, NDArray loss, NDArray logits) {
            if (call < from || call > to) {
                return loss;
            }
            return loss.add(logits.sum().mul(0).sqrt().mul(0));
        }
    }

    /** NTP whose loss becomes NaN from a given call on (an injected divergence). */
    private static final class NanAfter extends FaultyNtp {
        private final int healthyCalls;

        NanAfter(int healthyCalls) {
            this.healthyCalls = healthyCalls;
        }

        @Override
        NDArray inject(int call, NDArray loss, NDArray logits) {
            return call > healthyCalls ? loss.mul(Float.NaN) : loss;
        }
    }
}
