package org.arr.data;

import java.nio.file.Path;

/**
 * Bad input read from a file: names the file, the 1-based line (0 when the problem is not tied to a
 * line) and what was expected, so that a user can fix the file without a stack trace.
 */
public class InputFormatException extends RuntimeException {

    private final transient Path file;
    private final long line;

    public InputFormatException(Path file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public InputFormatException(Path file, long line, String message, Throwable cause) {
        this(file, line, message);
        initCause(cause);
    }

    public Path file() {
        return file;
    }

    /** Returns the 1-based line number, or 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }
}
