package org.arr.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Decoder-only, pre-LayerNorm causal transformer for autoregressive ranking.
 *
 * <p>The input sequence of a row is {@code [q_1 .. q_m, SEP, t_1 .. t_L]}: query tokens, a separator, then
 * docID tokens. Queries are left-padded, so the separator sits at the same column {@code Lq} in every row.
 * One embedding table contains every token: row 0 is padding, rows {@code 1 .. Q} the query tokens
 * ({@code q + 1}), row {@code Q + 1} the separator, rows {@code Q + 2 ..} the docID tokens
 * ({@code t + Q + 2}). Learned positions count from the first real query token, so the amount of padding does
 * not change any output. Attention is causal and ignores padded keys.
 *
 * <p>Inputs (an {@link NDList}): query tokens {@code int32 [B, Lq]}, {@code -1} for padding, and docID input
 * tokens {@code int32 [B, L]}. Output: logits {@code [B, L + 1, V]} over the docID vocabulary; position 0 (the
 * separator) scores {@code t_1}, position {@code i} (token {@code t_i}) scores {@code t_{i+1}}.
 *
 * <p>With three more inputs the docID columns hold a tree instead of a chain (see {@link org.arr.trie.PackedTrie}):
 * ancestor slots {@code int64 [L + 1, A]} (column 0 of the docID part is the separator, the root), their mask
 * {@code boolean [L + 1, A]}, and depths {@code int64 [L + 1]}. DocID column {@code k} then attends to the query and
 * to the columns listed in its row of ancestor slots, and its position is the query width plus its depth.
 */
public final class ArrTransformer extends PreNormTransformerStack {

    private static final byte VERSION = 1;

    private final ArrModelConfig config;
    private final Linear head;

    public ArrTransformer(ArrModelConfig config) {
        super(VERSION, config.embeddingRows(), config.maxPositions(), config.layers(), config.dModel(), config.heads(),
                config.mlpRatio(), config.dropout());
        this.config = config;
        this.head = addChildBlock("head", Linear.builder().setUnits(config.docIdVocabularySize()).build());
    }

    /** Returns the row of the token embedding table that contains query token {@code token}. */
    public static int queryTokenRow(int token) {
        return token + 1;
    }

    public ArrModelConfig config() {
        return config;
    }

    /**
     * Computes next-docID-token logits.
     *
     * @throws IllegalArgumentException if the query width exceeds {@code maxQueryLength} or the docID input is
     *     longer than {@code maxDocIdLength}
     */
    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray queryTokens = inputs.get(0);
        NDArray docIdInput = inputs.get(1);
        boolean tree = inputs.size() > 2;
        long batch = queryTokens.getShape().get(0);
        long queryWidth = queryTokens.getShape().get(1);
        long docIdWidth = docIdInput.getShape().get(1);
        if (queryWidth > config.maxQueryLength()) {
            throw new IllegalArgumentException("Query input has " + queryWidth + " columns but maxQueryLength is "
                    + config.maxQueryLength() + "; truncate queries with ArrInputs");
        }
        if (!tree && docIdWidth > config.maxDocIdLength()) {
            throw new IllegalArgumentException("DocID input has " + docIdWidth + " tokens but maxDocIdLength is "
                    + config.maxDocIdLength());
        }
        NDManager manager = queryTokens.getManager();
        long time = queryWidth + 1 + docIdWidth;

        // Padding (-1) maps to row 0, query token q to row q + 1, docID token t to row t + Q + 2.
        NDArray separator = manager.full(new Shape(batch, 1), config.queryVocabularySize() + 1, DataType.INT32);
        NDArray docIdRows = docIdInput.toType(DataType.INT32, false).add(config.queryVocabularySize() + 2);
        NDArray rows = NDArrays.concat(new NDList(queryTokens.toType(DataType.INT32, false).add(1), separator, docIdRows), 1)
                .toType(DataType.INT64, false);

        NDArray realQuery = queryTokens.gte(0);
        NDArray padding = realQuery.logicalNot().sum(new int[] {1}).toType(DataType.INT64, false).reshape(batch, 1);
        NDArray columns = manager.arange(0, (int) time, 1, DataType.INT64);
        if (tree) {
            NDArray depths = inputs.get(4).toType(DataType.INT64, false);
            long deepest = depths.max().getLong();
            if (deepest > config.maxDocIdLength()) {
                throw new IllegalArgumentException("A docID tree node has depth " + deepest + " but maxDocIdLength is "
                        + config.maxDocIdLength());
            }
            columns = NDArrays.concat(new NDList(manager.arange(0, (int) queryWidth, 1, DataType.INT64), depths.add(queryWidth)));
        }
        NDArray positions = columns.reshape(1, time).sub(padding).maximum(0);

        NDArray x = embed(parameterStore, rows, positions, training);

        NDList mask = tree
                ? treeMask(manager, realQuery, inputs.get(2), inputs.get(3), batch, queryWidth)
                : new NDList(attentionBias(manager, realQuery, batch, time));
        x = applyLayers(parameterStore, x, mask, training);

        // Only the separator and docID positions predict docID tokens.
        x = x.get(":, " + queryWidth + ":, :");
        x = applyFinalNorm(parameterStore, x, training);
        return head.forward(parameterStore, new NDList(x), training);
    }

    /** Builds {@code [B, 1, T, T]}: 0 where query position i may attend key j (j <= i, j not padding), else -1e9. */
    private static NDArray attentionBias(NDManager manager, NDArray realQuery, long batch, long time) {
        NDArray index = manager.arange(0, (int) time, 1, DataType.INT64);
        NDArray causal = index.reshape(time, 1).gte(index.reshape(1, time)).reshape(1, 1, time, time);
        NDArray realKey = NDArrays.concat(new NDList(realQuery,
                manager.ones(new Shape(batch, time - realQuery.getShape().get(1)), DataType.BOOLEAN)), 1)
                .reshape(batch, 1, 1, time);
        NDArray allowed = causal.logicalAnd(realKey).toType(DataType.FLOAT32, false);
        return allowed.sub(1f).mul(-MASKED);
    }

    /**
     * Builds the inputs of {@link CausalSelfAttention}'s tree mode: the causal bias among query columns
     * {@code [B, 1, Lq, Lq]}, the key padding bias of the query columns {@code [B, 1, 1, Lq]}, the ancestor slots
     * {@code int64 [S, A]} and their bias {@code [S, A]}.
     */
    private static NDList treeMask(NDManager manager, NDArray realQuery, NDArray ancestorSlots, NDArray ancestorMask,
            long batch, long queryWidth) {
        NDArray index = manager.arange(0, (int) queryWidth, 1, DataType.INT64);
        NDArray causal = index.reshape(queryWidth, 1).gte(index.reshape(1, queryWidth)).reshape(1, 1, queryWidth, queryWidth);
        NDArray realKey = realQuery.reshape(batch, 1, 1, queryWidth);
        NDArray queryBias = causal.logicalAnd(realKey).toType(DataType.FLOAT32, false).sub(1f).mul(-MASKED);
        NDArray keyBias = realKey.toType(DataType.FLOAT32, false).sub(1f).mul(-MASKED);
        NDArray ancestorBias = ancestorMask.toType(DataType.FLOAT32, false).sub(1f).mul(-MASKED);
        return new NDList(queryBias, keyBias, ancestorSlots.toType(DataType.INT64, false), ancestorBias);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        long positions = inputShapes[1].get(1) + 1;
        return new Shape[] {new Shape(batch, positions, config.docIdVocabularySize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        long time = inputShapes[0].get(1) + 1 + inputShapes[1].get(1);
        Shape hidden = new Shape(batch, time, config.dModel());
        Shape bias = new Shape(batch, 1, time, time);
        initializeStack(manager, dataType, hidden, bias);
        head.initialize(manager, dataType, hidden);
    }
}
