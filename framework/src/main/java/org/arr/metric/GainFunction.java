package org.arr.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.DoubleUnaryOperator;

/**
 * Maps a relevance grade to the gain nDCG adds for a document: linear ({@code gain = rel}, trec_eval's
 * default), exponential ({@code gain = 2^rel - 1}) or a table from grade to gain (for example the ESCI gains
 * 3 -> 1.0, 2 -> 0.1, 1 -> 0.01, 0 -> 0). Gains are finite and {@code >= 0}. Immutable.
 */
public final class GainFunction {

    /** {@code gain = rel}. */
    public static final GainFunction LINEAR = new GainFunction("linear", relevance -> relevance, Map.of());

    /** {@code gain = 2^rel - 1}. */
    public static final GainFunction EXPONENTIAL = new GainFunction("exp", relevance -> Math.pow(2, relevance) - 1,
            Map.of());

    private final String name;
    private final DoubleUnaryOperator function;
    private final Map<Double, Double> table;

    private GainFunction(String name, DoubleUnaryOperator function, Map<Double, Double> table) {
        this.name = name;
        this.function = function;
        this.table = table;
    }

    /**
     * Returns a gain table. A grade missing from the table keeps its linear gain ({@code gain = rel}), as
     * trec_eval's {@code ndcg} gain parameters do.
     *
     * @throws IllegalArgumentException if the table is empty, a grade is negative or not finite, or a gain is
     *     negative or not finite
     */
    public static GainFunction ofTable(Map<Double, Double> gains) {
        if (gains.isEmpty()) {
            throw new IllegalArgumentException("Empty gain table: give at least one grade=gain pair");
        }
        Map<Double, Double> copy = new LinkedHashMap<>();
        StringJoiner name = new StringJoiner(",", "map:", "");
        for (Map.Entry<Double, Double> entry : gains.entrySet()) {
            double grade = entry.getKey();
            double gain = entry.getValue();
            if (!(grade >= 0) || Double.isInfinite(grade)) {
                throw new IllegalArgumentException("Invalid grade " + grade + " in gain table: grades are finite and >= 0");
            }
            if (!(gain >= 0) || Double.isInfinite(gain)) {
                throw new IllegalArgumentException("Invalid gain " + gain + " for grade " + grade
                        + " in gain table: gains are finite and >= 0");
            }
            copy.put(grade + 0.0, gain);
            name.add(format(grade) + "=" + format(gain));
        }
        Map<Double, Double> table = Collections.unmodifiableMap(copy);
        return new GainFunction(name.toString(), relevance -> table.getOrDefault(relevance + 0.0, relevance), table);
    }

    /**
     * Parses {@code linear}, {@code exp} or {@code map:GRADE=GAIN,GRADE=GAIN,...} (e.g.
     * {@code map:3=1,2=0.1,1=0.01,0=0}).
     *
     * @throws IllegalArgumentException if the text is none of these forms or a number is invalid
     */
    public static GainFunction parse(String text) {
        String spec = text.strip();
        if (spec.equals("linear")) {
            return LINEAR;
        }
        if (spec.equals("exp") || spec.equals("exponential")) {
            return EXPONENTIAL;
        }
        if (!spec.startsWith("map:")) {
            throw new IllegalArgumentException("Invalid gain '" + text
                    + "': expected linear, exp or map:GRADE=GAIN,... (e.g. map:3=1,2=0.1,1=0.01,0=0)");
        }
        Map<Double, Double> table = new LinkedHashMap<>();
        for (String pair : spec.substring(4).split(",", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new IllegalArgumentException("Invalid gain pair '" + pair + "' in '" + text
                        + "': expected GRADE=GAIN, e.g. 3=1");
            }
            double grade = parseNumber(pair.substring(0, equals), "grade", text);
            double gain = parseNumber(pair.substring(equals + 1), "gain", text);
            if (table.put(grade, gain) != null) {
                throw new IllegalArgumentException("Grade " + format(grade) + " appears twice in '" + text + "'");
            }
        }
        return ofTable(table);
    }

    /** Returns the gain of a relevance grade. */
    public double gain(double relevance) {
        return function.applyAsDouble(relevance);
    }

    /** Returns the grade-to-gain table of a {@link #ofTable table} gain, empty for linear and exponential gains. */
    public Map<Double, Double> table() {
        return table;
    }

    /** Returns the form {@link #parse} reads: {@code linear}, {@code exp} or {@code map:...}. */
    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GainFunction that && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    private static double parseNumber(String text, String what, String spec) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + what + " '" + text + "' in '" + spec + "': expected a number",
                    e);
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
