package org.arr.config.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Expands a {@link SweepDefinition} into its cells, in a fixed order: seeds outermost, then variants, then the
 * grid points (the first grid path varies slowest). With seeds outermost, the first cells run every variant once,
 * so partial results already compare all variants.
 *
 * <p>A cell id joins, with {@code _}: the variant name (when there are variants), one {@code key-value} part per
 * grid path, and {@code seed-N} (when the sweep lists seeds), e.g. {@code stoical-a1_learningRate-0.001_seed-2}.
 * The key is the last segment of the grid path, or the whole path when two grid paths end in the same key.
 * Characters other than letters, digits, {@code .}, {@code +} and {@code -} in a value are replaced by {@code -},
 * so ids are folder names on every common file system.
 */
final class SweepExpansion {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9.+-]+");

    /**
     * One cell before validation.
     *
     * @param index position in the sweep, from 0
     * @param id folder name of the cell
     * @param variant the id without its seed part: cells that differ only in the seed share it
     * @param seed the seed from {@code sweep.seeds}, or null when the sweep lists none
     * @param assignments per config path, its value in this cell ({@code seed} included when swept)
     * @param origins per config path, the part of the sweep that set it, for error messages
     */
    record CellPlan(int index, String id, String variant, Long seed, Map<String, JsonNode> assignments,
            Map<String, String> origins) {

        CellPlan {
            assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
            origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
        }
    }

    private SweepExpansion() {
    }

    /**
     * Returns the cells of the sweep in order.
     *
     * @param defaultVariant the variant label of cells when the sweep has neither variants nor a grid
     */
    static List<CellPlan> expand(SweepDefinition definition, String defaultVariant) {
        List<Long> seeds = definition.seeds().isEmpty() ? Collections.singletonList(null) : definition.seeds();
        List<SweepDefinition.Variant> variants = definition.variants().isEmpty()
                ? List.of(new SweepDefinition.Variant("", Map.of())) : definition.variants();
        List<Map<String, JsonNode>> gridPoints = gridPoints(definition.grid());
        Map<String, String> shortKeys = shortKeys(List.copyOf(definition.grid().keySet()));

        List<CellPlan> cells = new ArrayList<>();
        for (Long seed : seeds) {
            for (SweepDefinition.Variant variant : variants) {
                for (Map<String, JsonNode> point : gridPoints) {
                    Map<String, JsonNode> assignments = new LinkedHashMap<>();
                    Map<String, String> origins = new LinkedHashMap<>();
                    variant.set().forEach((path, value) -> {
                        assignments.put(path, value);
                        origins.put(path, "sweep variant '" + variant.name() + "'");
                    });
                    point.forEach((path, value) -> {
                        assignments.put(path, value);
                        origins.put(path, "sweep.grid");
                    });

                    List<String> parts = new ArrayList<>();
                    if (!variant.name().isEmpty()) {
                        parts.add(variant.name());
                    }
                    point.forEach((path, value) -> parts.add(safe(shortKeys.get(path)) + "-" + idText(value)));
                    String variantLabel = parts.isEmpty() ? defaultVariant : String.join("_", parts);

                    if (seed != null) {
                        assignments.put("seed", LongNode.valueOf(seed));
                        origins.put("seed", "sweep.seeds");
                        parts.add("seed-" + seed);
                    }
                    cells.add(new CellPlan(cells.size(), String.join("_", parts), variantLabel, seed, assignments, origins));
                }
            }
        }
        return cells;
    }

    /** Returns the Cartesian product of the grid's value lists, the first path varying slowest. */
    private static List<Map<String, JsonNode>> gridPoints(Map<String, List<JsonNode>> grid) {
        List<Map<String, JsonNode>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<JsonNode>> axis : grid.entrySet()) {
            List<Map<String, JsonNode>> extended = new ArrayList<>();
            for (Map<String, JsonNode> point : points) {
                for (JsonNode value : axis.getValue()) {
                    Map<String, JsonNode> next = new LinkedHashMap<>(point);
                    next.put(axis.getKey(), value);
                    extended.add(next);
                }
            }
            points = extended;
        }
        return points;
    }

    /** Returns per grid path the key used in cell ids: its last segment, unless another path ends the same way. */
    private static Map<String, String> shortKeys(List<String> paths) {
        Map<String, Integer> counts = new HashMap<>();
        for (String path : paths) {
            counts.merge(lastSegment(path), 1, Integer::sum);
        }
        Map<String, String> keys = new HashMap<>();
        for (String path : paths) {
            keys.put(path, counts.get(lastSegment(path)) == 1 ? lastSegment(path) : path);
        }
        return keys;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** Returns a value as text that is safe in a folder name. */
    static String idText(JsonNode value) {
        return safe(value.isValueNode() ? value.asText() : value.toString());
    }

    private static String safe(String text) {
        return UNSAFE.matcher(text).replaceAll("-");
    }
}
