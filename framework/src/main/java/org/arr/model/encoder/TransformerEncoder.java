package org.arr.model.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.arr.model.PreNormTransformerStack;

/**
 * Bidirectional pre-LayerNorm transformer encoder that pools a token sequence into one vector.
 *
 * <p>Input (an {@link NDList}): token ids {@code int32 [B, T]}, right-padded with 0, as built by
 * {@link EncoderInputs}. Every position attends to every non-padding position (no causal mask), so padding never
 * changes the output of a row. Output: {@code [B, dModel]}, the {@link Pooling pooled} hidden states after a final
 * LayerNorm.
 *
 * <p>With {@link EncoderConfig#segments()}, every position after the first separator token also gets the document
 * row of a segment embedding table and every other position its query row, as BERT's token type embeddings do.
 * Without them, a query token and the same token in the document differ only by their learned positions.
 */
public final class TransformerEncoder extends PreNormTransformerStack {

    private static final byte VERSION = 1;

    private final EncoderConfig config;
    private final Parameter segmentEmbedding;

    public TransformerEncoder(EncoderConfig config) {
        super(VERSION, config.embeddingRows(), config.maxLength(), config.layers(), config.dModel(), config.heads(),
                config.mlpRatio(), config.dropout());
        this.config = config;
        this.segmentEmbedding = config.segments() ? addParameter(Parameter.builder()
                .setName("segmentEmbedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(2, config.dModel()))
                .build()) : null;
    }

    public EncoderConfig config() {
        return config;
    }

    /**
     * Encodes and pools a batch of token sequences.
     *
     * @throws IllegalArgumentException if the input is longer than {@code maxLength}
     */
    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray tokens = inputs.get(0);
        long batch = tokens.getShape().get(0);
        long time = tokens.getShape().get(1);
        if (time > config.maxLength()) {
            throw new IllegalArgumentException("Encoder input has " + time + " positions but maxLength is "
                    + config.maxLength() + "; build inputs with EncoderInputs, which truncates");
        }
        NDManager manager = tokens.getManager();

        NDArray positions = manager.arange(0, (int) time, 1, DataType.INT64).reshape(1, time);
        NDArray x = embed(parameterStore, tokens.toType(DataType.INT64, false), positions, training);
        if (segmentEmbedding != null) {
            x = x.add(segments(parameterStore, tokens, training));
        }

        // Key padding mask [B, 1, 1, T]: 0 for real tokens, -1e9 for padding; it broadcasts over heads and queries.
        NDArray real = tokens.neq(0);
        NDArray bias = real.logicalNot().toType(DataType.FLOAT32, false).mul(MASKED).reshape(batch, 1, 1, time);
        x = applyLayers(parameterStore, x, bias, training);
        x = applyFinalNorm(parameterStore, x, training);

        return new NDList(pool(x, real, batch, time));
    }

    /** Looks up segment 1 for the positions after the first separator and segment 0 for the others. */
    private NDArray segments(ParameterStore parameterStore, NDArray tokens, boolean training) {
        NDArray afterSeparator = tokens.eq(config.separatorToken()).toType(DataType.INT64, false).cumSum(1).gt(0);
        NDArray table = parameterStore.getValue(segmentEmbedding, tokens.getDevice(), training);
        return Embedding.embedding(afterSeparator.toType(DataType.INT64, false), table, SparseFormat.DENSE)
                .singletonOrThrow();
    }

    private NDArray pool(NDArray hidden, NDArray real, long batch, long time) {
        if (config.pooling() == Pooling.FIRST) {
            return hidden.get(":, 0, :");
        }
        NDArray weights = real.toType(DataType.FLOAT32, false).reshape(batch, time, 1);
        NDArray counts = weights.sum(new int[] {1});
        return hidden.mul(weights).sum(new int[] {1}).div(counts);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.dModel())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        long time = inputShapes[0].get(1);
        Shape hidden = new Shape(batch, time, config.dModel());
        Shape bias = new Shape(batch, 1, 1, time);
        initializeStack(manager, dataType, hidden, bias);
    }
}
