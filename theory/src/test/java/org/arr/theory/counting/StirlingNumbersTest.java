package org.arr.theory.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StirlingNumbersTest {

    @Test
    void smallRowsMatchKnownValues() {
        BigInteger[][] table = StirlingNumbers.unsignedFirstKindTable(5);
        assertEquals(Arrays.asList(big(0), big(2), big(3), big(1)), Arrays.asList(table[3]));
        assertEquals(Arrays.asList(big(0), big(6), big(11), big(6), big(1)), Arrays.asList(table[4]));
        assertEquals(Arrays.asList(big(0), big(24), big(50), big(35), big(10), big(1)), Arrays.asList(table[5]));
    }

    @Property(tries = 40)
    void rowsSumToFactorial(@ForAll @IntRange(min = 0, max = 60) int n) {
        BigInteger sum = Arrays.stream(StirlingNumbers.unsignedFirstKindTable(n)[n]).reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(OrderingCounts.factorial(n), sum);
    }

    /** Independent definition: coefficients of the rising factorial x (x+1) ... (x+n-1). */
    @Property(tries = 30)
    void rowsAreRisingFactorialCoefficients(@ForAll @IntRange(min = 0, max = 30) int n) {
        BigInteger[] polynomial = {BigInteger.ONE};
        for (int i = 0; i < n; i++) {
            BigInteger[] next = new BigInteger[polynomial.length + 1];
            Arrays.fill(next, BigInteger.ZERO);
            for (int k = 0; k < polynomial.length; k++) {
                next[k + 1] = next[k + 1].add(polynomial[k]);
                next[k] = next[k].add(polynomial[k].multiply(BigInteger.valueOf(i)));
            }
            polynomial = next;
        }
        assertEquals(Arrays.asList(polynomial), Arrays.asList(StirlingNumbers.unsignedFirstKindTable(n)[n]));
    }

    @Test
    void entriesOutsideTheTriangleAreZero() {
        assertEquals(BigInteger.ZERO, StirlingNumbers.unsignedFirstKind(3, 5));
        assertEquals(BigInteger.valueOf(11), StirlingNumbers.unsignedFirstKind(4, 2));
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }
}
