package org.arr.model.cross;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
 * An initialized {@link CrossEncoderBlock} with the native memory that holds its parameters. Close it to free that
 * memory. Not thread-safe: the engine's random seed and autograd state are global.
 */
public final class CrossEncoder implements AutoCloseable {

    private final CrossEncoderConfig config;
    private final NDManager manager;
    private final CrossEncoderBlock block;

    private CrossEncoder(CrossEncoderConfig config, NDManager manager, CrossEncoderBlock block) {
        this.config = config;
        this.manager = manager;
        this.block = block;
    }

    /**
     * Creates a cross encoder with weights drawn from {@code N(0, 0.02^2)} after seeding the engine with {@code seed},
     * so the same config and seed give the same weights.
     */
    public static CrossEncoder create(CrossEncoderConfig config, long seed) {
        NDManager manager = NDManager.newBaseManager();
        CrossEncoderBlock block = new CrossEncoderBlock(config);
        BlockParameters.initialize(block, manager, seed, new Shape(1, config.encoder().maxLength()));
        return new CrossEncoder(config, manager, block);
    }

    public CrossEncoderConfig config() {
        return config;
    }

    public CrossEncoderBlock block() {
        return block;
    }

    /** Returns the manager that owns the parameters; open sub-managers of it for per-batch tensors. */
    public NDManager manager() {
        return manager;
    }

    /** Builds the pair input tensor, truncating queries and documents to their maximum token counts. */
    public NDArray inputs(NDManager scope, int[][] queries, int[][] documents) {
        return EncoderInputs.pairs(scope, queries, documents, config.maxQueryTokens(), config.maxDocumentTokens(),
                config.encoder());
    }

    /**
     * Runs the model. Intermediate and output arrays are attached to the manager of {@code pairTokens}.
     *
     * @param pairTokens {@code int32 [B, T]} from {@link #inputs}
     * @param training whether dropout is active
     * @return scores {@code [B]}
     */
    public NDArray scores(NDArray pairTokens, boolean training) {
        ParameterStore store = new ParameterStore(pairTokens.getManager(), false);
        return block.forward(store, new NDList(pairTokens), training).singletonOrThrow();
    }

    /** Returns a batched inference view; pairs are scored in chunks of at most {@code maxBatchRows}. */
    public PairScorer scorer(int maxBatchRows) {
        return new CrossEncoderScorer(this, maxBatchRows);
    }

    /** Returns the FLOP estimate: the encoder's matrices at every position, the score layer once per pair. */
    public TransformerFlops flops() {
        return new TransformerFlops(BlockParameters.matrixWeights(block.encoder()),
                BlockParameters.matrixWeights(block.scoreLayer()), config.layers(), config.dModel());
    }

    /** Returns the unpadded input length of a pair after truncation. */
    public int pairLength(int[] query, int[] document) {
        return EncoderInputs.pairLength(query, document, config.maxQueryTokens(), config.maxDocumentTokens());
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
