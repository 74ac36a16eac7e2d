package org.arr.metric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Formats an evaluation as trec_eval 9.0.8 prints it: one line per value, {@code measure<TAB>query<TAB>value},
 * the measure name left-aligned in 22 characters ({@code %-22s}), ranking measures with 4 decimals
 * ({@code %6.4f}) and counts as integers. Per-query lines come first, query by query; the summary lines, with
 * query {@code all}, come last. {@code num_q} has only a summary line.
 */
public final class TrecEvalFormat {

    private TrecEvalFormat() {
    }

    /**
     * Returns the lines for a result.
     *
     * @param perQuery whether to print per-query lines (trec_eval {@code -q}). As in trec_eval 9.0.8, they
     *     cover only the queries in both qrels and run, also when queries missing from the run were averaged
     *     in as zeros.
     */
    public static String format(EvaluationResult result, boolean perQuery) {
        List<Measure> measures = result.measures();
        StringBuilder text = new StringBuilder();
        if (perQuery) {
            for (String queryId : result.evaluatedQueryIds()) {
                for (Measure measure : measures) {
                    if (measure.family() != MeasureFamily.NUM_Q) {
                        appendLine(text, measure, queryId, result.value(queryId, measure.name()));
                    }
                }
            }
        }
        for (Measure measure : measures) {
            appendLine(text, measure, "all", result.mean(measure.name()));
        }
        return text.toString();
    }

    private static void appendLine(StringBuilder text, Measure measure, String queryId, double value) {
        String name = measure.name();
        text.append(name);
        for (int i = name.length(); i < 22; i++) {
            text.append(' ');
        }
        text.append('\t').append(queryId).append('\t');
        if (measure.family().isCount()) {
            text.append((long) value);
        } else {
            String formatted = formatFixed(value);
            for (int i = formatted.length(); i < 6; i++) {
                text.append(' ');
            }
            text.append(formatted);
        }
        text.append('\n');
    }

    /**
     * Rounds to 4 decimals from the exact binary value, ties to even, as glibc's {@code printf("%.4f")} does.
     * {@link String#format} differs: it rounds the shortest decimal form half-up.
     */
    static String formatFixed(double value) {
        return new BigDecimal(value).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }
}
