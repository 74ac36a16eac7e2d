package org.arr.datasets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.arr.util.ClosestName;

/**
 * Typed, validated access to the options of one dataset spec. Values come from YAML configs (Integer,
 * Long, Double, String, Boolean, List) or from the command line (always String), so every accessor
 * also parses strings.
 *
 * <p>Unknown keys are rejected on construction; every accessor throws {@link IllegalArgumentException}
 * with the option, the dataset spec, what was expected and the value it got.
 */
public final class LoaderOptions {

    private final String spec;
    private final Map<String, Object> values;

    /**
     * Checks the keys of an option map.
     *
     * @param spec the dataset spec the options belong to, e.g. {@code synthetic:complete}, used in messages
     * @param values the options; null means none
     * @param allowedKeys the keys this dataset understands
     * @throws IllegalArgumentException if a key is not allowed
     */
    public LoaderOptions(String spec, Map<String, Object> values, Collection<String> allowedKeys) {
        this.spec = spec;
        this.values = values == null ? Map.of() : Map.copyOf(values);
        Set<String> allowed = new TreeSet<>(allowedKeys);
        for (String key : this.values.keySet()) {
            if (!allowed.contains(key)) {
                String suggestion = ClosestName.closest(key, allowed).map(name -> ". Did you mean '" + name + "'?")
                        .orElse("");
                throw new IllegalArgumentException("Unknown option '" + key + "' for dataset " + spec + "; allowed: "
                        + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + suggestion);
            }
        }
    }

    /** Returns whether the option was given. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * Returns an integer option.
     *
     * @throws IllegalArgumentException if the value is not an integer or is below {@code min}
     */
    public int intValue(String key, int defaultValue, int min) {
        long value = longValue(key, defaultValue, min);
        if (value > Integer.MAX_VALUE) {
            throw invalid(key, "an integer >= " + min + " and <= " + Integer.MAX_VALUE, values.get(key));
        }
        return (int) value;
    }

    /**
     * Returns a long option.
     *
     * @throws IllegalArgumentException if the value is not an integer or is below {@code min}
     */
    public long longValue(String key, long defaultValue, long min) {
        Object raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        String expected = min == Long.MIN_VALUE ? "an integer" : "an integer >= " + min;
        long value;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            value = ((Number) raw).longValue();
        } else if (raw instanceof String text) {
            try {
                value = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw invalid(key, expected, raw);
            }
        } else {
            throw invalid(key, expected, raw);
        }
        if (value < min) {
            throw invalid(key, expected, raw);
        }
        return value;
    }

    /**
     * Returns a boolean option ({@code true} or {@code false}, case-insensitive when given as text).
     *
     * @throws IllegalArgumentException if the value is not a boolean
     */
    public boolean booleanValue(String key, boolean defaultValue) {
        Object raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        if (raw instanceof Boolean flag) {
            return flag;
        }
        if (raw instanceof String text) {
            if (text.trim().equalsIgnoreCase("true")) {
                return true;
            }
            if (text.trim().equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw invalid(key, "true or false", raw);
    }

    /**
     * Returns a text option; numbers are accepted and turned into text.
     *
     * @throws IllegalArgumentException if the value is blank or a list
     */
    public String stringValue(String key, String defaultValue) {
        Object raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        if (raw instanceof List || raw instanceof Map || raw.toString().isBlank()) {
            throw invalid(key, "a non-empty text", raw);
        }
        return raw.toString().trim();
    }

    /**
     * Returns a text option restricted to a set of choices.
     *
     * @throws IllegalArgumentException if the value is not one of the choices
     */
    public String choiceValue(String key, String defaultValue, List<String> choices) {
        String value = stringValue(key, defaultValue);
        if (value != null && !choices.contains(value)) {
            throw invalid(key, "one of " + String.join(", ", choices), value);
        }
        return value;
    }

    /**
     * Returns a list-of-text option; a single text value is read as a comma-separated list.
     *
     * @throws IllegalArgumentException if the value is neither a list nor a text
     */
    public List<String> stringListValue(String key, List<String> defaultValue) {
        Object raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        List<String> items = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object item : list) {
                items.add(String.valueOf(item).trim());
            }
        } else if (raw instanceof String text) {
            for (String item : text.split(",")) {
                items.add(item.trim());
            }
        } else {
            throw invalid(key, "a list of texts", raw);
        }
        if (items.isEmpty() || items.stream().anyMatch(String::isEmpty)) {
            throw invalid(key, "a list of non-empty texts", raw);
        }
        return List.copyOf(items);
    }

    /** Returns the exception for a value of the wrong type or range. */
    public IllegalArgumentException invalid(String key, String expected, Object got) {
        return new IllegalArgumentException("Option '" + key + "' of dataset " + spec + " must be " + expected
                + ", got '" + got + "'");
    }
}
