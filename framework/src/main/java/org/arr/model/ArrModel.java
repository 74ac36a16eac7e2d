package org.arr.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.arr.decode.NextTokenScorer;
import org.arr.model.encoder.BlockParameters;
import org.arr.trie.PackedTrie;

/**
 * An initialized {@link ArrTransformer} with the native memory that stores its parameters. Close it to free that
 * memory. Not thread-safe: the engine's random seed and autograd state are global.
 */
public final class ArrModel implements AutoCloseable {

    /** Standard deviation of the normal initialization of every weight matrix and embedding table. */
    public static final float INIT_STD = 0.02f;

    private final ArrModelConfig config;
    private final NDManager manager;
    private final ArrTransformer block;

    private ArrModel(ArrModelConfig config, NDManager manager, ArrTransformer block) {
        this.config = config;
        this.manager = manager;
        this.block = block;
    }

    /**
     * Creates a model with weights drawn from {@code N(0, 0.02^2)}, biases 0 and LayerNorm gains 1. The engine's
     * random seed is set from {@code seed} first, so the same config and seed give the same weights.
     */
    public static ArrModel create(ArrModelConfig config, long seed) {
        NDManager manager = NDManager.newBaseManager();
        ArrTransformer block = new ArrTransformer(config);
        BlockParameters.initialize(block, manager, seed, new Shape(1, config.maxQueryLength()),
                new Shape(1, config.maxDocIdLength()));
        return new ArrModel(config, manager, block);
    }

    /** Folds a 64-bit seed into the 32-bit seed DJL's engine takes. */
    public static int foldSeed(long seed) {
        return (int) (seed ^ (seed >>> 32));
    }

    public ArrModelConfig config() {
        return config;
    }

    public ArrTransformer block() {
        return block;
    }

    /** Returns the manager that owns the parameters; open sub-managers of it for per-batch tensors. */
    public NDManager manager() {
        return manager;
    }

    /**
     * Runs the transformer. Intermediate and output arrays are attached to the manager of {@code queryTokens}.
     *
     * @param queryTokens {@code int32 [B, Lq]}, left-padded with {@link ArrInputs#QUERY_PADDING}
     * @param docIdInput {@code int32 [B, L]}
     * @param training whether dropout is active
     * @return logits {@code [B, L + 1, V]}
     */
    public NDArray logits(NDArray queryTokens, NDArray docIdInput, boolean training) {
        ParameterStore store = new ParameterStore(queryTokens.getManager(), false);
        return block.forward(store, new NDList(queryTokens, docIdInput), training).singletonOrThrow();
    }

    /**
     * Runs the transformer once per query over a whole trie packed into one row (see {@link PackedTrie}), which
     * yields the next-token logits at every inner node of the trie. Intermediate and output arrays are attached to
     * the manager of {@code queryTokens}.
     *
     * @param queryTokens {@code int32 [B, Lq]}, left-padded with {@link ArrInputs#QUERY_PADDING}
     * @param trie the packed inner nodes
     * @param training whether dropout is active
     * @return logits {@code [B, S, V]} where slot {@code k} of {@code S = trie.slots()} scores the children of
     *     inner node {@code trie.nodeAt(k)}
     */
    public NDArray trieLogits(NDArray queryTokens, PackedTrie trie, boolean training) {
        NDManager scope = queryTokens.getManager();
        long batch = queryTokens.getShape().get(0);
        int[] tokens = trie.inputTokens();
        int[] rows = new int[(int) batch * tokens.length];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(tokens, 0, rows, b * tokens.length, tokens.length);
        }
        NDArray docIdInput = scope.create(rows, new Shape(batch, tokens.length));
        Shape ancestorShape = new Shape(trie.slots(), trie.ancestorWidth());
        NDArray ancestors = scope.create(trie.ancestorSlots(), ancestorShape);
        NDArray ancestorMask = scope.create(trie.ancestorMask(), ancestorShape);
        NDArray depths = scope.create(trie.depths());

        ParameterStore store = new ParameterStore(scope, false);
        return block.forward(store, new NDList(queryTokens, docIdInput, ancestors, ancestorMask, depths), training)
                .singletonOrThrow();
    }

    /** Returns the parameters by their hierarchical name. */
    public ParameterList parameters() {
        return block.getParameters();
    }

    /** Returns the number of scalar parameters. */
    public long parameterCount() {
        return BlockParameters.count(block);
    }

    /** Returns a copy of every parameter's values, keyed by name (for comparisons in tests and checks). */
    public Map<String, float[]> parameterValues() {
        return BlockParameters.values(block);
    }

    /** Writes all parameters in DJL's block format. */
    public void saveParameters(OutputStream out) throws IOException {
        BlockParameters.save(block, out);
    }

    /**
     * Replaces all parameters with ones written by {@link #saveParameters} for a model of the same config.
     *
     * @throws IOException if the stream is truncated or does not hold parameters of this model's shape
     */
    public void loadParameters(InputStream in) throws IOException {
        BlockParameters.load(block, manager, in);
    }

    /**
     * Returns a batched inference view of this model; rows are scored in chunks of at most {@code maxBatchRows}.
     */
    public NextTokenScorer scorer(int maxBatchRows) {
        return new ArrNextTokenScorer(this, maxBatchRows);
    }

    @Override
    public void close() {
        manager.close();
    }
}
