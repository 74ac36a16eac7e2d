package org.arr.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code --set path.to.key=value} arguments to a parsed config tree. The value is read as a YAML
 * scalar or flow collection ({@code 3}, {@code 0.5}, {@code true}, {@code word}, {@code [ndcg_cut.10, map]});
 * an empty value removes the key, so its default applies. Whether the path exists is checked afterwards by
 * the validator, which then names the {@code --set} argument.
 */
final class Overrides {

    private Overrides() {
    }

    /**
     * Applies every argument in order; later arguments win.
     *
     * @param origins receives, per dotted path set, the argument that set it
     * @param errors receives malformed arguments
     */
    static void apply(ObjectNode root, List<String> arguments, ObjectMapper yaml, Map<String, String> origins,
            List<ConfigError> errors) {
        for (String argument : arguments) {
            String shown = "--set " + argument;
            int equals = argument.indexOf('=');
            if (equals <= 0) {
                errors.add(new ConfigError("", shown + ": expected --set path.to.key=value"));
                continue;
            }
            String path = argument.substring(0, equals).trim();
            String text = argument.substring(equals + 1);
            String[] keys = path.split("\\.", -1);
            if (List.of(keys).stream().anyMatch(String::isBlank)) {
                errors.add(new ConfigError("", shown + ": invalid path '" + path + "'; expected keys separated by dots,"
                        + " e.g. train.epochs"));
                continue;
            }

            JsonNode value;
            try {
                value = text.isBlank() ? NullNode.getInstance() : yaml.readTree(text);
            } catch (JsonProcessingException e) {
                errors.add(new ConfigError(path, shown + ": invalid YAML value: " + e.getOriginalMessage()));
                continue;
            }
            if (value == null || value.isMissingNode()) {
                value = NullNode.getInstance();
            }

            ObjectNode section = root;
            String reached = "";
            boolean blocked = false;
            for (int i = 0; i < keys.length - 1; i++) {
                reached = ConfigValidator.join(reached, keys[i]);
                JsonNode next = section.get(keys[i]);
                if (next == null || next.isNull()) {
                    next = section.putObject(keys[i]);
                } else if (!next.isObject()) {
                    errors.add(new ConfigError(reached, shown + ": '" + reached + "' is a value ("
                            + Setting.describe(next) + "), not a section"));
                    blocked = true;
                    break;
                }
                section = (ObjectNode) next;
            }
            if (blocked) {
                continue;
            }

            String last = keys[keys.length - 1];
            if (value.isNull()) {
                section.remove(last);
            } else {
                section.set(last, value);
            }
            origins.put(path, shown);
        }
    }
}
