package org.arr.datasets.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.arr.data.Corpus;
import org.arr.data.Document;
import org.arr.data.Qrels;
import org.arr.data.Queries;
import org.arr.data.Query;
import org.arr.data.RankingTask;

/**
 * Synthetic ranking tasks for capacity experiments. Documents are {@code d0 .. d{n-1}} (id and text
 * alike); every task uses the transductive split (train = dev = test = all queries), because these tasks
 * ask whether a model can represent the rankings at all. Random choices use {@link Random} with the given
 * seed, so a seed fixes the task on every JVM.
 *
 * <p>Permutation tasks grade a document by its position {@code i} (0-based) in the query's permutation:
 * {@code rel = n - i}, so the first document has grade {@code n} and the last grade 1. Their query id is
 * {@code p} followed by the document indices joined by {@code -} (e.g. {@code p2-0-1}) and the query text
 * lists the document ids in order ({@code d2 d0 d1}).
 */
public final class SyntheticTasks {

    /**
     * Maximum number of judgments a synthetic task may have. A judgment costs roughly 100 to 200 bytes on
     * the heap (estimate), so this bound keeps a task below about 2 GB instead of failing with an
     * out-of-memory error halfway.
     */
    public static final long MAX_JUDGMENTS = 10_000_000L;

    private SyntheticTasks() {
    }

    /**
     * Creates the complete ranking task: one query per permutation of the {@code n} documents, in
     * lexicographic order, each judging all {@code n} documents by position. It has {@code n!} queries
     * and {@code n * n!} judgments.
     *
     * @throws IllegalArgumentException if {@code n < 1} or {@code n * n!} exceeds {@link #MAX_JUDGMENTS}
     */
    public static RankingTask completeRanking(int n) {
        requireAtLeast("n", n, 1);
        long queryCount = factorial(n);
        requireJudgmentBudget("complete ranking task with n = " + n, queryCount, n);

        List<int[]> permutations = new ArrayList<>((int) queryCount);
        int[] permutation = identity(n);
        do {
            permutations.add(permutation.clone());
        } while (nextPermutation(permutation));
        return permutationTask("synthetic:complete(n=" + n + ")", n, permutations);
    }

    /**
     * Creates a task of {@code m} distinct permutations of the {@code n} documents drawn uniformly at
     * random (Fisher-Yates shuffles with {@code new Random(seed)}, repeats skipped), graded by position.
     * When {@code m} is at least half of {@code n!}, the task instead shuffles the list of all {@code n!}
     * permutations and keeps the first {@code m}, which avoids long runs of rejected repeats.
     *
     * @throws IllegalArgumentException if {@code n < 1}, {@code m < 1}, {@code m > n!} or the task would
     *     exceed {@link #MAX_JUDGMENTS}
     */
    public static RankingTask sampledPermutations(int n, int m, long seed) {
        requireAtLeast("n", n, 1);
        requireAtLeast("m", m, 1);
        long total = factorial(n);
        if (m > total) {
            throw new IllegalArgumentException("Invalid m = " + m + ": there are only " + total
                    + " permutations of n = " + n + " documents; use m <= " + total);
        }
        requireJudgmentBudget("permutation task with n = " + n + " and m = " + m, m, n);

        Random random = new Random(seed);
        List<int[]> permutations = new ArrayList<>(m);
        if (2L * m >= total) {
            int[] permutation = identity(n);
            List<int[]> all = new ArrayList<>((int) total);
            do {
                all.add(permutation.clone());
            } while (nextPermutation(permutation));
            java.util.Collections.shuffle(all, random);
            permutations.addAll(all.subList(0, m));
        } else {
            Set<String> seen = new HashSet<>();
            while (permutations.size() < m) {
                int[] permutation = identity(n);
                shuffle(permutation, random);
                if (seen.add(Arrays.toString(permutation))) {
                    permutations.add(permutation);
                }
            }
        }
        return permutationTask("synthetic:permutations(n=" + n + ",m=" + m + ",seed=" + seed + ")", n, permutations);
    }

    /**
     * Creates a LIMIT-style top-k task: one query per k-subset of the {@code n} documents, all
     * {@code C(n, k)} of them in lexicographic order, each subset member judged relevant with grade 1
     * (other documents are unjudged). The query id is {@code s} followed by the member indices joined by
     * {@code -} (e.g. {@code s0-3}); the query text lists the member ids ({@code d0 d3}).
     *
     * @throws IllegalArgumentException if {@code k} is not in {@code [1, n]} or the task would exceed
     *     {@link #MAX_JUDGMENTS}
     */
    public static RankingTask topKSubsets(int n, int k) {
        requireAtLeast("n", n, 1);
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("Invalid k = " + k + ": the subset size must be between 1 and n = " + n);
        }
        long queryCount = binomial(n, k);
        requireJudgmentBudget("top-k task with n = " + n + " and k = " + k, queryCount, k);

        List<Query> queries = new ArrayList<>((int) queryCount);
        Qrels.Builder qrels = Qrels.builder();
        int[] subset = identity(k);
        do {
            String queryId = "s" + join(subset, "-");
            queries.add(new Query(queryId, documentList(subset)));
            for (int member : subset) {
                qrels.add(queryId, documentId(member), 1);
            }
        } while (nextCombination(subset, n));
        return new RankingTask("synthetic:top-k(n=" + n + ",k=" + k + ")", corpus(n), new Queries(queries),
                qrels.build(), null, null, null);
    }

    /**
     * Creates a random graded task: {@code queries} queries {@code q0 ..}, each with
     * {@code relevantPerQuery} distinct documents drawn uniformly from {@code documents} documents, every
     * one with a grade drawn uniformly from {@code 1 .. maxGrade}. Other documents are unjudged. All draws
     * come from one {@code new Random(seed)}, query by query.
     *
     * @throws IllegalArgumentException if a count is below 1, {@code relevantPerQuery > documents}, or the
     *     task would exceed {@link #MAX_JUDGMENTS}
     */
    public static RankingTask randomGraded(int documents, int queries, int relevantPerQuery, int maxGrade, long seed) {
        requireAtLeast("documents", documents, 1);
        requireAtLeast("queries", queries, 1);
        requireAtLeast("relevantPerQuery", relevantPerQuery, 1);
        requireAtLeast("maxGrade", maxGrade, 1);
        if (relevantPerQuery > documents) {
            throw new IllegalArgumentException("Invalid relevantPerQuery = " + relevantPerQuery
                    + ": a query cannot have more relevant documents than the corpus has (" + documents + ")");
        }
        requireJudgmentBudget("random task with " + queries + " queries", queries, relevantPerQuery);

        Random random = new Random(seed);
        int[] pool = identity(documents);
        List<Query> queryList = new ArrayList<>(queries);
        Qrels.Builder qrels = Qrels.builder();
        for (int q = 0; q < queries; q++) {
            String queryId = "q" + q;
            queryList.add(new Query(queryId, queryId));

            // A partial Fisher-Yates shuffle puts a uniform sample of distinct documents in pool[0, r).
            for (int i = 0; i < relevantPerQuery; i++) {
                int j = i + random.nextInt(documents - i);
                int swap = pool[i];
                pool[i] = pool[j];
                pool[j] = swap;
            }
            int[] chosen = Arrays.copyOf(pool, relevantPerQuery);
            Arrays.sort(chosen);
            for (int document : chosen) {
                qrels.add(queryId, documentId(document), 1 + random.nextInt(maxGrade));
            }
        }
        String name = "synthetic:random(documents=" + documents + ",queries=" + queries + ",relevantPerQuery="
                + relevantPerQuery + ",maxGrade=" + maxGrade + ",seed=" + seed + ")";
        return new RankingTask(name, corpus(documents), new Queries(queryList), qrels.build(), null, null, null);
    }

    /** Returns the id of document {@code index}: {@code d} followed by the index. */
    public static String documentId(int index) {
        return "d" + index;
    }

    /** Returns {@code n!}, or {@code Long.MAX_VALUE} when it does not fit in a long ({@code n > 20}). */
    static long factorial(int n) {
        long result = 1;
        for (int i = 2; i <= n; i++) {
            if (result > Long.MAX_VALUE / i) {
                return Long.MAX_VALUE;
            }
            result *= i;
        }
        return result;
    }

    /** Returns {@code C(n, k)}, or {@code Long.MAX_VALUE} when it does not fit in a long. */
    static long binomial(int n, int k) {
        int smaller = Math.min(k, n - k);
        long result = 1;
        for (int i = 1; i <= smaller; i++) {
            // result * (n - smaller + i) / i is exact at every step, because it equals C(n - smaller + i, i).
            long factor = n - smaller + i;
            if (result > Long.MAX_VALUE / factor) {
                return Long.MAX_VALUE;
            }
            result = result * factor / i;
        }
        return result;
    }

    private static RankingTask permutationTask(String name, int n, List<int[]> permutations) {
        List<Query> queries = new ArrayList<>(permutations.size());
        Qrels.Builder qrels = Qrels.builder();
        for (int[] permutation : permutations) {
            String queryId = "p" + join(permutation, "-");
            queries.add(new Query(queryId, documentList(permutation)));
            for (int position = 0; position < n; position++) {
                qrels.add(queryId, documentId(permutation[position]), n - position);
            }
        }
        return new RankingTask(name, corpus(n), new Queries(queries), qrels.build(), null, null, null);
    }

    private static Corpus corpus(int n) {
        List<Document> documents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            documents.add(new Document(documentId(i), "", documentId(i)));
        }
        return new Corpus(documents);
    }

    private static String documentList(int[] indices) {
        StringBuilder text = new StringBuilder();
        for (int index : indices) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(documentId(index));
        }
        return text.toString();
    }

    private static String join(int[] values, String separator) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(separator);
            }
            text.append(values[i]);
        }
        return text.toString();
    }

    private static int[] identity(int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return values;
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
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
        int swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        for (int left = i + 1, right = values.length - 1; left < right; left++, right--) {
            swap = values[left];
            values[left] = values[right];
            values[right] = swap;
        }
        return true;
    }

    /** Advances a sorted k-subset of {@code 0..n-1} to the next one in lexicographic order; false after the last. */
    private static boolean nextCombination(int[] subset, int n) {
        int k = subset.length;
        int i = k - 1;
        while (i >= 0 && subset[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        subset[i]++;
        for (int j = i + 1; j < k; j++) {
            subset[j] = subset[j - 1] + 1;
        }
        return true;
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("Invalid " + name + " = " + value + ": must be >= " + min);
        }
    }

    private static void requireJudgmentBudget(String what, long queryCount, long judgmentsPerQuery) {
        boolean tooLarge = queryCount == Long.MAX_VALUE
                || queryCount > MAX_JUDGMENTS / judgmentsPerQuery;
        if (tooLarge) {
            String count = queryCount == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : String.valueOf(queryCount);
            throw new IllegalArgumentException("The " + what + " has " + count + " queries with " + judgmentsPerQuery
                    + " judgments each, more than the limit of " + MAX_JUDGMENTS + " judgments; choose smaller values");
        }
    }
}
