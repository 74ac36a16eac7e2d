package org.arr.train;

import java.nio.file.Path;

/**
 * Training stopped because the loss or the gradient norm became NaN or infinite. The checkpoint of the last
 * completed epoch, if any, is left untouched on disk.
 */
public final class NonFiniteLossException extends IllegalStateException {

    private final int epoch;
    private final long step;
    private final Path lastGoodCheckpoint;

    public NonFiniteLossException(String message, int epoch, long step, Path lastGoodCheckpoint) {
        super(message);
        this.epoch = epoch;
        this.step = step;
        this.lastGoodCheckpoint = lastGoodCheckpoint;
    }

    /** Returns the 1-based epoch in which the value became non-finite. */
    public int epoch() {
        return epoch;
    }

    /** Returns the 1-based optimizer step that produced the non-finite value. */
    public long step() {
        return step;
    }

    /** Returns the checkpoint of the last completed epoch, or null when no epoch completed. */
    public Path lastGoodCheckpoint() {
        return lastGoodCheckpoint;
    }
}
