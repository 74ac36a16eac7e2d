package org.arr.theory.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OrderingCountsTest {

    /** Rows n = 2..7 of OEIS A071223 (Cover's table), dim = 1..n-1. */
    private static final long[][] COVER_TABLE = {
        {2},
        {2, 6},
        {2, 12, 24},
        {2, 20, 72, 120},
        {2, 30, 172, 480, 720},
        {2, 42, 352, 1512, 3600, 5040},
    };

    @Test
    void linearOrderingsMatchPublishedTable() {
        for (int row = 0; row < COVER_TABLE.length; row++) {
            int n = row + 2;
            for (int dim = 1; dim <= n - 1; dim++) {
                assertEquals(BigInteger.valueOf(COVER_TABLE[row][dim - 1]), OrderingCounts.linearOrderings(n, dim),
                        "N_lin(" + n + ", " + dim + ")");
            }
        }
    }

    @Test
    void linearOrderingsBoundaryConditions() {
        for (int dim = 1; dim <= 10; dim++) {
            assertEquals(BigInteger.ONE, OrderingCounts.linearOrderings(1, dim), "one point, dim " + dim);
        }
        for (int n = 2; n <= 20; n++) {
            assertEquals(BigInteger.TWO, OrderingCounts.linearOrderings(n, 1), "line, n " + n);
            assertEquals(BigInteger.valueOf((long) n * (n - 1)), OrderingCounts.linearOrderings(n, 2), "plane, n " + n);
        }
    }

    @Property(tries = 200)
    void linearOrderingsSatisfyCoverRecurrence(@ForAll @IntRange(min = 1, max = 40) int n,
            @ForAll @IntRange(min = 2, max = 40) int dim) {
        BigInteger expected = OrderingCounts.linearOrderings(n, dim)
                .add(BigInteger.valueOf(n).multiply(OrderingCounts.linearOrderings(n, dim - 1)));
        assertEquals(expected, OrderingCounts.linearOrderings(n + 1, dim));
    }

    /**
     * Independent closed form: the generic central section of the braid arrangement has
     * {@code 2 * sum_{i <= dim-1, i = dim-1 mod 2} |s(n, n-i)|} regions.
     */
    @Property(tries = 200)
    void linearOrderingsMatchStirlingClosedForm(@ForAll @IntRange(min = 2, max = 40) int n,
            @ForAll @IntRange(min = 1, max = 45) int dim) {
        BigInteger[] row = StirlingNumbers.unsignedFirstKindTable(n)[n];
        BigInteger sum = BigInteger.ZERO;
        for (int i = dim - 1; i >= 0; i -= 2) {
            if (i <= n - 1) {
                sum = sum.add(row[n - i]);
            }
        }
        assertEquals(sum.shiftLeft(1), OrderingCounts.linearOrderings(n, dim));
    }

    @Property(tries = 300)
    void countsReachFactorialExactlyFromDimensionNMinusOne(@ForAll @IntRange(min = 2, max = 30) int n,
            @ForAll @IntRange(min = 1, max = 35) int dim) {
        BigInteger factorial = OrderingCounts.factorial(n);
        BigInteger linear = OrderingCounts.linearOrderings(n, dim);
        BigInteger distance = OrderingCounts.distancePermutations(n, dim);

        assertTrue(linear.compareTo(factorial) <= 0, "N_lin <= n!");
        assertTrue(distance.compareTo(factorial) <= 0, "N_euc <= n!");
        assertEquals(dim >= n - 1, linear.equals(factorial), "N_lin = n! iff dim >= n-1");
        assertEquals(dim >= n - 1, distance.equals(factorial), "N_euc = n! iff dim >= n-1");
        assertTrue(linear.compareTo(distance) <= 0, "N_lin <= N_euc");
    }

    @Test
    void distancePermutationsKnownValues() {
        assertEquals(BigInteger.valueOf(4), OrderingCounts.distancePermutations(3, 1));
        assertEquals(BigInteger.valueOf(7), OrderingCounts.distancePermutations(4, 1));
        assertEquals(BigInteger.valueOf(18), OrderingCounts.distancePermutations(4, 2));
        assertEquals(BigInteger.valueOf(1 + 10 + 35), OrderingCounts.distancePermutations(5, 2));
        assertEquals(BigInteger.ONE, OrderingCounts.distancePermutations(1, 3));
    }

    @Property(tries = 30)
    void smallestFullDimensionIsNMinusOne(@ForAll @IntRange(min = 2, max = 40) int n) {
        assertEquals(n - 1, OrderingCounts.smallestFullLinearDimension(n));
        assertEquals(n - 1, OrderingCounts.smallestFullDistanceDimension(n));
    }

    @Property(tries = 200)
    void smallestLinearDimensionIsTheFirstSufficientOne(@ForAll @IntRange(min = 2, max = 12) int n,
            @ForAll @IntRange(min = 1, max = 1_000_000) int required) {
        BigInteger needed = BigInteger.valueOf(required).min(OrderingCounts.factorial(n));
        int dim = OrderingCounts.smallestLinearDimension(n, needed);
        assertTrue(OrderingCounts.linearOrderings(n, dim).compareTo(needed) >= 0, "dim suffices");
        if (dim > 1) {
            assertTrue(OrderingCounts.linearOrderings(n, dim - 1).compareTo(needed) < 0, "dim - 1 does not");
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> OrderingCounts.linearOrderings(0, 3));
        assertThrows(IllegalArgumentException.class, () -> OrderingCounts.linearOrderings(3, 0));
        assertThrows(IllegalArgumentException.class, () -> OrderingCounts.distancePermutations(3, 0));
        assertThrows(IllegalArgumentException.class, () -> OrderingCounts.factorial(-1));
        assertThrows(IllegalArgumentException.class,
                () -> OrderingCounts.smallestLinearDimension(4, BigInteger.valueOf(25)));
    }
}
