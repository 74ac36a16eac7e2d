package org.arr.model;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Body shared by the pre-LayerNorm transformers: a token embedding table, a table of learned positions, a stack of
 * {@link PreNormTransformerLayer}s and a final LayerNorm.
 *
 * <p>The names {@code tokenEmbedding}, {@code positionEmbedding}, {@code layer0 .. layer(n-1)} and
 * {@code finalNorm}, in this order, fix the layout of saved parameters. A subclass adds its own child blocks after
 * them in its constructor.
 */
public abstract class PreNormTransformerStack extends AbstractBlock {

    /** Name of the token embedding table among the parameters. */
    public static final String TOKEN_EMBEDDING = "tokenEmbedding";

    /** Attention bias of a key that a position must not attend to. */
    protected static final float MASKED = -1e9f;

    private final double dropout;
    private final Parameter tokenEmbedding;
    private final Parameter positionEmbedding;
    private final List<PreNormTransformerLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;

    /**
     * Adds the embedding tables, the layers and the final LayerNorm.
     *
     * @param embeddingRows rows of the token embedding table
     * @param maxPositions rows of the position embedding table
     * @param dropout rate on embeddings, attention weights and residual branches
     */
    protected PreNormTransformerStack(byte version, int embeddingRows, int maxPositions, int layerCount, int dModel,
            int heads, int mlpRatio, double dropout) {
        super(version);
        this.dropout = dropout;
        this.tokenEmbedding = addParameter(Parameter.builder()
                .setName(TOKEN_EMBEDDING)
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(embeddingRows, dModel))
                .build());
        this.positionEmbedding = addParameter(Parameter.builder()
                .setName("positionEmbedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(maxPositions, dModel))
                .build());
        for (int i = 0; i < layerCount; i++) {
            layers.add(addChildBlock("layer" + i, new PreNormTransformerLayer(dModel, heads, mlpRatio, (float) dropout)));
        }
        this.finalNorm = addChildBlock("finalNorm", LayerNorm.builder().axis(2).build());
    }

    /**
     * Sums the token and position embeddings and applies dropout while training.
     *
     * @param tokenRows {@code int64 [B, T]} rows of the token embedding table
     * @param positions {@code int64 [B, T]} or {@code [1, T]} rows of the position embedding table
     * @return {@code [B, T, dModel]}
     */
    protected final NDArray embed(ParameterStore parameterStore, NDArray tokenRows, NDArray positions, boolean training) {
        NDArray tokenTable = parameterStore.getValue(tokenEmbedding, tokenRows.getDevice(), training);
        NDArray positionTable = parameterStore.getValue(positionEmbedding, tokenRows.getDevice(), training);
        NDArray x = Embedding.embedding(tokenRows, tokenTable, SparseFormat.DENSE).singletonOrThrow()
                .add(Embedding.embedding(positions, positionTable, SparseFormat.DENSE).singletonOrThrow());
        if (training && dropout > 0) {
            x = Dropout.dropout(x, (float) dropout, true).singletonOrThrow();
        }
        return x;
    }

    /** Runs every layer on hidden states {@code [B, T, dModel]} with the attention bias, which broadcasts to {@code [B, 1, T, T]}. */
    protected final NDArray applyLayers(ParameterStore parameterStore, NDArray x, NDArray bias, boolean training) {
        return applyLayers(parameterStore, x, new NDList(bias), training);
    }

    /** Runs every layer on hidden states {@code [B, T, dModel]} with the mask inputs of {@link CausalSelfAttention}. */
    protected final NDArray applyLayers(ParameterStore parameterStore, NDArray x, NDList mask, boolean training) {
        for (PreNormTransformerLayer layer : layers) {
            NDList layerInputs = new NDList(x);
            layerInputs.addAll(mask);
            x = layer.forward(parameterStore, layerInputs, training).singletonOrThrow();
        }
        return x;
    }

    /** Applies the final LayerNorm over the last axis. */
    protected final NDArray applyFinalNorm(ParameterStore parameterStore, NDArray x, boolean training) {
        return finalNorm.forward(parameterStore, new NDList(x), training).singletonOrThrow();
    }

    /**
     * Initializes the layers with hidden states of shape {@code hidden} and an attention bias of shape {@code bias},
     * then the final LayerNorm with {@code hidden}.
     */
    protected final void initializeStack(NDManager manager, DataType dataType, Shape hidden, Shape bias) {
        for (PreNormTransformerLayer layer : layers) {
            layer.initialize(manager, dataType, hidden, bias);
        }
        finalNorm.initialize(manager, dataType, hidden);
    }
}
