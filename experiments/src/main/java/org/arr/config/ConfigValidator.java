package org.arr.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a parsed config tree against a schema and returns the resolved tree: every key of the schema
 * present, in schema order, defaults filled in, values normalized. Collects every error instead of stopping
 * at the first.
 */
final class ConfigValidator {

    private static final ObjectMapper OPTIONS = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> OPTION_MAP = new TypeReference<>() { };

    private final Map<String, String> overrideOrigins;
    private final List<ConfigError> errors;

    /**
     * @param overrideOrigins per dotted path set from the command line, the {@code --set} argument that set
     *     it, so errors on those paths say where the value came from
     * @param errors receives the problems found
     */
    ConfigValidator(Map<String, String> overrideOrigins, List<ConfigError> errors) {
        this.overrideOrigins = overrideOrigins;
        this.errors = errors;
    }

    /** Validates a whole document against the root section. */
    ObjectNode validate(SchemaNode.Section schema, JsonNode document) {
        return section(schema, document, "");
    }

    private ObjectNode section(SchemaNode.Section schema, JsonNode input, String path) {
        ObjectNode resolved = JsonNodeFactory.instance.objectNode();
        JsonNode present = input;
        if (present != null && !present.isNull() && !present.isMissingNode() && !present.isObject()) {
            error(path, "expected a section (a mapping of keys to values), got " + Setting.describe(present));
            present = null;
        }

        if (present != null && present.isObject()) {
            for (Iterator<String> keys = present.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!schema.children().containsKey(key)) {
                    error(join(path, key), "unknown key; " + KeySuggestions.hint(key, schema.children().keySet()));
                }
            }
        }

        for (Map.Entry<String, SchemaNode> child : schema.children().entrySet()) {
            String key = child.getKey();
            String childPath = join(path, key);
            JsonNode value = present == null ? null : present.get(key);
            JsonNode resolvedChild = resolve(child.getValue(), value, childPath);
            if (resolvedChild != null) {
                resolved.set(key, resolvedChild);
            }
        }
        return resolved;
    }

    private JsonNode resolve(SchemaNode node, JsonNode value, String path) {
        boolean absent = value == null || value.isNull() || value.isMissingNode();
        if (node instanceof SchemaNode.Section section) {
            return section(section, value, path);
        }
        if (node instanceof SchemaNode.OpenMap) {
            if (absent) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!value.isObject()) {
                error(path, "expected a section (a mapping of option names to values), got " + Setting.describe(value));
                return JsonNodeFactory.instance.objectNode();
            }
            return value.deepCopy();
        }
        if (node instanceof SchemaNode.Component component) {
            return component(component, value, path);
        }

        Setting setting = (Setting) node;
        if (absent) {
            if (setting.required()) {
                error(path, "missing required value; expected " + setting.expected());
                return null;
            }
            return setting.defaultValue().deepCopy();
        }
        try {
            return setting.normalize(value);
        } catch (IllegalArgumentException invalid) {
            error(path, invalid.getMessage());
            return null;
        }
    }

    /** Checks the name of a component, then hands its remaining keys to the component's own check. */
    private JsonNode component(SchemaNode.Component component, JsonNode value, String path) {
        ObjectNode resolved = JsonNodeFactory.instance.objectNode();
        if (value != null && !value.isNull() && !value.isMissingNode() && !value.isObject()) {
            error(path, "expected a section (a mapping of keys to values), got " + Setting.describe(value));
            return null;
        }
        ObjectNode options = value == null || !value.isObject() ? JsonNodeFactory.instance.objectNode() : value.deepCopy();
        JsonNode givenName = options.remove(component.nameKey());
        String name = givenName == null || givenName.isNull() ? component.defaultName() : null;
        String namePath = join(path, component.nameKey());
        if (name == null) {
            try {
                name = Setting.choice(null, component.names()).normalize(givenName).textValue();
            } catch (IllegalArgumentException invalid) {
                error(namePath, invalid.getMessage());
                return null;
            }
        }
        resolved.put(component.nameKey(), name);
        resolved.setAll(options);

        try {
            component.check().accept(name, OPTIONS.convertValue(options, OPTION_MAP));
        } catch (IllegalArgumentException invalid) {
            error(path, invalid.getMessage());
            return null;
        }
        return resolved;
    }

    private void error(String path, String message) {
        String origin = originOf(path);
        errors.add(new ConfigError(path, origin == null ? message : message + " (from " + origin + ")"));
    }

    /**
     * Returns the last {@code --set} argument that set this path, a section above it, or a key below it (which
     * creates the sections on its way), or null.
     */
    private String originOf(String path) {
        String origin = null;
        for (Map.Entry<String, String> entry : overrideOrigins.entrySet()) {
            String setPath = entry.getKey();
            if (path.equals(setPath) || path.startsWith(setPath + ".") || setPath.startsWith(path + ".")) {
                origin = entry.getValue();
            }
        }
        return origin;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
