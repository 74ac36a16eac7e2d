package org.arr.theory.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.arr.theory.capacity.Permutations;
import org.arr.theory.capacity.RankingTargets;
import org.arr.theory.construction.BinaryDocIds;
import org.arr.trie.PackedTrie;
import org.arr.trie.PrefixTree;
import org.junit.jupiter.api.Test;

class TransformerCapacityTest {

    private static final int JOINT_STEPS = Integer.getInteger("jointSteps", 450);

    private static final int[][] PERMUTATIONS_OF_THREE = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

    @Test
    void binaryTransformerLearnsAllRankingsOfThree() {
        RankingTargets targets = RankingTargets.fullRankings(PERMUTATIONS_OF_THREE, 3);
        TransformerCapacity.Settings settings = new TransformerCapacity.Settings(4, 1, 1, 4, 1, 400, 0.03, 0.03, 1,
                Double.POSITIVE_INFINITY, 400, 0, 1, 0.1, 1, 1);

        TransformerCapacity.Result result = TransformerCapacity.train(targets, TransformerCapacity.DocIdKind.BINARY, settings);

        assertFalse(result.diverged());
        assertEquals(6, result.realizedQueries());
    }

    @Test
    void atomicTransformerStaysWithinCoverBound() {
        // N_lin(4, 2) = 12 < 24: with dModel 2 the atomic scores are linear functionals in R^2, so at most 12 of the
        // 24 permutations of 4 documents can be realized, however long the training. Refitting query embeddings in the
        // repair phase cannot lift the bound either, since the document vectors stay fixed.
        RankingTargets targets = RankingTargets.fullRankings(Permutations.all(4), 4);
        TransformerCapacity.Settings settings = new TransformerCapacity.Settings(2, 1, 1, 4, 2, 300, 0.03, 0.03, 5, 1, 300,
                3, 200, 0.1, 1, 1);

        TransformerCapacity.Result result = TransformerCapacity.train(targets, TransformerCapacity.DocIdKind.ATOMIC, settings);

        assertFalse(result.diverged());
        assertTrue(result.realizedQueries() <= 12, "realized " + result.realizedQueries());
    }

    @Test
    void repairPhaseRealizesRankingsTheJointPhaseMissed() {
        // The joint phase is too short to fit all 120 permutations of 5 documents. Refitting only the failing
        // queries' embeddings, with the network fixed, realizes the rest, as exhaustive scoring confirms.
        RankingTargets targets = RankingTargets.fullRankings(Permutations.all(5), 5);
        TransformerCapacity.Settings settings = new TransformerCapacity.Settings(4, 2, 1, 8, 4, JOINT_STEPS, 0.02, 0.0001,
                5, 1, 600, 6, 500, 0.1, 1, 3);

        TransformerCapacity.Result result = TransformerCapacity.train(targets, TransformerCapacity.DocIdKind.BINARY, settings);

        assertTrue(result.realizedAfterJointPhase() < 120, "joint phase realized " + result.realizedAfterJointPhase());
        assertEquals(120, result.realizedQueries());
    }

    @Test
    void learningRateWarmsUpThenDecaysToFinalRate() {
        // 105 steps: 5 warm-up steps, then a half cosine from 0.02 to 0.0001 over the remaining 100, so step 55 is
        // halfway down: 0.0001 + (0.02 - 0.0001) / 2 = 0.01005.
        TransformerCapacity.Settings settings = new TransformerCapacity.Settings(4, 1, 1, 4, 1, 105, 0.02, 0.0001, 5, 1, 105,
                0, 1, 0.1, 1, 1);

        assertEquals(0.004, TransformerCapacity.learningRate(settings, 5, 1), 1e-12);
        assertEquals(0.02, TransformerCapacity.learningRate(settings, 5, 5), 1e-12);
        assertEquals(0.01005, TransformerCapacity.learningRate(settings, 5, 55), 1e-12);
        assertEquals(0.0001, TransformerCapacity.learningRate(settings, 5, 105), 1e-12);
    }

    @Test
    void selectorSumsEachDocumentPathOverPackedSlots() {
        // n = 3: docIDs 00, 01, 1. Slot 0 is the root, slot 1 the inner node 0. Document 0 takes token 0 at both
        // slots, document 1 token 0 at the root and 1 at slot 1, document 2 token 1 at the root.
        PackedTrie packed = PackedTrie.of(PrefixTree.build(BinaryDocIds.assign(3), BinaryDocIds.VOCABULARY_SIZE));

        float[] selector = TransformerCapacity.selector(packed, BinaryDocIds.VOCABULARY_SIZE);

        float[] expected = {
            1, 1, 0, // slot 0, token 0
            0, 0, 1, // slot 0, token 1
            1, 0, 0, // slot 1, token 0
            0, 1, 0, // slot 1, token 1
        };
        assertArrayEquals(expected, selector);
    }

    @Test
    void atomicSelectorIsTheIdentityAtTheRoot() {
        int[][] docIds = {{0}, {1}, {2}};
        PackedTrie packed = PackedTrie.of(PrefixTree.build(docIds, 3));

        float[] selector = TransformerCapacity.selector(packed, 3);

        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, selector);
    }
}
