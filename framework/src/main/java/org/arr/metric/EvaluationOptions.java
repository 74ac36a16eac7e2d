package org.arr.metric;

/**
 * How an evaluation averages and weighs grades.
 *
 * @param complete average over every query in the qrels (trec_eval {@code -c}); a query the run does not
 *     answer scores 0 on every measure. When false, average over the queries in both qrels and run.
 * @param gain the nDCG gain of a relevance grade; {@link GainFunction#LINEAR} matches trec_eval
 */
public record EvaluationOptions(boolean complete, GainFunction gain) {

    /**
     * Creates options.
     *
     * @throws IllegalArgumentException if the gain is null
     */
    public EvaluationOptions {
        if (gain == null) {
            throw new IllegalArgumentException("Missing gain function: use GainFunction.LINEAR for trec_eval's gains");
        }
    }

    /** Returns trec_eval's defaults: averaging over queries in both files, linear gain. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(false, GainFunction.LINEAR);
    }

    /** Returns these options with averaging over all qrels queries switched on or off. */
    public EvaluationOptions withComplete(boolean value) {
        return new EvaluationOptions(value, gain);
    }

    /** Returns these options with another gain function. */
    public EvaluationOptions withGain(GainFunction value) {
        return new EvaluationOptions(complete, value);
    }
}
