package org.arr.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A typed leaf of a config schema: checks a YAML value and returns its normalized form (an int node for
 * integers, a double node for reals, ...), or throws {@link IllegalArgumentException} with a message that
 * names the value and what is allowed. The caller adds the path.
 */
final class Setting implements SchemaNode {

    private final JsonNode defaultValue;
    private final String expected;
    private final UnaryOperator<JsonNode> normalizer;

    private Setting(JsonNode defaultValue, String expected, UnaryOperator<JsonNode> normalizer) {
        this.defaultValue = defaultValue;
        this.expected = expected;
        this.normalizer = normalizer;
    }

    /** Returns the value used when the key is absent, or null when the key is required. */
    JsonNode defaultValue() {
        return defaultValue;
    }

    boolean required() {
        return defaultValue == null;
    }

    /** Returns a short description of the allowed values, used in "missing value" messages. */
    String expected() {
        return expected;
    }

    /**
     * Checks and normalizes a present, non-null value.
     *
     * @throws IllegalArgumentException if the value has the wrong type or is out of range
     */
    JsonNode normalize(JsonNode value) {
        return normalizer.apply(value);
    }

    /** Returns a setting for an integer in {@code [min, max]}. An integral real such as {@code 1e3} is accepted. */
    static Setting integer(Integer defaultValue, int min, int max) {
        String range = closedRange(min, max);
        return new Setting(defaultValue == null ? null : IntNode.valueOf(defaultValue), "an integer in " + range, value -> {
            long integral = integral(value, "an integer in " + range);
            if (integral < min || integral > max) {
                throw new IllegalArgumentException("invalid value " + integral + "; allowed range is " + range);
            }
            return IntNode.valueOf((int) integral);
        });
    }

    /** Returns a setting for any 64-bit integer, e.g. a seed. */
    static Setting longInteger(long defaultValue) {
        return new Setting(LongNode.valueOf(defaultValue), "an integer", value -> LongNode.valueOf(integral(value, "an integer")));
    }

    /**
     * Returns a setting for a finite real number in a range whose ends may be open or closed. Infinite bounds give
     * a one-sided range.
     */
    static Setting real(double defaultValue, double min, boolean minClosed, double max, boolean maxClosed) {
        String range = (minClosed ? "[" : "(") + format(min) + ", " + format(max) + (maxClosed ? "]" : ")");
        return new Setting(DoubleNode.valueOf(defaultValue), "a number in " + range, value -> {
            if (!value.isNumber()) {
                throw wrongType(value, "a number");
            }
            double number = value.doubleValue();
            boolean aboveMin = minClosed ? number >= min : number > min;
            boolean belowMax = maxClosed ? number <= max : number < max;
            if (!Double.isFinite(number) || !aboveMin || !belowMax) {
                throw new IllegalArgumentException("invalid value " + format(number) + "; allowed range is " + range);
            }
            return DoubleNode.valueOf(number);
        });
    }

    static Setting bool(boolean defaultValue) {
        return new Setting(BooleanNode.valueOf(defaultValue), "true or false", value -> {
            if (!value.isBoolean()) {
                throw wrongType(value, "true or false");
            }
            return value;
        });
    }

    /**
     * Returns a setting for one of a set of names (case-sensitive). The names are looked up at each check, so
     * registries can grow.
     *
     * @param defaultValue the default, or null when the key is required
     */
    static Setting choice(String defaultValue, Supplier<Collection<String>> names) {
        return new Setting(defaultValue == null ? null : TextNode.valueOf(defaultValue), "one of " + names.get(), value -> {
            if (!value.isTextual()) {
                throw wrongType(value, "one of " + String.join(", ", names.get()));
            }
            Collection<String> valid = names.get();
            if (!valid.contains(value.textValue())) {
                throw new IllegalArgumentException("invalid value '" + value.textValue() + "'; "
                        + KeySuggestions.hint(value.textValue(), valid));
            }
            return value;
        });
    }

    /**
     * Returns a setting for a string checked by a custom rule.
     *
     * @param defaultValue the default, or null when the key is required
     * @param expected what the value should look like, e.g. {@code a dataset spec NAME[:ARGUMENT]}
     * @param check throws {@link IllegalArgumentException} with a message when the string is invalid
     */
    static Setting text(String defaultValue, String expected, java.util.function.Consumer<String> check) {
        return new Setting(defaultValue == null ? null : TextNode.valueOf(defaultValue), expected, value -> {
            if (!value.isTextual()) {
                throw wrongType(value, expected);
            }
            check.accept(value.textValue());
            return value;
        });
    }

    /**
     * Returns a setting for a list of strings, each checked by a rule. A single string is read as a one-element list.
     *
     * @param check throws {@link IllegalArgumentException} with a message for an invalid element
     */
    static Setting textList(List<String> defaultValue, String expected, java.util.function.Consumer<String> check) {
        ArrayNode defaults = JsonNodeFactory.instance.arrayNode();
        defaultValue.forEach(defaults::add);
        return new Setting(defaults, expected, value -> {
            ArrayNode normalized = JsonNodeFactory.instance.arrayNode();
            if (value.isTextual()) {
                check.accept(value.textValue());
                normalized.add(value.textValue());
                return normalized;
            }
            if (!value.isArray()) {
                throw wrongType(value, expected);
            }
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    throw wrongType(element, "a list of strings (" + expected + ")");
                }
                check.accept(element.textValue());
                normalized.add(element.textValue());
            }
            return normalized;
        });
    }

    private static long integral(JsonNode value, String expected) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isFloatingPointNumber() && value.doubleValue() == Math.rint(value.doubleValue())
                && Math.abs(value.doubleValue()) < 0x1p62) {
            return (long) value.doubleValue();
        }
        throw wrongType(value, expected);
    }

    private static IllegalArgumentException wrongType(JsonNode value, String expected) {
        return new IllegalArgumentException("expected " + expected + ", got " + describe(value));
    }

    /** Describes a YAML value with its type, e.g. {@code 'ten' (a string)}. */
    static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "'" + value.textValue() + "' (a string)";
        }
        if (value.isBoolean()) {
            return value.asText() + " (a boolean)";
        }
        if (value.isIntegralNumber()) {
            return value.asText() + " (an integer)";
        }
        if (value.isNumber()) {
            return format(value.doubleValue()) + " (a real number)";
        }
        if (value.isArray()) {
            return "a list " + value;
        }
        if (value.isObject()) {
            return "a section " + value;
        }
        return value.toString();
    }

    private static String closedRange(int min, int max) {
        return "[" + min + ", " + (max == Integer.MAX_VALUE ? "2147483647" : max) + "]";
    }

    private static String format(double number) {
        if (number == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (number == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return Long.toString((long) number);
        }
        return Double.toString(number);
    }
}
