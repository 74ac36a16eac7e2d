package org.arr.model.dual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.arr.model.encoder.TransformerEncoder;

/**
 * Two towers, {@code f(q) = P_q(pool(E_q(q)))} and {@code g(d) = P_d(pool(E_d(d)))}, where {@code E} is a
 * {@link TransformerEncoder} and {@code P} a linear projection (no bias) to {@code embeddingDimension}. With a shared
 * encoder, {@code E_q = E_d} and {@code P_q = P_d}. With cosine similarity both embeddings are scaled to unit L2
 * norm: {@code x / sqrt(|x|^2 + 1e-12)}.
 *
 * <p>Inputs (an {@link NDList}): query tokens and document tokens, each {@code int32 [B, T]} built by
 * {@code EncoderInputs.sequences}. Outputs: query embeddings {@code [Bq, E]} and document embeddings {@code [Bd, E]}.
 */
public final class DualEncoderBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final DualEncoderConfig config;
    private final TransformerEncoder queryEncoder;
    private final TransformerEncoder documentEncoder;
    private final Linear queryProjection;
    private final Linear documentProjection;

    public DualEncoderBlock(DualEncoderConfig config) {
        super(VERSION);
        this.config = config;
        if (config.sharedEncoder()) {
            this.queryEncoder = addChildBlock("encoder", new TransformerEncoder(config.queryEncoder()));
            this.queryProjection = addChildBlock("projection", projection(config));
            this.documentEncoder = queryEncoder;
            this.documentProjection = queryProjection;
        } else {
            this.queryEncoder = addChildBlock("queryEncoder", new TransformerEncoder(config.queryEncoder()));
            this.queryProjection = addChildBlock("queryProjection", projection(config));
            this.documentEncoder = addChildBlock("documentEncoder", new TransformerEncoder(config.documentEncoder()));
            this.documentProjection = addChildBlock("documentProjection", projection(config));
        }
    }

    private static Linear projection(DualEncoderConfig config) {
        return Linear.builder().setUnits(config.embeddingDimension()).optBias(false).build();
    }

    public DualEncoderConfig config() {
        return config;
    }

    /** Returns the embeddings {@code [B, E]} of one side's token rows. */
    public NDArray embed(ParameterStore parameterStore, NDArray tokens, Side side, boolean training) {
        TransformerEncoder encoder = side == Side.QUERY ? queryEncoder : documentEncoder;
        Linear projection = side == Side.QUERY ? queryProjection : documentProjection;
        NDArray pooled = encoder.forward(parameterStore, new NDList(tokens), training).singletonOrThrow();
        NDArray embedded = projection.forward(parameterStore, new NDList(pooled), training).singletonOrThrow();
        if (config.similarity() == Similarity.COSINE) {
            NDArray norm = embedded.square().sum(new int[] {1}, true).add(1e-12f).sqrt();
            embedded = embedded.div(norm);
        }
        return embedded;
    }

    /** Returns the encoder of one side (the same object for both sides when shared). */
    public TransformerEncoder encoder(Side side) {
        return side == Side.QUERY ? queryEncoder : documentEncoder;
    }

    /** Returns the projection of one side (the same object for both sides when shared). */
    public Linear projection(Side side) {
        return side == Side.QUERY ? queryProjection : documentProjection;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(embed(parameterStore, inputs.get(0), Side.QUERY, training),
                embed(parameterStore, inputs.get(1), Side.DOCUMENT, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.embeddingDimension()),
            new Shape(inputShapes[1].get(0), config.embeddingDimension())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape pooled = new Shape(inputShapes[0].get(0), config.dModel());
        queryEncoder.initialize(manager, dataType, inputShapes[0]);
        queryProjection.initialize(manager, dataType, pooled);
        if (!config.sharedEncoder()) {
            documentEncoder.initialize(manager, dataType, inputShapes[1]);
            documentProjection.initialize(manager, dataType, pooled);
        }
    }
}
