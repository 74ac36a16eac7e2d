package org.arr.theory.capacity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.arr.data.Corpus;
import org.arr.data.RankingTask;

/**
 * The ranking each query must realize over {@code n} documents, as ordered tiers: every document of tier
 * {@code t} must score strictly above every document of tier {@code t+1}, and documents within a tier may come
 * in any order. A full ranking has {@code n} singleton tiers; a top-{@code k} target has the {@code k} relevant
 * documents as tier 0 and all others as tier 1; graded qrels give one tier per relevance grade, highest first,
 * with unjudged documents in the last tier.
 *
 * <p>Per query, {@link #order(int)} lists the documents tier by tier and {@link #tierStarts(int)} marks where
 * each tier begins in that list (with a final entry {@code n}). Instances are immutable; the accessors return
 * the internal arrays for the training hot loop, and callers must not modify them.
 */
public final class RankingTargets {

    private final int documentCount;
    private final int[][] order;
    private final int[][] tierStarts;

    private RankingTargets(int documentCount, int[][] order, int[][] tierStarts) {
        this.documentCount = documentCount;
        this.order = order;
        this.tierStarts = tierStarts;
    }

    /**
     * Creates full-ranking targets: query {@code q} must rank the documents exactly as {@code permutations[q]}
     * (best first).
     *
     * @throws IllegalArgumentException if there are no queries or a row is not a permutation of {@code 0 .. n-1}
     */
    public static RankingTargets fullRankings(int[][] permutations, int documentCount) {
        requireQueries(permutations.length);
        int[][] order = new int[permutations.length][];
        int[][] starts = new int[permutations.length][];
        int[] singletonStarts = new int[documentCount + 1];
        Arrays.setAll(singletonStarts, i -> i);
        for (int q = 0; q < permutations.length; q++) {
            checkPermutation(permutations[q], documentCount, q);
            order[q] = permutations[q].clone();
            starts[q] = singletonStarts;
        }
        return new RankingTargets(documentCount, order, starts);
    }

    /**
     * Creates top-{@code k} targets: the documents of {@code subsets[q]} must all score strictly above every
     * other document for query {@code q}.
     *
     * @throws IllegalArgumentException if there are no queries, or a subset is empty, contains every document,
     *     repeats a document or names one outside {@code 0 .. n-1}
     */
    public static RankingTargets topK(int[][] subsets, int documentCount) {
        requireQueries(subsets.length);
        int[][] grades = new int[subsets.length][documentCount];
        for (int q = 0; q < subsets.length; q++) {
            int[] subset = subsets[q];
            if (subset.length == 0 || subset.length >= documentCount) {
                throw new IllegalArgumentException("Relevant set of query " + q + " has " + subset.length
                        + " documents; expected between 1 and " + (documentCount - 1));
            }
            for (int doc : subset) {
                if (doc < 0 || doc >= documentCount) {
                    throw new IllegalArgumentException("Relevant set of query " + q + " names document " + doc
                            + ", outside [0, " + documentCount + ")");
                }
                if (grades[q][doc] != 0) {
                    throw new IllegalArgumentException("Relevant set of query " + q + " repeats document " + doc);
                }
                grades[q][doc] = 1;
            }
        }
        return fromGrades(grades);
    }

    /**
     * Creates targets from graded relevance: {@code grades[q][d]} is the grade of document {@code d} for query
     * {@code q}; higher grades must score strictly above lower ones, equal grades are unconstrained.
     *
     * @throws IllegalArgumentException if there are no queries, rows differ in length, or a query gives every
     *     document the same grade (no constraint to realize)
     */
    public static RankingTargets fromGrades(double[][] grades) {
        requireQueries(grades.length);
        int documentCount = grades[0].length;
        int[][] order = new int[grades.length][];
        int[][] starts = new int[grades.length][];
        for (int q = 0; q < grades.length; q++) {
            double[] row = grades[q];
            if (row.length != documentCount) {
                throw new IllegalArgumentException("Query " + q + " grades " + row.length + " documents, query 0 grades "
                        + documentCount);
            }
            Integer[] sorted = new Integer[documentCount];
            Arrays.setAll(sorted, i -> i);
            Arrays.sort(sorted, (a, b) -> a.equals(b) ? 0 : compareDescendingThenIndex(row, a, b));
            int[] queryOrder = new int[documentCount];
            int[] boundaries = new int[documentCount + 1];
            int tiers = 0;
            for (int position = 0; position < documentCount; position++) {
                queryOrder[position] = sorted[position];
                if (position == 0 || row[sorted[position]] != row[sorted[position - 1]]) {
                    boundaries[tiers++] = position;
                }
            }
            if (tiers < 2) {
                throw new IllegalArgumentException("Query " + q + " gives all " + documentCount
                        + " documents the same grade, so there is no ranking to realize");
            }
            boundaries[tiers] = documentCount;
            order[q] = queryOrder;
            starts[q] = Arrays.copyOf(boundaries, tiers + 1);
        }
        return new RankingTargets(documentCount, order, starts);
    }

    /**
     * Creates targets from a ranking task's qrels: one query per judged query of the split, in split order, with
     * documents indexed by their corpus position. The grade of a document is its {@code rel}; unjudged documents
     * get grade 0, the same tier as judged non-relevant ones, because either must rank below every relevant
     * document. A permutation task (grades {@code n .. 1}) gives full rankings; a top-{@code k} task (members
     * graded 1, the rest unjudged) gives two tiers.
     *
     * @param split the split whose queries to take, e.g. {@code train}
     * @throws IllegalArgumentException if the task has no such split, a grade is negative, or a query grades
     *     every document the same
     */
    public static RankingTargets fromTask(RankingTask task, String split) {
        if (!task.splits().has(split)) {
            throw new IllegalArgumentException("Task '" + task.name() + "' has no split '" + split + "'; it has "
                    + task.splits().names());
        }
        Corpus corpus = task.corpus();
        List<String> queryIds = task.splits().queryIds(split);
        double[][] grades = new double[queryIds.size()][corpus.size()];
        for (int q = 0; q < queryIds.size(); q++) {
            for (Map.Entry<String, Double> judgment : task.qrels().judgments(queryIds.get(q)).entrySet()) {
                if (judgment.getValue() < 0) {
                    throw new IllegalArgumentException("Task '" + task.name() + "' grades document '" + judgment.getKey()
                            + "' for query '" + queryIds.get(q) + "' with " + judgment.getValue() + "; grades must be >= 0");
                }
                grades[q][corpus.indexOf(judgment.getKey())] = judgment.getValue();
            }
        }
        return fromGrades(grades);
    }

    /** Creates targets from integer grades; see {@link #fromGrades(double[][])}. */
    public static RankingTargets fromGrades(int[][] grades) {
        double[][] asDouble = new double[grades.length][];
        for (int q = 0; q < grades.length; q++) {
            asDouble[q] = Arrays.stream(grades[q]).asDoubleStream().toArray();
        }
        return fromGrades(asDouble);
    }

    private static int compareDescendingThenIndex(double[] row, int a, int b) {
        int byGrade = Double.compare(row[b], row[a]);
        return byGrade != 0 ? byGrade : Integer.compare(a, b);
    }

    private static void requireQueries(int queries) {
        if (queries == 0) {
            throw new IllegalArgumentException("At least one query is required");
        }
    }

    private static void checkPermutation(int[] permutation, int documentCount, int query) {
        if (permutation.length != documentCount) {
            throw new IllegalArgumentException("Ranking of query " + query + " has " + permutation.length
                    + " documents, expected " + documentCount);
        }
        boolean[] seen = new boolean[documentCount];
        for (int doc : permutation) {
            if (doc < 0 || doc >= documentCount || seen[doc]) {
                throw new IllegalArgumentException("Ranking of query " + query + " is not a permutation of 0.."
                        + (documentCount - 1) + ": " + Arrays.toString(permutation));
            }
            seen[doc] = true;
        }
    }

    public int documentCount() {
        return documentCount;
    }

    public int queryCount() {
        return order.length;
    }

    /** Returns the documents of a query's target, tier by tier (best tier first). */
    public int[] order(int query) {
        return order[query];
    }

    /** Returns the start positions of a query's tiers in {@link #order(int)}, followed by {@code n}. */
    public int[] tierStarts(int query) {
        return tierStarts[query];
    }

    /** Returns the number of tiers of a query's target (at least 2). */
    public int tierCount(int query) {
        return tierStarts[query].length - 1;
    }

    /**
     * Returns whether scores realize a query's target: the minimum score of every tier is strictly greater than
     * the maximum score of the next tier, that is {@link #margin} is positive.
     *
     * @param scores one score per document
     */
    public boolean isRealized(int query, double[] scores) {
        return margin(query, scores) > 0;
    }

    /**
     * Returns the margin by which scores realize a query's target: the smallest difference, over consecutive
     * tiers {@code t} and {@code t + 1}, between the minimum score in tier {@code t} and the maximum score in tier
     * {@code t + 1}. It is positive exactly when the target is realized, and NaN when a score is NaN.
     *
     * @param scores one score per document
     */
    public double margin(int query, double[] scores) {
        int[] queryOrder = order[query];
        int[] starts = tierStarts[query];
        double margin = Double.POSITIVE_INFINITY;
        double previousMin = Double.NaN;
        for (int tier = 0; tier + 1 < starts.length; tier++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int position = starts[tier]; position < starts[tier + 1]; position++) {
                double score = scores[queryOrder[position]];
                if (Double.isNaN(score)) {
                    return Double.NaN;
                }
                min = Math.min(min, score);
                max = Math.max(max, score);
            }
            if (tier > 0) {
                margin = Math.min(margin, previousMin - max);
            }
            previousMin = min;
        }
        return margin;
    }
}
