package org.arr.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {

    /**
     * Student's sleep data (Cushny and Peebles, 1905): extra hours of sleep under drug 1 minus drug 2 for ten
     * patients. R's {@code t.test(extra ~ group, data = sleep, paired = TRUE)} prints the mean difference
     * -1.58 and the 95% interval [-2.4598858, -0.7001142].
     */
    static final double[] SLEEP_DRUG_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    static final double[] SLEEP_DRUG_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    @Test
    void sleepDifferencesMatchTextbookInterval() {
        double[] differences = new double[SLEEP_DRUG_1.length];
        for (int i = 0; i < differences.length; i++) {
            differences[i] = SLEEP_DRUG_1[i] - SLEEP_DRUG_2[i];
        }

        ConfidenceInterval interval = ConfidenceInterval.of(differences, 0.95);

        assertEquals(-1.58, interval.mean(), 1e-12);
        assertEquals(-2.4598858, interval.lower(), 1e-6);
        assertEquals(-0.7001142, interval.upper(), 1e-6);
        assertEquals(10, interval.n());
    }

    @Test
    void threeSeedsUseTwoDegreesOfFreedom() {
        // mean 0.5, s = 0.1, t(0.975, 2) = 4.302653 (standard t table), half width = 4.302653 * 0.1 / sqrt(3).
        ConfidenceInterval interval = ConfidenceInterval.of(new double[] {0.4, 0.5, 0.6}, 0.95);

        assertEquals(0.5, interval.mean(), 1e-12);
        assertEquals(0.1, interval.standardDeviation(), 1e-12);
        assertEquals(4.302653 * 0.1 / Math.sqrt(3), interval.halfWidth(), 1e-6);
    }

    @Test
    void singleSeedHasNoInterval() {
        ConfidenceInterval interval = ConfidenceInterval.of(new double[] {0.42}, 0.95);

        assertFalse(interval.hasInterval());
        assertEquals(0.42, interval.mean(), 0);
        assertTrue(Double.isNaN(interval.halfWidth()));
    }

    @Test
    void emptyValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.of(new double[0], 0.95));
    }
}
