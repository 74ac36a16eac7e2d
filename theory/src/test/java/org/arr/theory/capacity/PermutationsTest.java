package org.arr.theory.capacity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PermutationsTest {

    @Property(tries = 7)
    void allEnumeratesEveryPermutationOnce(@ForAll @IntRange(min = 1, max = 7) int n) {
        int[][] permutations = Permutations.all(n);
        Set<List<Integer>> distinct = new HashSet<>();
        for (int[] permutation : permutations) {
            int[] sorted = permutation.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < n; i++) {
                assertEquals(i, sorted[i], "not a permutation: " + Arrays.toString(permutation));
            }
            distinct.add(Arrays.stream(permutation).boxed().toList());
        }
        long factorial = 1;
        for (int i = 2; i <= n; i++) {
            factorial *= i;
        }
        assertEquals(factorial, permutations.length);
        assertEquals(factorial, distinct.size());
    }

    @Property(tries = 50)
    void sampleIsDistinctAndDeterministic(@ForAll @IntRange(min = 3, max = 30) int n,
            @ForAll @IntRange(min = 1, max = 6) int m, @ForAll long seed) {
        int[][] first = Permutations.sample(n, m, seed);
        int[][] second = Permutations.sample(n, m, seed);
        assertEquals(m, first.length);
        for (int i = 0; i < m; i++) {
            assertArrayEquals(first[i], second[i]);
        }
        assertEquals(m, Arrays.stream(first).map(p -> Arrays.stream(p).boxed().toList()).distinct().count());
    }

    @Property(tries = 50)
    void subsetsCountIsBinomial(@ForAll @IntRange(min = 1, max = 12) int n, @ForAll @IntRange(min = 1, max = 12) int k) {
        if (k > n) {
            assertThrows(IllegalArgumentException.class, () -> Permutations.subsets(n, k));
            return;
        }
        int[][] subsets = Permutations.subsets(n, k);
        long binomial = 1;
        for (int i = 0; i < k; i++) {
            binomial = binomial * (n - i) / (i + 1);
        }
        assertEquals(binomial, subsets.length);
        assertEquals(binomial, Arrays.stream(subsets).map(s -> Arrays.stream(s).boxed().toList()).distinct().count());
    }

    @Test
    void tooManySamplesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Permutations.sample(3, 7, 1));
    }
}
