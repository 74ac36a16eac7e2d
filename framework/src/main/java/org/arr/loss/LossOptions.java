package org.arr.loss;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arr.util.ClosestName;

/** Typed reading of a loss's config options, with errors that name the option path and the closest valid key. */
final class LossOptions {

    private final String loss;
    private final Map<String, Object> options;

    LossOptions(String loss, Map<String, Object> options, List<String> allowed) {
        this.loss = loss;
        this.options = options;
        for (String key : options.keySet()) {
            if (!allowed.contains(key)) {
                String suggestion = ClosestName.closest(key, allowed).map(name -> "; did you mean '" + name + "'?").orElse(";");
                throw new IllegalArgumentException("Unknown option loss." + key + " for loss '" + loss + "'"
                        + (allowed.isEmpty() ? "; it takes no options" : suggestion + " Options: " + allowed));
            }
        }
    }

    double number(String key, double fallback) {
        Object value = options.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("loss." + key + " = '" + value + "' for loss '" + loss + "' is not a number");
        }
    }

    /**
     * Reads {@code gain}: {@code linear}, {@code exp}, or a map from grade to gain.
     *
     * @throws IllegalArgumentException for another name, or a map entry that is not a number
     */
    Gain gain() {
        Object value = options.get("gain");
        if (value == null || "linear".equals(value)) {
            return Gain.linear();
        }
        if ("exp".equals(value)) {
            return Gain.exponential();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Double, Double> gains = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                gains.put(parse("gain grade", entry.getKey()), parse("gain." + entry.getKey(), entry.getValue()));
            }
            return Gain.perGrade(gains);
        }
        throw new IllegalArgumentException("loss.gain = '" + value + "' is invalid; expected linear, exp, or a map from grade to gain");
    }

    private static double parse(String path, Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("loss." + path + " = '" + value + "' is not a number");
        }
    }
}
