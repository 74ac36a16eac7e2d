package org.arr.model.cross;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.arr.model.encoder.BlockParameters;
import org.arr.model.encoder.EncoderInputs;
import org.arr.model.encoder.EncoderModel;
import org.arr.model.encoder.TransformerFlops;

/**
 * An initialized {@link CrossEncoderBlock} with the native memory that holds its parameters. Close it to free that
 * memory. Not thread-safe: the engine's random seed and autograd state are global.
 */
public final class CrossEncoder extends EncoderModel<CrossEncoderBlock> {

    private final CrossEncoderConfig config;

    private CrossEncoder(CrossEncoderConfig config, NDManager manager, CrossEncoderBlock block) {
        super(manager, block);
        this.config = config;
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
        return block().forward(store, new NDList(pairTokens), training).singletonOrThrow();
    }

    /** Returns a batched inference view; pairs are scored in chunks of at most {@code maxBatchRows}. */
    public PairScorer scorer(int maxBatchRows) {
        return new CrossEncoderScorer(this, maxBatchRows);
    }

    /** Returns the FLOP estimate: the encoder's matrices at every position, the score layer once per pair. */
    public TransformerFlops flops() {
        return new TransformerFlops(BlockParameters.matrixWeights(block().encoder()),
                BlockParameters.matrixWeights(block().scoreLayer()), config.layers(), config.dModel());
    }

    /** Returns the unpadded input length of a pair after truncation. */
    public int pairLength(int[] query, int[] document) {
        return EncoderInputs.pairLength(query, document, config.maxQueryTokens(), config.maxDocumentTokens());
    }
}
