package org.arr.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that readers see either the old content or the complete new content, never a partial
 * file: the content goes to a temporary file in the same folder, is flushed to disk, and is then moved over
 * the target with {@link StandardCopyOption#ATOMIC_MOVE} (a rename within one file system).
 */
public final class AtomicFiles {

    /** Prefix of temporary files, so readers of a run folder can skip them. */
    public static final String TEMPORARY_PREFIX = ".tmp-";

    /** Writes content to a temporary path given by the caller. */
    @FunctionalInterface
    public interface Writer {

        /** Writes the complete content to {@code temporary}, which exists and is empty. */
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Replaces a file with a string (UTF-8).
     *
     * @throws IOException if writing or the move fails; the target is then unchanged
     */
    public static void writeString(Path target, String content) throws IOException {
        write(target, temporary -> Files.writeString(temporary, content, StandardCharsets.UTF_8));
    }

    /**
     * Replaces a file with what {@code writer} writes to a temporary file next to it. When the writer or the
     * move fails, the temporary file is deleted and the target is unchanged.
     *
     * @throws IOException if the writer or the move fails
     * @throws AtomicMoveNotSupportedException if the file system cannot rename atomically
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, TEMPORARY_PREFIX + target.getFileName(), "");
        boolean moved = false;
        try {
            writer.writeTo(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
