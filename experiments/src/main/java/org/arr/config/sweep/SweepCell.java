package org.arr.config.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.arr.config.ResolvedConfig;

/**
 * One validated cell of a sweep: a full experiment config, run into its own folder named by {@code id}.
 *
 * @param index position in the sweep, from 0; cells run in this order and shards are cut by it
 * @param id folder name of the cell, unique in the sweep, e.g. {@code stoical-a1_seed-2}
 * @param variant the id without its seed part: cells that differ only in the seed share it, and the sweep
 *     summary averages over them
 * @param assignments per config path, the value the sweep gave it in this cell ({@code seed} included when the
 *     sweep lists seeds)
 * @param config the cell's resolved config
 */
public record SweepCell(int index, String id, String variant, Map<String, JsonNode> assignments, ResolvedConfig config) {

    public SweepCell {
        assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
    }

    /** Returns the seed of the cell's config. */
    public long seed() {
        return config.spec().seed();
    }
}
