package org.arr.decode;

import java.util.Arrays;
import java.util.Random;

/**
 * A {@link NextTokenScorer} whose distribution at each (query, prefix) is drawn from a seeded random generator,
 * with optional fixed rows for hand-computed cases.
 */
final class LookupTableScorer implements NextTokenScorer {

    private final int vocabulary;
    private final long seed;
    private final java.util.Map<String, float[]> fixed = new java.util.HashMap<>();
    int calls;

    LookupTableScorer(int vocabulary, long seed) {
        this.vocabulary = vocabulary;
        this.seed = seed;
    }

    /** Fixes {@code p(. | q, prefix)} for every query. */
    LookupTableScorer fix(int[] prefix, double... probabilities) {
        float[] row = new float[vocabulary];
        for (int v = 0; v < vocabulary; v++) {
            row[v] = (float) Math.log(probabilities[v]);
        }
        fixed.put(Arrays.toString(prefix), row);
        return this;
    }

    @Override
    public int vocabularySize() {
        return vocabulary;
    }

    @Override
    public float[][] nextTokenLogProbabilities(int[][] queryTokens, int[][] prefixes) {
        calls++;
        float[][] result = new float[prefixes.length][];
        for (int r = 0; r < prefixes.length; r++) {
            float[] row = fixed.get(Arrays.toString(prefixes[r]));
            result[r] = row != null ? row.clone() : randomRow(queryTokens[r], prefixes[r]);
        }
        return result;
    }

    private float[] randomRow(int[] query, int[] prefix) {
        Random random = new Random(seed * 1_000_003L + 31L * Arrays.hashCode(query) + Arrays.hashCode(prefix));
        double[] logits = new double[vocabulary];
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocabulary; v++) {
            logits[v] = 3 * random.nextGaussian();
            max = Math.max(max, logits[v]);
        }
        double sum = 0;
        for (double logit : logits) {
            sum += Math.exp(logit - max);
        }
        float[] row = new float[vocabulary];
        for (int v = 0; v < vocabulary; v++) {
            row[v] = (float) (logits[v] - max - Math.log(sum));
        }
        return row;
    }
}
