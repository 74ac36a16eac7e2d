package org.arr.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head scaled dot-product self-attention with an additive mask:
 * {@code softmax(Q K^T / sqrt(d_head) + bias) V}, where {@code bias} is 0 where a position may attend and
 * a large negative value elsewhere (future positions and padding).
 *
 * <p>Inputs: hidden states {@code [B, T, dModel]} and the mask bias {@code [B, 1, T, T]}. Output: {@code [B, T, dModel]}.
 */
final class CausalSelfAttention extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int dModel;
    private final int heads;
    private final float dropout;
    private final Linear projectQkv;
    private final Linear projectOut;

    CausalSelfAttention(int dModel, int heads, float dropout) {
        super(VERSION);
        this.dModel = dModel;
        this.heads = heads;
        this.dropout = dropout;
        this.projectQkv = addChildBlock("qkv", Linear.builder().setUnits(3L * dModel).build());
        this.projectOut = addChildBlock("out", Linear.builder().setUnits(dModel).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray bias = inputs.get(1);
        long batch = x.getShape().get(0);
        long time = x.getShape().get(1);
        int headSize = dModel / heads;

        // [B, T, 3d] -> [3, B, H, T, d_head]
        NDArray qkv = projectQkv.forward(parameterStore, new NDList(x), training).singletonOrThrow()
                .reshape(batch, time, 3, heads, headSize)
                .transpose(2, 0, 3, 1, 4);
        NDArray query = qkv.get(0);
        NDArray key = qkv.get(1);
        NDArray value = qkv.get(2);

        NDArray scores = query.matMul(key.transpose(0, 1, 3, 2)).muli((float) (1.0 / Math.sqrt(headSize))).addi(bias);
        NDArray weights = scores.softmax(-1);
        if (training && dropout > 0) {
            weights = Dropout.dropout(weights, dropout, true).singletonOrThrow();
        }

        NDArray context = weights.matMul(value).transpose(0, 2, 1, 3).reshape(batch, time, dModel);
        return projectOut.forward(parameterStore, new NDList(context), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        projectQkv.initialize(manager, dataType, inputShapes[0]);
        projectOut.initialize(manager, dataType, inputShapes[0]);
    }
}
