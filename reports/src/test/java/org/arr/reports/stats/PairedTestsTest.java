package org.arr.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class PairedTestsTest {

    @Test
    void sleepDataMatchesTextbookPairedTTest() {
        // R: t.test(extra ~ group, data = sleep, paired = TRUE) gives t = -4.0621, df = 9, p-value = 0.002833.
        PairedComparison result = PairedTests.compare(ConfidenceIntervalTest.SLEEP_DRUG_1,
                ConfidenceIntervalTest.SLEEP_DRUG_2);

        assertEquals(-4.0621, result.tStatistic(), 1e-4);
        assertEquals(0.002833, result.tPValue(), 1e-6);
        assertEquals(-1.58, result.meanDifference(), 1e-12);
        assertEquals(10, result.pairs());
    }

    @Test
    void depressionScoresMatchTextbookWilcoxon() {
        // Hollander and Wolfe (1973), p. 29, as in R's ?wilcox.test: paired, alternative "greater" gives V = 40,
        // p = 0.01953, so the two-sided exact p-value is 0.03906.
        double[] first = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] second = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

        PairedComparison result = PairedTests.compare(first, second);

        assertEquals(PairedComparison.WilcoxonMethod.EXACT, result.wilcoxonMethod());
        assertEquals(2 * 10.0 / 512, result.wilcoxonPValue(), 1e-9);
        assertEquals(0.03906, result.wilcoxonPValue(), 1e-5);
    }

    @Test
    void fivePositiveDifferencesGiveExactPOneSixteenth() {
        // All 5 differences positive: only 1 of the 2^5 sign patterns is as extreme per side, p = 2/32.
        PairedComparison result = PairedTests.compare(new double[] {1.1, 2.2, 3.3, 4.4, 5.5}, new double[5]);

        assertEquals(0.0625, result.wilcoxonPValue(), 1e-12);
        assertEquals(PairedComparison.WilcoxonMethod.EXACT, result.wilcoxonMethod());
    }

    @Test
    void zeroDifferencesAreDroppedBeforeWilcoxon() {
        double[] withZeros = {1.1, 0, 2.2, 3.3, 0, 4.4, 5.5};

        PairedComparison result = PairedTests.compare(withZeros, new double[withZeros.length]);

        assertEquals(5, result.nonZeroPairs());
        assertEquals(0.0625, result.wilcoxonPValue(), 1e-12);
    }

    @Test
    void largeSampleUsesNormalApproximation() {
        // 40 differences 1..40 with signs -,+,+,+ repeating: W- = sum of ranks 1,5,9,...,37 = 190.
        double[] differences = new double[40];
        double wMinus = 0;
        for (int i = 0; i < 40; i++) {
            differences[i] = (i % 4 == 0 ? -1 : 1) * (i + 1);
            if (i % 4 == 0) {
                wMinus += i + 1;
            }
        }
        double expected = 40 * 41 / 4.0;
        double variance = expected * (2 * 40 + 1) / 6.0;
        double z = (wMinus - expected - 0.5) / Math.sqrt(variance);
        double textbook = 2 * new NormalDistribution().cumulativeProbability(z);

        PairedComparison result = PairedTests.compare(differences, new double[40]);

        assertEquals(190, wMinus);
        assertEquals(PairedComparison.WilcoxonMethod.NORMAL_APPROXIMATION, result.wilcoxonMethod());
        assertEquals(textbook, result.wilcoxonPValue(), 1e-12);
    }

    @Test
    void tiedMagnitudesUseNormalApproximation() {
        PairedComparison result = PairedTests.compare(new double[] {1, -1, 2, 3, 4}, new double[5]);

        assertEquals(PairedComparison.WilcoxonMethod.NORMAL_APPROXIMATION, result.wilcoxonMethod());
    }

    @Test
    void identicalValuesGivePOne() {
        double[] values = {0.2, 0.5, 1.0};

        PairedComparison result = PairedTests.compare(values, Arrays.copyOf(values, 3));

        assertEquals(1, result.tPValue());
        assertEquals(1, result.wilcoxonPValue());
        assertEquals(PairedComparison.WilcoxonMethod.ALL_ZERO, result.wilcoxonMethod());
    }

    @Test
    void constantNonZeroDifferenceHasNoTStatistic() {
        PairedComparison result = PairedTests.compare(new double[] {1, 2, 3}, new double[] {0, 1, 2});

        assertTrue(Double.isNaN(result.tStatistic()));
        assertTrue(Double.isNaN(result.tPValue()));
    }
}
