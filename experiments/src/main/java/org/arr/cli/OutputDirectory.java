package org.arr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * An output directory written atomically: files go into a temporary sibling, which is renamed to the final
 * path once complete. An existing directory is never overwritten.
 */
final class OutputDirectory {

    private final Path target;
    private final Path staging;

    private OutputDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Prepares a staging directory for {@code target}, or for {@code runs/<prefix>-<timestamp>} when target is null.
     *
     * @throws IllegalArgumentException if the target already exists
     * @throws IOException if the staging directory cannot be created
     */
    static OutputDirectory create(Path target, String prefix) throws IOException {
        Path resolved = target != null ? target
                : Path.of("runs", prefix + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(resolved)) {
            throw new IllegalArgumentException("Output directory " + resolved + " already exists; choose another --out "
                    + "or remove it");
        }
        Path parent = resolved.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, resolved.getFileName() + ".partial-");
        return new OutputDirectory(resolved, staging);
    }

    /** Returns the directory to write into until {@link #commit()}. */
    Path staging() {
        return staging;
    }

    /**
     * Renames the staging directory to the target.
     *
     * @return the final directory
     * @throws IOException if the rename fails
     */
    Path commit() throws IOException {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
