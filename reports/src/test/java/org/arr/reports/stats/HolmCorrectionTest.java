package org.arr.reports.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class HolmCorrectionTest {

    @Test
    void knownExampleMatchesHandComputation() {
        // Sorted: 0.005*4 = 0.02, 0.01*3 = 0.03, 0.03*2 = 0.06, 0.04*1 = 0.04 -> running max 0.06.
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02.
        double[] adjusted = HolmCorrection.adjust(new double[] {0.01, 0.04, 0.03, 0.005});

        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, adjusted, 1e-12);
    }

    @Test
    void adjustedValuesAreCappedAtOne() {
        assertArrayEquals(new double[] {1, 1}, HolmCorrection.adjust(new double[] {0.6, 0.7}), 1e-12);
    }

    @Test
    void nanStaysNanAndDoesNotCount() {
        double[] adjusted = HolmCorrection.adjust(new double[] {0.01, Double.NaN, 0.02});

        assertTrue(Double.isNaN(adjusted[1]));
        assertEquals(0.02, adjusted[0], 1e-12);
        assertEquals(0.02, adjusted[2], 1e-12);
    }

    @Property
    void adjustedIsAtLeastRawAndAtMostOne(@ForAll @Size(min = 1, max = 20) double[] raw) {
        double[] p = clamp(raw);
        double[] adjusted = HolmCorrection.adjust(p);
        for (int i = 0; i < p.length; i++) {
            assertTrue(adjusted[i] >= p[i] - 1e-15, "adjusted " + adjusted[i] + " below raw " + p[i]);
            assertTrue(adjusted[i] <= 1);
        }
    }

    @Property
    void orderOfRawValuesIsKept(@ForAll @Size(min = 2, max = 20) double[] raw) {
        double[] p = clamp(raw);
        double[] adjusted = HolmCorrection.adjust(p);
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (p[i] < p[j]) {
                    assertTrue(adjusted[i] <= adjusted[j]);
                }
            }
        }
    }

    @Property
    void singleTestIsUnchanged(@ForAll @DoubleRange(min = 0, max = 1) double p) {
        assertEquals(p, HolmCorrection.adjust(new double[] {p})[0], 0);
    }

    private static double[] clamp(double[] raw) {
        double[] p = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            double value = Double.isFinite(raw[i]) ? Math.abs(raw[i]) : 0.5;
            p[i] = value - Math.floor(value);
        }
        return p;
    }
}
