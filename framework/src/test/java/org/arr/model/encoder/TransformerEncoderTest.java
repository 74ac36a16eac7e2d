package org.arr.model.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TransformerEncoderTest {

    private static final float TOLERANCE = 1e-5f;

    static EncoderConfig config(Pooling pooling) {
        return new EncoderConfig(12, 8, 2, 16, 2, 2, 0.0, pooling);
    }

    private static float[] encode(TransformerEncoder encoder, NDArray tokens) {
        return encoder.forward(new ParameterStore(tokens.getManager(), false), new NDList(tokens), false)
                .singletonOrThrow().toFloatArray();
    }

    @Property(tries = 6)
    void paddingLeavesPooledVectorUnchanged(@ForAll @IntRange(min = 0, max = 1000) int seed, @ForAll boolean mean) {
        Random random = new Random(seed);
        EncoderConfig config = config(mean ? Pooling.MEAN : Pooling.FIRST);
        try (NDManager manager = NDManager.newBaseManager()) {
            TransformerEncoder encoder = new TransformerEncoder(config);
            BlockParameters.initialize(encoder, manager, seed, new Shape(1, config.maxLength()));
            int[] shortRow = tokens(random, 1 + random.nextInt(3));
            int[] longRow = tokens(random, 7);

            float[] alone = encode(encoder, EncoderInputs.sequences(manager, new int[][] {shortRow}, 7, config));
            NDArray batch = EncoderInputs.sequences(manager, new int[][] {longRow, shortRow}, 7, config);
            float[] padded = encode(encoder, batch);

            assertEquals(8, batch.getShape().get(1));
            float[] second = new float[config.dModel()];
            System.arraycopy(padded, config.dModel(), second, 0, config.dModel());
            assertArrayEquals(alone, second, TOLERANCE);
        }
    }

    @Test
    void firstTokenSeesLaterTokens() {
        EncoderConfig config = config(Pooling.FIRST);
        try (NDManager manager = NDManager.newBaseManager()) {
            TransformerEncoder encoder = new TransformerEncoder(config);
            BlockParameters.initialize(encoder, manager, 3, new Shape(1, config.maxLength()));
            float[] original = encode(encoder, EncoderInputs.sequences(manager, new int[][] {{2, 3, 4}}, 7, config));
            float[] changed = encode(encoder, EncoderInputs.sequences(manager, new int[][] {{2, 3, 5}}, 7, config));

            double difference = 0;
            for (int i = 0; i < original.length; i++) {
                difference += Math.abs(original[i] - changed[i]);
            }
            assertTrue(difference > 1e-4, "attention is bidirectional, so [CLS] must see the last token");
        }
    }

    @Test
    void inputsTruncateAndFrameRows() {
        EncoderConfig config = config(Pooling.MEAN);
        try (NDManager manager = NDManager.newBaseManager()) {
            int[] single = EncoderInputs.sequences(manager, new int[][] {{2, 3, 4}, {5}}, 2, config).toIntArray();
            assertArrayEquals(new int[] {12, 2, 3, 12, 5, 0}, single);

            int[] pairs = EncoderInputs.pairs(manager, new int[][] {{2, 3, 4}}, new int[][] {{5, 6, 7}}, 2, 1, config)
                    .toIntArray();
            assertArrayEquals(new int[] {12, 2, 3, 13, 5}, pairs);
        }
    }

    @Test
    void inputsRejectReservedTokenIds() {
        EncoderConfig config = config(Pooling.MEAN);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class,
                    () -> EncoderInputs.sequences(manager, new int[][] {{0}}, 4, config));
            assertThrows(IllegalArgumentException.class,
                    () -> EncoderInputs.sequences(manager, new int[][] {{12}}, 4, config));
        }
    }

    @Test
    void configRejectsHeadsThatDoNotDivideWidth() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new EncoderConfig(12, 8, 1, 10, 3, 2, 0.0, Pooling.MEAN));
        assertTrue(error.getMessage().contains("model.heads"), error.getMessage());
    }

    @Test
    void flopEstimateFollowsFormula() {
        TransformerFlops flops = new TransformerFlops(100, 10, 2, 8);
        assertEquals(2 * 100 * 5 + 2 * 2 * 25 * 8 + 2 * 10, flops.forward(5), 1e-9);
    }

    static int[] tokens(Random random, int length) {
        int[] row = new int[length];
        for (int i = 0; i < length; i++) {
            row[i] = 1 + random.nextInt(11);
        }
        return row;
    }
}
