package org.arr.model.encoder;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arr.model.ArrModel;

/** Initialization, counting and storage of the parameters of a DJL block. */
public final class BlockParameters {

    private BlockParameters() {
    }

    /**
     * Initializes a block with weights drawn from {@code N(0, 0.02^2)}, biases 0 and LayerNorm gains 1, after
     * setting the engine's random seed from {@code seed}, so the same block shape and seed give the same weights.
     */
    public static void initialize(Block block, NDManager manager, long seed, Shape... inputShapes) {
        initialize(block, manager, seed, ArrModel.INIT_STD, inputShapes);
    }

    /**
     * Initializes a block with weights drawn from {@code N(0, std^2)}, biases 0 and LayerNorm gains 1, after setting
     * the engine's random seed from {@code seed}, so the same block shape, {@code std} and seed give the same weights.
     *
     * @throws IllegalArgumentException if {@code std} is not a finite number {@code > 0}
     */
    public static void initialize(Block block, NDManager manager, long seed, float std, Shape... inputShapes) {
        if (!(std > 0) || Float.isInfinite(std)) {
            throw new IllegalArgumentException("Initial weight standard deviation must be a finite number > 0, got " + std);
        }
        block.setInitializer(new NormalInitializer(std), Parameter.Type.WEIGHT);
        Engine.getInstance().setRandomSeed(ArrModel.foldSeed(seed));
        block.initialize(manager, DataType.FLOAT32, inputShapes);
    }

    /** Returns the number of scalar parameters. */
    public static long count(Block block) {
        long count = 0;
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            count += parameter.getValue().getArray().size();
        }
        return count;
    }

    /**
     * Returns the number of weights of the matrix multiplications: every 2-D parameter named {@code weight} (the
     * weight matrices of {@code Linear} blocks). Embedding tables, biases and LayerNorm parameters do not count.
     */
    public static long matrixWeights(Block block) {
        long count = 0;
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            Parameter value = parameter.getValue();
            if ("weight".equals(value.getName()) && value.getArray().getShape().dimension() == 2) {
                count += value.getArray().size();
            }
        }
        return count;
    }

    /** Returns the parameters in the block's order. */
    public static List<Parameter> list(Block block) {
        List<Parameter> parameters = new ArrayList<>();
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            parameters.add(parameter.getValue());
        }
        return parameters;
    }

    /** Returns a copy of every parameter's values, keyed by hierarchical name. */
    public static Map<String, float[]> values(Block block) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            values.put(parameter.getKey(), parameter.getValue().getArray().toFloatArray());
        }
        return values;
    }

    /** Writes all parameters in DJL's block format. */
    public static void save(Block block, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        block.saveParameters(data);
        data.flush();
    }

    /**
     * Replaces all parameters with ones written by {@link #save} for a block of the same shape.
     *
     * @throws IOException if the stream is truncated or holds parameters of another shape
     */
    public static void load(Block block, NDManager manager, InputStream in) throws IOException {
        try {
            block.loadParameters(manager, new DataInputStream(in));
        } catch (MalformedModelException e) {
            throw new IOException("Parameters do not match this model: " + e.getMessage(), e);
        }
    }
}
