package org.arr.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecodingMetricsTest {

    @Test
    void logSumExpIsStableForLargeMagnitudes() {
        assertEquals(Math.log(3), DecodingMetrics.logSumExp(new double[] {0, 0, 0}), 1e-12);
        assertEquals(-1000 + Math.log(2), DecodingMetrics.logSumExp(new double[] {-1000, -1000}), 1e-9);
        assertEquals(Double.NEGATIVE_INFINITY, DecodingMetrics.logSumExp(new double[0]));
    }

    @Test
    void invalidMassIsOneMinusDocumentMass() {
        assertEquals(0.25, DecodingMetrics.invalidMass(new double[] {Math.log(0.5), Math.log(0.25)}), 1e-12);
        assertEquals(1e-12, DecodingMetrics.invalidMass(new double[] {Math.log1p(-1e-12)}), 1e-20);
        assertEquals(1.0, DecodingMetrics.invalidMass(new double[0]));
        assertEquals(0.5, DecodingMetrics.meanInvalidMass(new double[][] {{Math.log(0.5)}, {Math.log(0.5)}}), 1e-12);
    }

    @Test
    void invalidRateAveragesPerQueryFractions() {
        Hypothesis valid = new Hypothesis(new int[] {0}, -1, 3);
        Hypothesis invalid = new Hypothesis(new int[] {1}, -2, -1);
        double rate = DecodingMetrics.invalidRate(List.of(List.of(valid, invalid, invalid, invalid), List.of(valid), List.of()));
        assertEquals((0.75 + 0.0) / 2, rate, 1e-12);
    }
}
