package org.arr.config.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated sweep: every cell expanded from a config's {@code sweep:} section and checked as a full config.
 *
 * @param name the config's name; sweep folders go under {@code runs/<name>/}
 * @param definition the parsed {@code sweep:} section
 * @param cells every cell, in run order
 * @param yaml the resolved definition written as {@code sweep.yaml}: the sweep section, every cell with its id,
 *     variant, seed and config hash, and the config the cells start from
 * @param hash the first 8 hex digits of the SHA-256 of {@code yaml}
 */
public record Sweep(String name, SweepDefinition definition, List<SweepCell> cells, String yaml, String hash) {

    /** The file in a sweep folder that stores {@link #yaml}. */
    public static final String DEFINITION_FILE = "sweep.yaml";

    public Sweep {
        cells = List.copyOf(cells);
    }

    /** Returns the default sweep folder, {@code runsRoot/<name>/sweep-<hash>}. */
    public Path defaultFolder(Path runsRoot) {
        return runsRoot.resolve(name).resolve("sweep-" + hash);
    }

    /** Returns the variant labels in the order their first cell appears. */
    public List<String> variants() {
        return cells.stream().map(SweepCell::variant).distinct().toList();
    }
}
