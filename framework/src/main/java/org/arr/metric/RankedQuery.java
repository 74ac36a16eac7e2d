package org.arr.metric;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arr.data.ScoredDocument;

/**
 * One query's ranking joined with its judgments, kept in primitive arrays so that measures run without
 * boxing. It stores, per rank, whether the document is relevant and its gain, then the ideal gains and the
 * counts.
 *
 * <p>The ranking follows trec_eval 9.0.8: documents sorted by score, highest first, ties broken by document
 * id in decreasing {@code strcmp} order; the rank column of a run file plays no part.
 */
final class RankedQuery {

    /** {@code log2(r)} for small {@code r}, so that discounts are computed once. */
    private static final double[] LOG2 = new double[4097];

    static {
        for (int r = 1; r < LOG2.length; r++) {
            LOG2[r] = Math.log(r) / Math.log(2);
        }
    }

    private final boolean[] relevant;
    private final double[] gains;
    private final int[] relevantPrefix;
    private final double[] idealGains;
    private final int relevantCount;

    private RankedQuery(boolean[] relevant, double[] gains, double[] idealGains, int relevantCount) {
        this.relevant = relevant;
        this.gains = gains;
        this.idealGains = idealGains;
        this.relevantCount = relevantCount;
        this.relevantPrefix = new int[relevant.length + 1];
        for (int i = 0; i < relevant.length; i++) {
            relevantPrefix[i + 1] = relevantPrefix[i] + (relevant[i] ? 1 : 0);
        }
    }

    /**
     * Ranks a query's retrieved documents and looks up their judgments.
     *
     * @param queryId used in error messages
     * @param judgments document id to relevance for this query (may be empty)
     * @param ranking the retrieved documents in any order, each document at most once
     * @param gain maps a relevance grade to an nDCG gain
     * @throws IllegalArgumentException if a score is NaN or a document appears twice
     */
    static RankedQuery of(String queryId, Map<String, Double> judgments, List<ScoredDocument> ranking,
            GainFunction gain) {
        ScoredDocument[] documents = ranking.toArray(new ScoredDocument[0]);
        Set<String> seen = new HashSet<>(documents.length * 2);
        for (ScoredDocument document : documents) {
            if (Double.isNaN(document.score())) {
                throw new IllegalArgumentException("Score of document '" + document.documentId() + "' for query '"
                        + queryId + "' is NaN: every retrieved document needs a numeric score");
            }
            if (!seen.add(document.documentId())) {
                throw new IllegalArgumentException("Document '" + document.documentId()
                        + "' is retrieved twice for query '" + queryId + "': trec_eval rejects such rankings");
            }
        }
        Arrays.sort(documents, RankedQuery::compareTrec);

        int retrieved = documents.length;
        boolean[] relevant = new boolean[retrieved];
        double[] gains = new double[retrieved];
        for (int i = 0; i < retrieved; i++) {
            Double relevance = judgments.get(documents[i].documentId());
            if (relevance != null) {
                relevant[i] = relevance > 0;
                gains[i] = gain.gain(relevance);
            }
        }

        return new RankedQuery(relevant, gains, idealGains(judgments, gain), countRelevant(judgments));
    }

    /** Orders by score descending, then by document id descending, as trec_eval's sort comparator does. */
    private static int compareTrec(ScoredDocument a, ScoredDocument b) {
        if (a.score() > b.score()) {
            return -1;
        }
        if (a.score() < b.score()) {
            return 1;
        }
        return TrecOrder.compare(b.documentId(), a.documentId());
    }

    private static double[] idealGains(Map<String, Double> judgments, GainFunction gain) {
        double[] positive = new double[judgments.size()];
        int count = 0;
        for (double relevance : judgments.values()) {
            double value = gain.gain(relevance);
            if (value > 0) {
                positive[count++] = value;
            }
        }
        double[] sorted = Arrays.copyOf(positive, count);
        Arrays.sort(sorted);
        for (int i = 0, j = count - 1; i < j; i++, j--) {
            double swap = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = swap;
        }
        return sorted;
    }

    private static int countRelevant(Map<String, Double> judgments) {
        int count = 0;
        for (double relevance : judgments.values()) {
            if (relevance > 0) {
                count++;
            }
        }
        return count;
    }

    /** Returns {@code log2(rank + 1)}, the DCG discount divisor of a 1-based rank. */
    static double discount(int rank) {
        int argument = rank + 1;
        return argument < LOG2.length ? LOG2[argument] : Math.log(argument) / Math.log(2);
    }

    int retrievedCount() {
        return relevant.length;
    }

    int relevantCount() {
        return relevantCount;
    }

    int relevantRetrievedCount() {
        return relevantPrefix[relevant.length];
    }

    /** Returns the number of relevant documents among the first {@code k} ranks. */
    int relevantInTop(int k) {
        return relevantPrefix[Math.min(k, relevant.length)];
    }

    /** Returns, per rank (index 0 is rank 1), whether the document is relevant. The array is shared: do not modify. */
    boolean[] relevant() {
        return relevant;
    }

    /** Returns the DCG of the first {@code k} ranks: {@code sum of gain_i / log2(i + 1)}. */
    double dcg(int k) {
        int end = Math.min(k, gains.length);
        double sum = 0;
        for (int i = 0; i < end; i++) {
            if (gains[i] != 0) {
                sum += gains[i] / discount(i + 1);
            }
        }
        return sum;
    }

    /** Returns the DCG of the ideal ranking cut at {@code k}. */
    double idealDcg(int k) {
        int end = Math.min(k, idealGains.length);
        double sum = 0;
        for (int i = 0; i < end; i++) {
            sum += idealGains[i] / discount(i + 1);
        }
        return sum;
    }
}
