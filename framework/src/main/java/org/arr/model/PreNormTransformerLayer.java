package org.arr.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-LayerNorm transformer layer:
 * {@code x = x + Dropout(Attention(LN_1(x))); x = x + Dropout(W_2 GELU(W_1 LN_2(x)))}.
 *
 * <p>Inputs: hidden states {@code [B, T, dModel]} and the mask inputs of {@link CausalSelfAttention} (usually the
 * attention bias {@code [B, 1, T, T]}).
 * Output: hidden states of the same shape.
 */
public final class PreNormTransformerLayer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final float dropout;
    private final LayerNorm attentionNorm;
    private final CausalSelfAttention attention;
    private final LayerNorm feedForwardNorm;
    private final Linear feedForwardIn;
    private final Linear feedForwardOut;
    private final int feedForwardSize;

    public PreNormTransformerLayer(int dModel, int heads, int mlpRatio, float dropout) {
        super(VERSION);
        this.dropout = dropout;
        this.feedForwardSize = dModel * mlpRatio;
        this.attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
        this.attention = addChildBlock("attention", new CausalSelfAttention(dModel, heads, dropout));
        this.feedForwardNorm = addChildBlock("feedForwardNorm", LayerNorm.builder().axis(2).build());
        this.feedForwardIn = addChildBlock("feedForwardIn", Linear.builder().setUnits(feedForwardSize).build());
        this.feedForwardOut = addChildBlock("feedForwardOut", Linear.builder().setUnits(dModel).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);

        NDArray normalized = attentionNorm.forward(parameterStore, new NDList(x), training).singletonOrThrow();
        NDList attentionInputs = new NDList(normalized);
        attentionInputs.addAll(inputs.subNDList(1));
        NDArray attended = attention.forward(parameterStore, attentionInputs, training).singletonOrThrow();
        x = x.add(dropout(attended, training));

        normalized = feedForwardNorm.forward(parameterStore, new NDList(x), training).singletonOrThrow();
        NDArray hidden = Activation.gelu(feedForwardIn.forward(parameterStore, new NDList(normalized), training).singletonOrThrow());
        NDArray projected = feedForwardOut.forward(parameterStore, new NDList(hidden), training).singletonOrThrow();
        x = x.add(dropout(projected, training));
        return new NDList(x);
    }

    private NDArray dropout(NDArray x, boolean training) {
        if (!training || dropout == 0) {
            return x;
        }
        return Dropout.dropout(x, dropout, true).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape hidden = inputShapes[0];
        attentionNorm.initialize(manager, dataType, hidden);
        attention.initialize(manager, dataType, hidden, inputShapes[1]);
        feedForwardNorm.initialize(manager, dataType, hidden);
        feedForwardIn.initialize(manager, dataType, hidden);
        feedForwardOut.initialize(manager, dataType, new Shape(hidden.get(0), hidden.get(1), feedForwardSize));
    }
}
