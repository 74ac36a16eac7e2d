package org.arr.docid;

import java.util.LinkedHashMap;
import java.util.Map;
import org.arr.data.RankingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base-{@code b} digits of the corpus position: document {@code i} gets the {@code L} digits of {@code i},
 * most significant first, with {@code L = max(1, ceil(log_b N))} the smallest length such that
 * {@code b^L >= N}. All docIDs have length {@code L}, so they are prefix-free without an end token.
 * Tokens are the digits {@code 0 .. b-1}.
 */
public final class SequentialScheme implements DocIdScheme {

    public static final String NAME = "sequential";

    private static final Logger LOG = LoggerFactory.getLogger(SequentialScheme.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DocIds assign(RankingTask task, DocIdOptions options) {
        int documents = task.corpus().size();
        long start = AssignmentLog.start(LOG, NAME, documents);

        int[] numbers = corpusPositions(documents);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("base", options.base());
        return AssignmentLog.finish(LOG, fromNumbers(NAME, parameters, numbers, options.base()), start);
    }

    /** Returns {@code 0 .. documents-1}, the corpus position of each document. */
    static int[] corpusPositions(int documents) {
        int[] positions = new int[documents];
        for (int i = 0; i < documents; i++) {
            positions[i] = i;
        }
        return positions;
    }

    /** Returns docIDs made of the fixed-length base-{@code b} digits of one distinct number per document. */
    static DocIds fromNumbers(String scheme, Map<String, Object> parameters, int[] numbers, int base) {
        int length = digitCount(numbers.length, base);
        int[][] tokens = new int[numbers.length][];
        for (int i = 0; i < numbers.length; i++) {
            tokens[i] = digits(numbers[i], base, length);
        }
        return DocIds.of(scheme, parameters, tokens, digitLabels(base), -1);
    }

    /** Returns {@code max(1, ceil(log_b n))}, the number of base-{@code b} digits that can number {@code n} items. */
    static int digitCount(int n, int base) {
        int length = 1;
        long capacity = base;
        while (capacity < n) {
            capacity *= base;
            length++;
        }
        return length;
    }

    /** Returns the {@code length} base-{@code b} digits of a value, most significant first. */
    static int[] digits(int value, int base, int length) {
        int[] digits = new int[length];
        int rest = value;
        for (int position = length - 1; position >= 0; position--) {
            digits[position] = rest % base;
            rest /= base;
        }
        return digits;
    }

    static String[] digitLabels(int base) {
        String[] labels = new String[base];
        for (int digit = 0; digit < base; digit++) {
            labels[digit] = Integer.toString(digit);
        }
        return labels;
    }
}
