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
     * Creates a cross encoder with weights drawn from {@code N(0, 1/dModel)} after seeding the engine with
     * {@code seed}, so the same config and seed give the same weights.
     *
     * <p>The standard deviation {@code 1/sqrt(dModel)} keeps query-key products of order 1 at the start. With the
     * {@code 0.02} of the other models and {@code dModel = 64}, attention starts almost uniform and the gradient of
     * each of {@code W_Q} and {@code W_K} is scaled by the other's small weights, so the scores ignore the query for
     * many steps ({@code CrossEncoderMembershipTest} fails with {@code 0.02}).
     *
     * <p>NOTE: on LIMIT-small (documents of about 100 tokens) the listwise loss still stayed near uniform for the 6
     * epochs measured with this initialization; learning to match the query's item inside a long document from
     * scratch takes longer than that.
     */
    public static CrossEncoder create(CrossEncoderConfig config, long seed) {
        NDManager manager = NDManager.newBaseManager();
        CrossEncoderBlock block = new CrossEncoderBlock(config);
        BlockParameters.initialize(block, manager, seed, initialStd(config), new Shape(1, config.encoder().maxLength()));
        return new CrossEncoder(config, manager, block);
    }

    /** Returns the standard deviation of the initial weights, {@code 1/sqrt(dModel)}. */
    static float initialStd(CrossEncoderConfig config) {
        return (float) (1 / Math.sqrt(config.dModel()));
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
