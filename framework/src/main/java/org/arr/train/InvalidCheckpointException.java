package org.arr.train;

import java.nio.file.Path;

/** A checkpoint that cannot be read or does not belong to the current model and training settings. */
public final class InvalidCheckpointException extends IllegalArgumentException {

    private final Path file;

    public InvalidCheckpointException(Path file, String message, Throwable cause) {
        super("Checkpoint " + file + " " + message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
