package org.arr.model.listwise;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Chooses the candidate documents a listwise loss normalizes over, and their targets. Negatives are drawn uniformly
 * without replacement from a seeded {@link Random}, so the same seed gives the same candidates.
 */
public final class CandidateSampler {

    private CandidateSampler() {
    }

    /**
     * Candidates shared by a batch of queries, as a dual encoder trains with them: the whole corpus.
     * Target of query {@code b} on document {@code d} is {@code pi(d|q_b)}.
     */
    public static SharedCandidates fullCorpus(List<ListwiseExample> batch, int corpusSize) {
        int[] documents = new int[corpusSize];
        for (int d = 0; d < corpusSize; d++) {
            documents[d] = d;
        }
        return new SharedCandidates(documents, sharedTargets(batch, documents));
    }

    /**
     * Candidates shared by a batch of queries: every relevant document of every query in the batch (in-batch
     * negatives for the other queries), plus up to {@code negatives} further documents drawn from the rest of the
     * corpus. Target of query {@code b} on candidate {@code d} is {@code pi(d|q_b)} renormalized over the candidates,
     * which is {@code pi} itself because every relevant document of {@code q_b} is a candidate.
     *
     * @throws IllegalArgumentException if {@code negatives < 0} or a relevant position is outside the corpus
     */
    public static SharedCandidates inBatch(List<ListwiseExample> batch, int corpusSize, int negatives, Random random) {
        requireNonNegative(negatives);
        Set<Integer> chosen = new LinkedHashSet<>();
        for (ListwiseExample example : batch) {
            for (int document : example.relevantView()) {
                requireInCorpus(document, corpusSize);
                chosen.add(document);
            }
        }
        int[] positives = chosen.stream().mapToInt(Integer::intValue).toArray();
        int[] sampled = sampleExcluding(corpusSize, positives, negatives, random);
        int[] documents = Arrays.copyOf(positives, positives.length + sampled.length);
        System.arraycopy(sampled, 0, documents, positives.length, sampled.length);
        return new SharedCandidates(documents, sharedTargets(batch, documents));
    }

    /**
     * Candidates per query, as a cross encoder trains with them: the query's relevant documents plus up to
     * {@code negatives} documents drawn from those not relevant to it. Rows are padded to the longest with copies of
     * their first candidate, marked invalid.
     *
     * @throws IllegalArgumentException if {@code negatives < 0} or a relevant position is outside the corpus
     */
    public static PerQueryCandidates perQuery(List<ListwiseExample> batch, int corpusSize, int negatives, Random random) {
        requireNonNegative(negatives);
        int[][] rows = new int[batch.size()][];
        int width = 0;
        for (int b = 0; b < batch.size(); b++) {
            int[] relevant = batch.get(b).relevantView();
            for (int document : relevant) {
                requireInCorpus(document, corpusSize);
            }
            int[] sampled = sampleExcluding(corpusSize, relevant, negatives, random);
            rows[b] = Arrays.copyOf(relevant, relevant.length + sampled.length);
            System.arraycopy(sampled, 0, rows[b], relevant.length, sampled.length);
            width = Math.max(width, rows[b].length);
        }

        int[][] documents = new int[batch.size()][width];
        float[] targets = new float[batch.size() * width];
        float[] valid = new float[batch.size() * width];
        for (int b = 0; b < batch.size(); b++) {
            ListwiseExample example = batch.get(b);
            for (int c = 0; c < width; c++) {
                boolean real = c < rows[b].length;
                documents[b][c] = real ? rows[b][c] : rows[b][0];
                valid[b * width + c] = real ? 1f : 0f;
                targets[b * width + c] = real ? (float) example.target(rows[b][c]) : 0f;
            }
        }
        return new PerQueryCandidates(documents, targets, valid, width);
    }

    /**
     * Draws up to {@code count} distinct positions of {@code [0, corpusSize)} that are not in {@code excluded}, by a
     * partial Fisher-Yates shuffle of the remaining positions. Returns all remaining positions when fewer are left.
     */
    static int[] sampleExcluding(int corpusSize, int[] excluded, int count, Random random) {
        boolean[] skip = new boolean[corpusSize];
        for (int document : excluded) {
            skip[document] = true;
        }
        int[] pool = new int[corpusSize];
        int size = 0;
        for (int d = 0; d < corpusSize; d++) {
            if (!skip[d]) {
                pool[size++] = d;
            }
        }
        int take = Math.min(count, size);
        for (int i = 0; i < take; i++) {
            int j = i + random.nextInt(size - i);
            int swap = pool[i];
            pool[i] = pool[j];
            pool[j] = swap;
        }
        return Arrays.copyOf(pool, take);
    }

    private static float[] sharedTargets(List<ListwiseExample> batch, int[] documents) {
        float[] targets = new float[batch.size() * documents.length];
        for (int b = 0; b < batch.size(); b++) {
            for (int c = 0; c < documents.length; c++) {
                targets[b * documents.length + c] = (float) batch.get(b).target(documents[c]);
            }
        }
        return targets;
    }

    private static void requireNonNegative(int negatives) {
        if (negatives < 0) {
            throw new IllegalArgumentException("Number of sampled negatives must be >= 0, got " + negatives);
        }
    }

    private static void requireInCorpus(int document, int corpusSize) {
        if (document >= corpusSize) {
            throw new IllegalArgumentException("Relevant document position " + document + " is outside a corpus of "
                    + corpusSize + " documents");
        }
    }

    /**
     * Candidates shared by every query of a batch.
     *
     * @param documents candidate corpus positions
     * @param targets {@code [B * C]} row-major targets, {@code C = documents.length}
     */
    public record SharedCandidates(int[] documents, float[] targets) {
    }

    /**
     * Candidates per query, padded to a common width.
     *
     * @param documents {@code [B][width]} candidate corpus positions
     * @param targets {@code [B * width]} row-major targets, 0 on padding
     * @param valid {@code [B * width]} 1 for real candidates, 0 for padding
     * @param width candidates per row after padding
     */
    public record PerQueryCandidates(int[][] documents, float[] targets, float[] valid, int width) {
    }
}
