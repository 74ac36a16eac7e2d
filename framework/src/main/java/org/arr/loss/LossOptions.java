package org.arr.loss;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reading of a loss's config options, with errors that name the option path and the closest valid key. */
final class LossOptions {

    private final String loss;
    private final Map<String, Object> options;

    LossOptions(String loss, Map<String, Object> options, List<String> allowed) {
        this.loss = loss;
        this.options = options;
        for (String key : options.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("Unknown option loss." + key + " for loss '" + loss + "'"
                        + (allowed.isEmpty() ? "; it takes no options" : "; did you mean '" + closest(key, allowed) + "'? Options: " + allowed));
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

    /** Returns the allowed key with the smallest edit distance to {@code key}. */
    static String closest(String key, List<String> allowed) {
        String best = allowed.get(0);
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
