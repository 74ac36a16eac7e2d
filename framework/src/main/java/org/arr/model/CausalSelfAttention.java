package org.arr.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
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
 *
 * <p>Tree mode, for a query followed by a packed trie ({@link org.arr.trie.PackedTrie}), takes four mask inputs instead
 * of one: the bias among the first {@code Lq} (query) positions {@code [B, 1, Lq, Lq]}, the key bias of those positions
 * {@code [B, 1, 1, Lq]}, the ancestor slots {@code int64 [S, A]} of the remaining {@code S = T - Lq} positions and their
 * bias {@code [S, A]}. Position {@code Lq + k} attends to the query keys and to the keys of positions
 * {@code Lq + ancestors[k, j]}: {@code softmax([q K_query^T, q K_ancestors^T] / sqrt(d_head) + bias)}. This costs
 * {@code O(S (Lq + A))} per head instead of the {@code O((Lq + S)^2)} of a dense mask.
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
        long batch = x.getShape().get(0);
        long time = x.getShape().get(1);
        int headSize = dModel / heads;
        float scale = (float) (1.0 / Math.sqrt(headSize));

        // [B, T, 3d] -> [3, B, H, T, d_head]
        NDArray qkv = projectQkv.forward(parameterStore, new NDList(x), training).singletonOrThrow()
                .reshape(batch, time, 3, heads, headSize)
                .transpose(2, 0, 3, 1, 4);
        NDArray query = qkv.get(0);
        NDArray key = qkv.get(1);
        NDArray value = qkv.get(2);

        NDArray context = inputs.size() == 2
                ? attend(query, key, value, inputs.get(1), scale, training)
                : attendTree(query, key, value, inputs, scale, training);
        context = context.transpose(0, 2, 1, 3).reshape(batch, time, dModel);
        return projectOut.forward(parameterStore, new NDList(context), training);
    }

    /** Dense attention of every position over every key: {@code softmax(Q K^T * scale + bias) V}. */
    private NDArray attend(NDArray query, NDArray key, NDArray value, NDArray bias, float scale, boolean training) {
        NDArray weights = dropout(query.matMul(key.transpose(0, 1, 3, 2)).muli(scale).addi(bias).softmax(-1), training);
        return weights.matMul(value);
    }

    /** Tree mode (see the class comment); returns the context {@code [B, H, T, d_head]}. */
    private NDArray attendTree(NDArray query, NDArray key, NDArray value, NDList inputs, float scale, boolean training) {
        NDArray queryBias = inputs.get(1);
        NDArray queryKeyBias = inputs.get(2);
        NDArray ancestors = inputs.get(3);
        NDArray ancestorBias = inputs.get(4);
        long queryWidth = queryBias.getShape().get(2);
        String head = ":, :, :" + queryWidth;
        String tail = ":, :, " + queryWidth + ":";

        // The query positions see only query keys, causally.
        NDArray queryKey = key.get(head);
        NDArray queryValue = value.get(head);
        NDArray queryContext = attend(query.get(head), queryKey, queryValue, queryBias, scale, training);

        // Each trie slot attends to every query key and to the keys of its ancestors: [B, H, S, A, d_head] after the gather.
        NDArray slotQuery = query.get(tail);
        NDArray ancestorKey = key.get(tail).get(new NDIndex(":, :, {}", ancestors));
        NDArray ancestorValue = value.get(tail).get(new NDIndex(":, :, {}", ancestors));
        NDArray toQuery = slotQuery.matMul(queryKey.transpose(0, 1, 3, 2)).muli(scale).addi(queryKeyBias);
        NDArray toAncestors = slotQuery.expandDims(3).mul(ancestorKey).sum(new int[] {4}).muli(scale).addi(ancestorBias);
        NDArray weights = dropout(NDArrays.concat(new NDList(toQuery, toAncestors), 3).softmax(-1), training);
        NDArray slotContext = weights.get(":, :, :, :" + queryWidth).matMul(queryValue)
                .add(weights.get(":, :, :, " + queryWidth + ":").expandDims(4).mul(ancestorValue).sum(new int[] {3}));

        return NDArrays.concat(new NDList(queryContext, slotContext), 2);
    }

    private NDArray dropout(NDArray weights, boolean training) {
        if (training && dropout > 0) {
            return Dropout.dropout(weights, dropout, true).singletonOrThrow();
        }
        return weights;
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
