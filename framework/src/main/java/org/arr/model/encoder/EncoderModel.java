package org.arr.model.encoder;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * An initialized encoder block with the native memory that stores its parameters. Close it to free that memory. Not
 * thread-safe: the engine's random seed and autograd state are global.
 *
 * @param <B> the block type
 */
public abstract class EncoderModel<B extends Block> implements AutoCloseable {

    private final NDManager manager;
    private final B block;

    /** Takes ownership of {@code manager}, which must own the initialized parameters of {@code block}. */
    protected EncoderModel(NDManager manager, B block) {
        this.manager = manager;
        this.block = block;
    }

    public final B block() {
        return block;
    }

    /** Returns the manager that owns the parameters; open sub-managers of it for per-batch tensors. */
    public final NDManager manager() {
        return manager;
    }

    /** Returns every parameter, for an optimizer. */
    public final List<Parameter> parameters() {
        return BlockParameters.list(block);
    }

    /** Returns the number of scalar parameters. */
    public final long parameterCount() {
        return BlockParameters.count(block);
    }

    /** Returns a copy of every parameter's values, keyed by name. */
    public final Map<String, float[]> parameterValues() {
        return BlockParameters.values(block);
    }

    /** Writes all parameters in DJL's block format. */
    public final void saveParameters(OutputStream out) throws IOException {
        BlockParameters.save(block, out);
    }

    /**
     * Replaces all parameters with ones written by {@link #saveParameters} for a model of the same config.
     *
     * @throws IOException if the stream is truncated or contains parameters of another shape
     */
    public final void loadParameters(InputStream in) throws IOException {
        BlockParameters.load(block, manager, in);
    }

    @Override
    public final void close() {
        manager.close();
    }
}
