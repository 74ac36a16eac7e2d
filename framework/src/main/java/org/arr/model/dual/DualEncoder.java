package org.arr.model.dual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.arr.model.encoder.BlockParameters;
import org.arr.model.encoder.EncoderInputs;
import org.arr.model.encoder.TransformerFlops;

/**
 * An initialized {@link DualEncoderBlock} with the native memory that holds its parameters. Close it to free that
 * memory. Not thread-safe: the engine's random seed and autograd state are global.
 */
public final class DualEncoder implements AutoCloseable {

    private final DualEncoderConfig config;
    private final NDManager manager;
    private final DualEncoderBlock block;

    private DualEncoder(DualEncoderConfig config, NDManager manager, DualEncoderBlock block) {
        this.config = config;
        this.manager = manager;
        this.block = block;
    }

    /**
     * Creates a dual encoder with weights drawn from {@code N(0, 0.02^2)} after seeding the engine with {@code seed},
     * so the same config and seed give the same weights.
     */
    public static DualEncoder create(DualEncoderConfig config, long seed) {
        NDManager manager = NDManager.newBaseManager();
        DualEncoderBlock block = new DualEncoderBlock(config);
        BlockParameters.initialize(block, manager, seed, new Shape(1, config.queryEncoder().maxLength()),
                new Shape(1, config.documentEncoder().maxLength()));
        return new DualEncoder(config, manager, block);
    }

    public DualEncoderConfig config() {
        return config;
    }

    public DualEncoderBlock block() {
        return block;
    }

    /** Returns the manager that owns the parameters; open sub-managers of it for per-batch tensors. */
    public NDManager manager() {
        return manager;
    }

    /** Builds one side's input tensor from token rows, truncating each to that side's maximum. */
    public NDArray inputs(NDManager scope, int[][] rows, Side side) {
        return EncoderInputs.sequences(scope, rows, config.maxTokens(side), config.queryEncoder());
    }

    /**
     * Runs one tower. Intermediate and output arrays are attached to the manager of {@code tokens}.
     *
     * @param tokens {@code int32 [B, T]} from {@link #inputs}
     * @param training whether dropout is active
     * @return embeddings {@code [B, embeddingDimension]}
     */
    public NDArray embed(NDArray tokens, Side side, boolean training) {
        ParameterStore store = new ParameterStore(tokens.getManager(), false);
        return block.embed(store, tokens, side, training);
    }

    /** Returns a batched inference view; rows are embedded in chunks of at most {@code maxBatchRows}. */
    public TextEmbedder embedder(int maxBatchRows) {
        return new DualEncoderEmbedder(this, maxBatchRows);
    }

    /**
     * Returns the FLOP estimate of one side's tower: the encoder's matrices at every position, the projection
     * ({@code dModel x embeddingDimension}) once per sequence.
     */
    public TransformerFlops flops(Side side) {
        long encoderWeights = BlockParameters.matrixWeights(block.encoder(side));
        long projectionWeights = BlockParameters.matrixWeights(block.projection(side));
        return new TransformerFlops(encoderWeights, projectionWeights, config.layers(), config.dModel());
    }

    /** Returns every parameter, for an optimizer. */
    public List<Parameter> parameters() {
        return BlockParameters.list(block);
    }

    /** Returns the number of scalar parameters. */
    public long parameterCount() {
        return BlockParameters.count(block);
    }

    /** Returns a copy of every parameter's values, keyed by name. */
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
     * @throws IOException if the stream is truncated or holds parameters of another shape
     */
    public void loadParameters(InputStream in) throws IOException {
        BlockParameters.load(block, manager, in);
    }

    @Override
    public void close() {
        manager.close();
    }
}
