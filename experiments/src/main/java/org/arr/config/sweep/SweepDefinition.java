package org.arr.config.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.arr.config.ConfigError;
import org.arr.util.ClosestName;

/**
 * The {@code sweep:} section of an experiment config: the seeds, a grid of values per config path, and named
 * variants, each a set of path-to-value assignments. The cells of the sweep are every variant crossed with every
 * point of the grid (the Cartesian product of its value lists) and with every seed; see {@link SweepExpansion}.
 *
 * <pre>
 * sweep:
 *   seeds: [1, 2, 3]               # replaces the top-level seed; absent: the config's seed only
 *   grid:                          # optional; path: [values]
 *     train.learningRate: [0.001, 0.0003]
 *   variants:                      # optional; each name unique, 'set' maps paths to values
 *     - {name: ntp, set: {loss.name: ntp}}
 *     - {name: stoical-a1-b0, set: {loss.name: stoical, loss.parameters.alpha: 1, loss.parameters.beta: 0}}
 * </pre>
 *
 * <p>Paths are config keys joined by dots, as in {@code --set}; a value replaces the whole value at its path, so
 * a mapping value replaces a whole section. Whether a path exists is checked later, per cell, by the config schema.
 *
 * @param seeds the seeds, in order; empty means the config's own seed
 * @param grid per path, its values in order; paths in order
 * @param variants the named variants in order; empty means one unnamed variant that sets nothing
 */
public record SweepDefinition(List<Long> seeds, Map<String, List<JsonNode>> grid, List<Variant> variants) {

    static final String SEEDS = "seeds";
    static final String GRID = "grid";
    static final String VARIANTS = "variants";
    private static final List<String> KEYS = List.of(SEEDS, GRID, VARIANTS);
    private static final List<String> VARIANT_KEYS = List.of("name", "set");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Config paths a sweep may not assign, with the reason. */
    private static final Map<String, String> RESERVED_PATHS = Map.of(
            "seed", "the seed is set by sweep.seeds",
            "name", "every cell of a sweep shares the config's name, which names the sweep folder");

    public SweepDefinition {
        seeds = List.copyOf(seeds);
        Map<String, List<JsonNode>> gridCopy = new LinkedHashMap<>();
        grid.forEach((path, values) -> gridCopy.put(path, List.copyOf(values)));
        grid = Collections.unmodifiableMap(gridCopy);
        variants = List.copyOf(variants);
    }

    /**
     * A named set of config assignments.
     *
     * @param name the variant name, letters, digits, '.', '_' and '-'; it starts the ids of its cells
     * @param set per dotted config path, its value; paths in order
     */
    public record Variant(String name, Map<String, JsonNode> set) {

        public Variant {
            set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
        }
    }

    /**
     * Reads a {@code sweep:} section. Every problem is added to {@code errors} with its path under {@code sweep};
     * the returned definition leaves out what was invalid.
     */
    static SweepDefinition parse(JsonNode node, List<ConfigError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new ConfigError("sweep", "expected a section with seeds, grid and/or variants, got " + describe(node)));
            return new SweepDefinition(List.of(), Map.of(), List.of());
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                errors.add(new ConfigError("sweep." + key, "unknown key; " + hint(key, KEYS)));
            }
        }
        if (KEYS.stream().noneMatch(node::has)) {
            errors.add(new ConfigError("sweep", "empty sweep; give seeds, grid and/or variants"));
        }

        List<Long> seeds = parseSeeds(node.get(SEEDS), errors);
        Map<String, List<JsonNode>> grid = parseGrid(node.get(GRID), errors);
        List<Variant> variants = parseVariants(node.get(VARIANTS), errors);
        checkOverlaps(grid, variants, errors);
        return new SweepDefinition(seeds, grid, variants);
    }

    /** Returns the definition as a YAML-ready tree, in the layout {@link #parse} reads. */
    ObjectNode toTree() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode tree = nodes.objectNode();
        ArrayNode seedList = tree.putArray(SEEDS);
        seeds.forEach(seedList::add);

        ObjectNode gridTree = tree.putObject(GRID);
        grid.forEach((path, values) -> gridTree.putArray(path).addAll(values));

        ArrayNode variantList = tree.putArray(VARIANTS);
        for (Variant variant : variants) {
            ObjectNode entry = variantList.addObject();
            entry.put("name", variant.name());
            ObjectNode set = entry.putObject("set");
            variant.set().forEach(set::set);
        }
        return tree;
    }

    private static List<Long> parseSeeds(JsonNode node, List<ConfigError> errors) {
        List<Long> seeds = new ArrayList<>();
        if (node == null) {
            return seeds;
        }
        String path = "sweep." + SEEDS;
        if (!node.isArray() || node.isEmpty()) {
            errors.add(new ConfigError(path, "expected a non-empty list of integer seeds, e.g. [1, 2, 3], got " + describe(node)));
            return seeds;
        }
        for (JsonNode seed : node) {
            if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
                errors.add(new ConfigError(path, "invalid seed " + describe(seed) + "; expected an integer"));
            } else if (seeds.contains(seed.longValue())) {
                errors.add(new ConfigError(path, "seed " + seed.longValue() + " is listed twice; list each seed once"));
            } else {
                seeds.add(seed.longValue());
            }
        }
        return seeds;
    }

    private static Map<String, List<JsonNode>> parseGrid(JsonNode node, List<ConfigError> errors) {
        Map<String, List<JsonNode>> grid = new LinkedHashMap<>();
        if (node == null) {
            return grid;
        }
        if (!node.isObject() || node.isEmpty()) {
            errors.add(new ConfigError("sweep." + GRID, "expected a mapping of config paths to lists of values, e.g."
                    + " {train.learningRate: [0.001, 0.0003]}, got " + describe(node)));
            return grid;
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = node.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String path = entry.getKey();
            String where = "sweep." + GRID + "." + path;
            if (!checkPath(path, where, errors)) {
                continue;
            }
            JsonNode values = entry.getValue();
            if (values.isObject()) {
                errors.add(new ConfigError(where, "expected a list of values, got " + describe(values) + "; grid keys are"
                        + " whole dotted paths (train.learningRate: [...]), and --set replaces the grid as a whole, e.g."
                        + " --set 'sweep.grid={train.learningRate: [0.001]}'"));
                continue;
            }
            if (!values.isArray() || values.isEmpty()) {
                errors.add(new ConfigError(where, "expected a non-empty list of values, e.g. [a, b], got " + describe(values)
                        + "; a value shared by every cell belongs in the config itself"));
                continue;
            }
            List<JsonNode> list = new ArrayList<>();
            for (JsonNode value : values) {
                if (list.contains(value)) {
                    errors.add(new ConfigError(where, "value " + value + " is listed twice; list each value once"));
                } else {
                    list.add(value.deepCopy());
                }
            }
            grid.put(path, list);
        }
        return grid;
    }

    private static List<Variant> parseVariants(JsonNode node, List<ConfigError> errors) {
        List<Variant> variants = new ArrayList<>();
        if (node == null) {
            return variants;
        }
        if (!node.isArray() || node.isEmpty()) {
            errors.add(new ConfigError("sweep." + VARIANTS, "expected a non-empty list of variants, e.g."
                    + " [{name: ntp, set: {loss.name: ntp}}], got " + describe(node)));
            return variants;
        }
        Set<String> names = new HashSet<>();
        int position = 0;
        for (JsonNode entry : node) {
            position++;
            String where = "sweep." + VARIANTS + "[" + position + "]";
            if (!entry.isObject()) {
                errors.add(new ConfigError(where, "expected a variant {name: NAME, set: {path: value, ...}}, got " + describe(entry)));
                continue;
            }
            for (Iterator<String> keys = entry.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!VARIANT_KEYS.contains(key)) {
                    errors.add(new ConfigError(where + "." + key, "unknown key; " + hint(key, VARIANT_KEYS)));
                }
            }

            JsonNode nameNode = entry.get("name");
            String name = null;
            if (nameNode == null || !nameNode.isTextual() && !nameNode.isNumber()) {
                errors.add(new ConfigError(where + ".name", "missing variant name; expected letters, digits, '.', '_' and '-'"));
            } else if (!NAME.matcher(nameNode.asText()).matches()) {
                errors.add(new ConfigError(where + ".name", "invalid variant name '" + nameNode.asText() + "'; use letters,"
                        + " digits, '.', '_' and '-', starting with a letter or digit (it becomes part of folder names)"));
            } else if (!names.add(nameNode.asText())) {
                errors.add(new ConfigError(where + ".name", "variant name '" + nameNode.asText() + "' is used twice;"
                        + " give each variant its own name"));
            } else {
                name = nameNode.asText();
                where = "sweep." + VARIANTS + "[" + name + "]";
            }

            Map<String, JsonNode> set = new LinkedHashMap<>();
            JsonNode setNode = entry.get("set");
            if (setNode != null && !setNode.isNull() && !setNode.isObject()) {
                errors.add(new ConfigError(where + ".set", "expected a mapping of config paths to values, e.g."
                        + " {loss.name: ntp}, got " + describe(setNode)));
            } else if (setNode != null && setNode.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = setNode.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (checkPath(field.getKey(), where + ".set." + field.getKey(), errors)) {
                        set.put(field.getKey(), field.getValue().deepCopy());
                    }
                }
            }
            if (name != null) {
                variants.add(new Variant(name, set));
            }
        }
        return variants;
    }

    /** Checks the form of a dotted path and that a sweep may assign it; returns whether it may be used. */
    private static boolean checkPath(String path, String where, List<ConfigError> errors) {
        List<String> keys = List.of(path.split("\\.", -1));
        if (keys.stream().anyMatch(String::isBlank)) {
            errors.add(new ConfigError(where, "invalid path '" + path + "'; expected config keys separated by dots, e.g."
                    + " train.epochs"));
            return false;
        }
        String first = keys.get(0);
        if (RESERVED_PATHS.containsKey(first) || first.equals("sweep")) {
            String reason = first.equals("sweep") ? "a sweep cannot set its own definition" : RESERVED_PATHS.get(first);
            errors.add(new ConfigError(where, "a sweep cannot set '" + path + "': " + reason));
            return false;
        }
        return true;
    }

    /**
     * Reports paths set twice in one cell: by the grid and a variant, or by two entries where one lies inside the
     * other (e.g. {@code loss} and {@code loss.name}), because which value wins would be unclear.
     */
    private static void checkOverlaps(Map<String, List<JsonNode>> grid, List<Variant> variants, List<ConfigError> errors) {
        List<String> gridPaths = new ArrayList<>(grid.keySet());
        reportNested(gridPaths, "sweep.grid", errors);
        for (Variant variant : variants) {
            List<String> setPaths = new ArrayList<>(variant.set().keySet());
            reportNested(setPaths, "sweep.variants[" + variant.name() + "].set", errors);
            for (String setPath : setPaths) {
                for (String gridPath : gridPaths) {
                    if (overlaps(setPath, gridPath)) {
                        errors.add(new ConfigError("sweep.variants[" + variant.name() + "].set." + setPath, "'" + setPath
                                + "' is also varied by sweep.grid." + gridPath + "; set each path in the grid or in the"
                                + " variants, not both"));
                    }
                }
            }
        }
    }

    private static void reportNested(List<String> paths, String where, List<ConfigError> errors) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (overlaps(paths.get(i), paths.get(j))) {
                    errors.add(new ConfigError(where + "." + paths.get(j), "'" + paths.get(j) + "' overlaps '" + paths.get(i)
                            + "' in the same section; set either the section or the keys inside it"));
                }
            }
        }
    }

    /** Returns whether two dotted paths are equal or one names a section that contains the other. */
    static boolean overlaps(String a, String b) {
        return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".");
    }

    private static String hint(String input, List<String> valid) {
        return ClosestName.closest(input, valid).map(best -> "did you mean '" + best + "'? ").orElse("")
                + "Valid: " + String.join(", ", valid);
    }

    static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            return "'" + value.textValue() + "' (a string)";
        }
        if (value.isArray()) {
            return "a list " + value;
        }
        if (value.isObject()) {
            return "a mapping " + value;
        }
        return value.asText();
    }
}
