package org.arr.model.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.arr.model.PreNormTransformerLayer;

/**
 * Bidirectional pre-LayerNorm transformer encoder that pools a token sequence into one vector.
 *
 * <p>Input (an {@link NDList}): token ids {@code int32 [B, T]}, right-padded with 0, as built by
 * {@link EncoderInputs}. Every position attends to every non-padding position (no causal mask), so padding never
 * changes the output of a row. Output: {@code [B, dModel]}, the {@link Pooling pooled} hidden states after a final
 * LayerNorm.
 */
public final class TransformerEncoder extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final float MASKED = -1e9f;

    private final EncoderConfig config;
    private final Parameter tokenEmbedding;
    private final Parameter positionEmbedding;
    private final List<PreNormTransformerLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;

    public TransformerEncoder(EncoderConfig config) {
        super(VERSION);
        this.config = config;
        this.tokenEmbedding = addParameter(Parameter.builder()
                .setName("tokenEmbedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.embeddingRows(), config.dModel()))
                .build());
        this.positionEmbedding = addParameter(Parameter.builder()
                .setName("positionEmbedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.maxLength(), config.dModel()))
                .build());
        for (int i = 0; i < config.layers(); i++) {
            layers.add(addChildBlock("layer" + i,
                    new PreNormTransformerLayer(config.dModel(), config.heads(), config.mlpRatio(), (float) config.dropout())));
        }
        this.finalNorm = addChildBlock("finalNorm", LayerNorm.builder().axis(2).build());
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
        NDArray tokenTable = parameterStore.getValue(tokenEmbedding, tokens.getDevice(), training);
        NDArray positionTable = parameterStore.getValue(positionEmbedding, tokens.getDevice(), training);
        NDArray x = Embedding.embedding(tokens.toType(DataType.INT64, false), tokenTable, SparseFormat.DENSE).singletonOrThrow()
                .add(Embedding.embedding(positions, positionTable, SparseFormat.DENSE).singletonOrThrow());
        if (training && config.dropout() > 0) {
            x = Dropout.dropout(x, (float) config.dropout(), true).singletonOrThrow();
        }

        // Key padding mask [B, 1, 1, T]: 0 for real tokens, -1e9 for padding; it broadcasts over heads and queries.
        NDArray real = tokens.neq(0);
        NDArray bias = real.logicalNot().toType(DataType.FLOAT32, false).mul(MASKED).reshape(batch, 1, 1, time);
        for (PreNormTransformerLayer layer : layers) {
            x = layer.forward(parameterStore, new NDList(x, bias), training).singletonOrThrow();
        }
        x = finalNorm.forward(parameterStore, new NDList(x), training).singletonOrThrow();

        return new NDList(pool(x, real, batch, time));
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
        for (PreNormTransformerLayer layer : layers) {
            layer.initialize(manager, dataType, hidden, bias);
        }
        finalNorm.initialize(manager, dataType, hidden);
    }
}
