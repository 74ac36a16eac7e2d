package org.arr.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GainFunctionTest {

    @Test
    void linearAndExponentialGains() {
        assertEquals(2.5, GainFunction.LINEAR.gain(2.5));
        assertEquals(7, GainFunction.EXPONENTIAL.gain(3));
        assertEquals(0, GainFunction.EXPONENTIAL.gain(0));
        assertEquals(GainFunction.EXPONENTIAL, GainFunction.parse("exp"));
        assertEquals(GainFunction.LINEAR, GainFunction.parse(" linear "));
    }

    @Test
    void tableGainsWithLinearFallback() {
        GainFunction esci = GainFunction.parse("map:3=1,2=0.1,1=0.01,0=0");

        assertEquals(1.0, esci.gain(3));
        assertEquals(0.1, esci.gain(2));
        assertEquals(0.01, esci.gain(1));
        assertEquals(0.0, esci.gain(0));
        assertEquals(4.0, esci.gain(4));
        assertEquals("map:3=1,2=0.1,1=0.01,0=0", esci.toString());
        assertEquals(Map.of(3.0, 1.0, 2.0, 0.1, 1.0, 0.01, 0.0, 0.0), esci.table());
    }

    @Test
    void invalidGainsRejected() {
        for (String spec : List.of("", "square", "map:", "map:3", "map:3=", "map:=1", "map:3=x", "map:3=-1",
                "map:-1=1", "map:3=1,3=2")) {
            assertThrows(IllegalArgumentException.class, () -> GainFunction.parse(spec), spec);
        }
    }
}
