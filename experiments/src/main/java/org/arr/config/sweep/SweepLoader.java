package org.arr.config.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arr.config.ConfigError;
import org.arr.config.ConfigException;
import org.arr.config.ConfigLoader;
import org.arr.config.ResolvedConfig;
import org.arr.data.InputFormatException;

/**
 * Reads experiment configs with a {@code sweep:} section (see {@link SweepDefinition}) and expands them into
 * validated cells. The {@code --set} arguments apply first, to the whole document, so they can change the sweep
 * itself (e.g. {@code --set sweep.seeds=[1]}); each cell then applies its assignments to the rest of the config.
 *
 * <p>Every cell is validated as a full config with the rules of {@link ConfigLoader}, before anything runs. All
 * errors of all cells are reported together in one {@link ConfigException}; an error found in several cells is
 * listed once with the cells it occurs in, and names the part of the sweep that set the value.
 */
public final class SweepLoader {

    /** Cells named in one error message before the rest are counted. */
    private static final int NAMED_CELLS = 3;

    private SweepLoader() {
    }

    /**
     * Loads a config file that may define a sweep.
     *
     * @param overrides {@code path.to.key=value} arguments, applied in order
     * @return the sweep, or empty when the config (after the overrides) has no {@code sweep:} section
     * @throws IllegalArgumentException if the file does not exist
     * @throws InputFormatException if the file is not valid YAML
     * @throws ConfigException if the sweep or one of its cells breaks the schema
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Optional<Sweep> load(Path file, List<String> overrides) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Config file not found: " + file);
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file, overrides);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read config file " + file, e);
        }
    }

    /**
     * Parses config text that may define a sweep.
     *
     * @param source the file the text came from, named in error messages
     * @return the sweep, or empty when the config (after the overrides) has no {@code sweep:} section
     * @throws InputFormatException if the text is not valid YAML
     * @throws ConfigException if the sweep or one of its cells breaks the schema
     */
    public static Optional<Sweep> parse(String text, Path source, List<String> overrides) {
        ObjectNode root = ConfigLoader.readTree(text, source);
        List<ConfigError> errors = new ArrayList<>();
        Map<String, String> origins = new LinkedHashMap<>();
        ConfigLoader.applyOverrides(root, overrides, origins, errors);
        JsonNode sweepNode = root.remove(ConfigLoader.SWEEP);
        if (sweepNode == null) {
            return Optional.empty();
        }

        Map<String, String> baseOrigins = new LinkedHashMap<>(origins);
        baseOrigins.keySet().removeIf(path -> SweepDefinition.overlaps(path, ConfigLoader.SWEEP));

        SweepDefinition definition = SweepDefinition.parse(sweepNode, errors);
        JsonNode nameNode = root.get("name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.textValue() : "sweep";
        List<SweepExpansion.CellPlan> plans = SweepExpansion.expand(definition, name);
        checkOverrideConflicts(baseOrigins, plans, errors);
        checkUniqueIds(plans, errors);

        List<SweepCell> cells = new ArrayList<>();
        Map<ConfigError, List<String>> cellErrors = new LinkedHashMap<>();
        for (SweepExpansion.CellPlan plan : plans) {
            List<ConfigError> found = new ArrayList<>();
            ResolvedConfig config = resolveCell(root, plan, baseOrigins, found);
            for (ConfigError error : found) {
                cellErrors.computeIfAbsent(error, key -> new ArrayList<>()).add(plan.id());
            }
            if (config != null) {
                cells.add(new SweepCell(plan.index(), plan.id(), plan.variant(), plan.assignments(), config));
            }
        }
        cellErrors.forEach((error, ids) -> errors.add(new ConfigError(error.path(), error.message() + " " + inCells(ids,
                plans.size()))));
        if (!errors.isEmpty()) {
            throw new ConfigException(source.toString(), errors);
        }

        String yaml = ConfigLoader.toYaml(definitionTree(name, definition, cells, root));
        return Optional.of(new Sweep(name, definition, cells, yaml, ConfigLoader.hash(yaml)));
    }

    private static ResolvedConfig resolveCell(ObjectNode root, SweepExpansion.CellPlan plan, Map<String, String> baseOrigins,
            List<ConfigError> errors) {
        ObjectNode tree = root.deepCopy();
        Map<String, String> origins = new LinkedHashMap<>(baseOrigins);
        for (Map.Entry<String, JsonNode> assignment : plan.assignments().entrySet()) {
            String path = assignment.getKey();
            String origin = plan.origins().get(path);
            if (set(tree, path, assignment.getValue(), origin, errors)) {
                origins.put(path, origin);
            }
        }
        return ConfigLoader.resolve(tree, origins, errors);
    }

    /** Sets the value at a dotted path, creating missing sections; returns false after reporting a blocked path. */
    private static boolean set(ObjectNode root, String path, JsonNode value, String origin, List<ConfigError> errors) {
        String[] keys = path.split("\\.");
        ObjectNode section = root;
        String reached = "";
        for (int i = 0; i < keys.length - 1; i++) {
            reached = reached.isEmpty() ? keys[i] : reached + "." + keys[i];
            JsonNode next = section.get(keys[i]);
            if (next == null || next.isNull()) {
                next = section.putObject(keys[i]);
            } else if (!next.isObject()) {
                errors.add(new ConfigError(reached, "'" + reached + "' is a value (" + SweepDefinition.describe(next)
                        + "), not a section, so " + origin + " cannot set '" + path + "'"));
                return false;
            }
            section = (ObjectNode) next;
        }
        section.set(keys[keys.length - 1], value.deepCopy());
        return true;
    }

    /**
     * Reports {@code --set} arguments on paths that the sweep also sets, because the sweep's value would silently
     * replace them in the cells it sets.
     */
    private static void checkOverrideConflicts(Map<String, String> baseOrigins, List<SweepExpansion.CellPlan> plans,
            List<ConfigError> errors) {
        Map<String, String> sweepOrigins = new LinkedHashMap<>();
        for (SweepExpansion.CellPlan plan : plans) {
            plan.origins().forEach((path, origin) -> sweepOrigins.putIfAbsent(path, origin.equals("sweep.grid")
                    ? "sweep.grid." + path : origin));
        }
        baseOrigins.forEach((setPath, argument) -> sweepOrigins.forEach((sweepPath, origin) -> {
            if (SweepDefinition.overlaps(setPath, sweepPath)) {
                errors.add(new ConfigError(setPath, argument + " conflicts with " + origin + ", which sets '" + sweepPath
                        + "' in its cells; change the value inside the sweep section instead"));
            }
        }));
    }

    private static void checkUniqueIds(List<SweepExpansion.CellPlan> plans, List<ConfigError> errors) {
        Map<String, Integer> seen = new HashMap<>();
        for (SweepExpansion.CellPlan plan : plans) {
            Integer first = seen.putIfAbsent(plan.id(), plan.index());
            if (first != null) {
                errors.add(new ConfigError("sweep", "cells " + (first + 1) + " and " + (plan.index() + 1) + " get the same"
                        + " id '" + plan.id() + "' (values that differ only in characters not allowed in folder names);"
                        + " make the grid values or variant names differ in letters or digits"));
            }
        }
    }

    /** Returns {@code (cell a)}, {@code (cells a, b)}, {@code (cells a, b, c and 4 more)} or {@code (every cell)}. */
    private static String inCells(List<String> ids, int cellCount) {
        if (ids.size() == cellCount && cellCount > 1) {
            return "(every cell)";
        }
        if (ids.size() == 1) {
            return "(cell " + ids.get(0) + ")";
        }
        String named = String.join(", ", ids.subList(0, Math.min(NAMED_CELLS, ids.size())));
        return ids.size() <= NAMED_CELLS ? "(cells " + named + ")" : "(cells " + named + " and " + (ids.size() - NAMED_CELLS)
                + " more)";
    }

    private static ObjectNode definitionTree(String name, SweepDefinition definition, List<SweepCell> cells, ObjectNode base) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("name", name);
        tree.set(ConfigLoader.SWEEP, definition.toTree());
        ArrayNode cellList = tree.putArray("cells");
        for (SweepCell cell : cells) {
            ObjectNode entry = cellList.addObject();
            entry.put("id", cell.id());
            entry.put("variant", cell.variant());
            entry.put("seed", cell.seed());
            entry.put("configHash", cell.config().hash());
        }
        tree.set("base", base);
        return tree;
    }
}
