package org.arr.model.cross;

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
 * {@code score(q, d) = w . pool(E([CLS; q; SEP; d])) + b}: a {@link TransformerEncoder} over the pair, pooling and a
 * linear layer to one unit.
 *
 * <p>Input (an {@link NDList}): pair tokens {@code int32 [B, T]} built by {@code EncoderInputs.pairs}. Output: scores
 * {@code [B]}.
 */
public final class CrossEncoderBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final CrossEncoderConfig config;
    private final TransformerEncoder encoder;
    private final Linear scoreLayer;

    public CrossEncoderBlock(CrossEncoderConfig config) {
        super(VERSION);
        this.config = config;
        this.encoder = addChildBlock("encoder", new TransformerEncoder(config.encoder()));
        this.scoreLayer = addChildBlock("score", Linear.builder().setUnits(1).build());
    }

    public CrossEncoderConfig config() {
        return config;
    }

    public TransformerEncoder encoder() {
        return encoder;
    }

    public Linear scoreLayer() {
        return scoreLayer;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray pooled = encoder.forward(parameterStore, inputs, training).singletonOrThrow();
        NDArray scores = scoreLayer.forward(parameterStore, new NDList(pooled), training).singletonOrThrow();
        return new NDList(scores.reshape(-1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes[0]);
        scoreLayer.initialize(manager, dataType, new Shape(inputShapes[0].get(0), config.dModel()));
    }
}
