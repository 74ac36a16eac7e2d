package org.arr.theory.capacity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Enumerates and samples permutations and subsets of {@code 0 .. n-1}, in a deterministic order, for tests that
 * need targets without building a ranking task.
 */
public final class Permutations {

    private Permutations() {
    }

    /**
     * Returns all {@code n!} permutations of {@code 0 .. n-1} in lexicographic order.
     *
     * @throws IllegalArgumentException if {@code n < 1} or {@code n > 10} (more than 3,628,800 permutations)
     */
    public static int[][] all(int n) {
        if (n < 1 || n > 10) {
            throw new IllegalArgumentException("Enumerating all permutations supports 1 <= n <= 10, got " + n);
        }
        List<int[]> result = new ArrayList<>();
        int[] current = new int[n];
        Arrays.setAll(current, i -> i);
        do {
            result.add(current.clone());
        } while (nextPermutation(current));
        return result.toArray(new int[0][]);
    }

    /**
     * Returns {@code m} distinct permutations of {@code 0 .. n-1} drawn uniformly (Fisher-Yates) with a seed.
     *
     * @throws IllegalArgumentException if {@code n < 1}, {@code m < 1} or {@code m} exceeds {@code n!}
     */
    public static int[][] sample(int n, int m, long seed) {
        if (n < 1 || m < 1) {
            throw new IllegalArgumentException("n and m must be >= 1, got n = " + n + ", m = " + m);
        }
        if (n <= 12 && m > factorial(n)) {
            throw new IllegalArgumentException("Cannot draw " + m + " distinct permutations of " + n
                    + " documents: there are only " + factorial(n));
        }
        Random random = new Random(seed);
        Set<List<Integer>> seen = new LinkedHashSet<>();
        List<int[]> result = new ArrayList<>();
        while (result.size() < m) {
            int[] permutation = new int[n];
            Arrays.setAll(permutation, i -> i);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = swap;
            }
            if (seen.add(Arrays.stream(permutation).boxed().toList())) {
                result.add(permutation);
            }
        }
        return result.toArray(new int[0][]);
    }

    /**
     * Returns all {@code C(n, k)} subsets of size {@code k} of {@code 0 .. n-1}, each sorted, in lexicographic
     * order.
     *
     * @throws IllegalArgumentException if not {@code 1 <= k <= n}
     */
    public static int[][] subsets(int n, int k) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("Subset size k must be in [1, n] = [1, " + n + "], got " + k);
        }
        List<int[]> result = new ArrayList<>();
        int[] current = new int[k];
        Arrays.setAll(current, i -> i);
        while (true) {
            result.add(current.clone());
            int i = k - 1;
            while (i >= 0 && current[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                return result.toArray(new int[0][]);
            }
            current[i]++;
            for (int j = i + 1; j < k; j++) {
                current[j] = current[j - 1] + 1;
            }
        }
    }

    /** Advances to the next permutation in lexicographic order; returns false after the last one. */
    private static boolean nextPermutation(int[] values) {
        int i = values.length - 2;
        while (i >= 0 && values[i] >= values[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = values.length - 1;
        while (values[j] <= values[i]) {
            j--;
        }
        swap(values, i, j);
        for (int left = i + 1, right = values.length - 1; left < right; left++, right--) {
            swap(values, left, right);
        }
        return true;
    }

    private static void swap(int[] values, int i, int j) {
        int tmp = values[i];
        values[i] = values[j];
        values[j] = tmp;
    }

    private static long factorial(int n) {
        long result = 1;
        for (int i = 2; i <= n; i++) {
            result *= i;
        }
        return result;
    }
}
