package org.arr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.decode.NextTokenScorer;
import org.junit.jupiter.api.Test;

class ArrTransformerTest {

    private static final float TOLERANCE = 1e-5f;

    static ArrModelConfig tinyConfig(int docIdVocabulary, int maxDocIdLength) {
        return new ArrModelConfig(12, docIdVocabulary, 6, maxDocIdLength, 2, 16, 2, 2, 0.0);
    }

    @Test
    void logitsShapeIncludesSeparator() {
        try (ArrModel model = ArrModel.create(tinyConfig(5, 4), 1);
                NDManager scope = model.manager().newSubManager()) {
            NDArray queries = ArrInputs.queries(scope, new int[][] {{1, 2, 3}, {4}}, 6);
            NDArray docIds = ArrInputs.docIds(scope, new int[][] {{0, 1}, {2, 3}}, 2);
            NDArray logits = model.logits(queries, docIds, false);
            assertEquals(2, logits.getShape().get(0));
            assertEquals(3, logits.getShape().get(1));
            assertEquals(5, logits.getShape().get(2));
        }
    }

    @Property(tries = 12)
    void laterDocIdTokenLeavesEarlierLogitsUnchanged(@ForAll @IntRange(min = 0, max = 1000) int seed,
            @ForAll @IntRange(min = 0, max = 3) int changedPosition) {
        Random random = new Random(seed);
        try (ArrModel model = ArrModel.create(tinyConfig(7, 5), seed);
                NDManager scope = model.manager().newSubManager()) {
            int[] query = randomTokens(random, 1 + random.nextInt(6), 12);
            int[] docId = randomTokens(random, 4, 7);
            int[] changed = docId.clone();
            changed[changedPosition] = (docId[changedPosition] + 1 + random.nextInt(6)) % 7;

            float[][] original = positions(model, scope, query, docId);
            float[][] modified = positions(model, scope, query, changed);

            // Position j reads docID tokens t_1 .. t_j only, so positions 0 .. changedPosition see no change.
            for (int j = 0; j <= changedPosition; j++) {
                assertArrayEquals(original[j], modified[j], TOLERANCE, "position " + j);
            }
            assertTrue(differs(original[changedPosition + 1], modified[changedPosition + 1]),
                    "the changed token must reach the next position");
        }
    }

    @Property(tries = 12)
    void queryPaddingLeavesLogitsUnchanged(@ForAll @IntRange(min = 0, max = 1000) int seed) {
        Random random = new Random(seed);
        try (ArrModel model = ArrModel.create(tinyConfig(6, 3), seed);
                NDManager scope = model.manager().newSubManager()) {
            int[] shortQuery = randomTokens(random, 1 + random.nextInt(3), 12);
            int[] longQuery = randomTokens(random, 6, 12);
            int[] docId = randomTokens(random, 3, 6);

            NDArray alone = model.logits(ArrInputs.queries(scope, new int[][] {shortQuery}, 6),
                    ArrInputs.docIds(scope, new int[][] {docId}, 3), false);
            NDArray padded = model.logits(ArrInputs.queries(scope, new int[][] {longQuery, shortQuery}, 6),
                    ArrInputs.docIds(scope, new int[][] {docId, docId}, 3), false);
            assertArrayEquals(alone.get(0).toFloatArray(), padded.get(1).toFloatArray(), TOLERANCE);
        }
    }

    @Test
    void scorerMatchesTeacherForcingForMixedPrefixLengths() {
        try (ArrModel model = ArrModel.create(tinyConfig(5, 4), 3)) {
            NextTokenScorer scorer = model.scorer(2);
            int[][] queries = {{1, 2}, {3, 4, 5, 6}, {7}};
            int[][] sequences = {{0, 1, 2}, {4}, {3, 3, 1}};
            float[][][] along = scorer.logProbabilitiesAlong(queries, sequences);
            int[][] prefixes = {{0, 1}, {}, {3, 3, 1}};
            float[][] next = scorer.nextTokenLogProbabilities(queries, prefixes);

            assertArrayEquals(along[0][2], next[0], TOLERANCE);
            assertArrayEquals(along[1][0], next[1], TOLERANCE);
            assertArrayEquals(along[2][3], next[2], TOLERANCE);
            for (float[] row : next) {
                double total = 0;
                for (float logp : row) {
                    total += Math.exp(logp);
                }
                assertEquals(1.0, total, 1e-5);
            }
        }
    }

    @Test
    void sameSeedGivesSameWeights() {
        try (ArrModel first = ArrModel.create(tinyConfig(5, 4), 42);
                ArrModel second = ArrModel.create(tinyConfig(5, 4), 42);
                ArrModel other = ArrModel.create(tinyConfig(5, 4), 43)) {
            float[] a = first.parameterValues().get("tokenEmbedding");
            assertArrayEquals(a, second.parameterValues().get("tokenEmbedding"));
            assertTrue(differs(a, other.parameterValues().get("tokenEmbedding")));
        }
    }

    @Test
    void invalidConfigNamesFieldAndRange() {
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class,
                () -> new ArrModelConfig(10, 5, 8, 3, 2, 30, 4, 4, 0.1));
        assertEquals("model.dModel = 30 must be a multiple of model.heads = 4; choose dModel = 32 or a number of heads"
                + " that divides 30", heads.getMessage());
        IllegalArgumentException dropout = assertThrows(IllegalArgumentException.class,
                () -> new ArrModelConfig(10, 5, 8, 3, 2, 32, 4, 4, 1.0));
        assertEquals("model.dropout = 1.0 is outside the allowed range [0, 1)", dropout.getMessage());
        IllegalArgumentException layers = assertThrows(IllegalArgumentException.class,
                () -> new ArrModelConfig(10, 5, 8, 3, 0, 32, 4, 4, 0.1));
        assertEquals("model.layers = 0 is invalid; expected an integer >= 1", layers.getMessage());
    }

    private static float[][] positions(ArrModel model, NDManager scope, int[] query, int[] docId) {
        NDArray logits = model.logits(ArrInputs.queries(scope, new int[][] {query}, 6),
                ArrInputs.docIds(scope, new int[][] {docId}, docId.length), false);
        int positions = (int) logits.getShape().get(1);
        float[][] rows = new float[positions][];
        for (int j = 0; j < positions; j++) {
            rows[j] = logits.get(0, j).toFloatArray();
        }
        return rows;
    }

    private static int[] randomTokens(Random random, int length, int vocabulary) {
        int[] tokens = new int[length];
        for (int i = 0; i < length; i++) {
            tokens[i] = random.nextInt(vocabulary);
        }
        return tokens;
    }

    private static boolean differs(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > TOLERANCE) {
                return true;
            }
        }
        return false;
    }
}
