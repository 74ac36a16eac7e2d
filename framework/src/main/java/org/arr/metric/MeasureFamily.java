package org.arr.metric;

/**
 * The measures this package computes, in the order trec_eval 9.0.8 prints them. In the formulas, a ranking
 * has {@code n} retrieved documents at ranks {@code i = 1..n}; {@code rel_i} is the judged relevance of the
 * document at rank {@code i} (unjudged documents count as {@code 0}); a document is relevant when
 * {@code rel > 0}; {@code R} is the number of judged relevant documents of the query, retrieved or not.
 *
 * <p>trec_eval calls a document relevant when {@code rel >= 1} (its default relevance level) after reading
 * grades as integers, so the two rules agree on integer grades. A fractional grade such as {@code 0.5} is
 * relevant here but not in trec_eval, which truncates it to 0.
 */
public enum MeasureFamily {

    /** Number of queries averaged over: queries in both qrels and run, or every qrels query when complete. */
    NUM_Q("num_q", false, true) {
        @Override
        double compute(RankedQuery query, int cutoff) {
            return 1;
        }
    },

    /** Number of retrieved documents {@code n}; the summary is the sum over queries. */
    NUM_RET("num_ret", false, true) {
        @Override
        double compute(RankedQuery query, int cutoff) {
            return query.retrievedCount();
        }
    },

    /** Number of judged relevant documents {@code R}; the summary is the sum over queries. */
    NUM_REL("num_rel", false, true) {
        @Override
        double compute(RankedQuery query, int cutoff) {
            return query.relevantCount();
        }
    },

    /** Number of relevant retrieved documents; the summary is the sum over queries. */
    NUM_REL_RET("num_rel_ret", false, true) {
        @Override
        double compute(RankedQuery query, int cutoff) {
            return query.relevantRetrievedCount();
        }
    },

    /**
     * Average precision: {@code AP = (1/R) * sum over relevant ranks i of (relevant in top i) / i}, and 0 when
     * no relevant document is retrieved. The mean over queries is MAP.
     */
    MAP("map", false, false) {
        @Override
        double compute(RankedQuery query, int cutoff) {
            boolean[] relevant = query.relevant();
            int relevantSoFar = 0;
            double sum = 0;
            for (int i = 0; i < relevant.length; i++) {
                if (relevant[i]) {
                    relevantSoFar++;
                    sum += (double) relevantSoFar / (double) (i + 1);
                }
            }
            return relevantSoFar == 0 ? 0 : sum / query.relevantCount();
        }
    },

    /** Reciprocal rank {@code 1 / i} of the first relevant retrieved document, 0 when there is none. */
    RECIP_RANK("recip_rank", false, false) {
        @Override
        double compute(RankedQuery query, int cutoff) {
            boolean[] relevant = query.relevant();
            for (int i = 0; i < relevant.length; i++) {
                if (relevant[i]) {
                    return 1.0 / (i + 1);
                }
            }
            return 0;
        }
    },

    /**
     * Precision at {@code k}: {@code (relevant in top k) / k}. The divisor stays {@code k} when fewer than
     * {@code k} documents are retrieved, as if non-relevant documents filled the rest.
     */
    P("P", true, false) {
        @Override
        double compute(RankedQuery query, int cutoff) {
            return (double) query.relevantInTop(cutoff) / (double) cutoff;
        }
    },

    /** Recall at {@code k}: {@code (relevant in top k) / R}, and 0 when the query has no relevant document. */
    RECALL("recall", true, false) {
        @Override
        double compute(RankedQuery query, int cutoff) {
            int relevantCount = query.relevantCount();
            return relevantCount == 0 ? 0 : (double) query.relevantInTop(cutoff) / (double) relevantCount;
        }
    },

    /**
     * nDCG over the whole ranking (Järvelin and Kekäläinen 2002): {@code DCG / IDCG} with
     * {@code DCG = sum over i = 1..n of gain(rel_i) / log2(i + 1)}, unjudged documents having gain 0, and
     * {@code IDCG} the same sum over the positive gains of all judged documents of the query sorted in
     * decreasing order. 0 when {@code IDCG = 0}. The gain function is the identity unless the evaluation
     * options set another.
     */
    NDCG("ndcg", false, false) {
        @Override
        double compute(RankedQuery query, int cutoff) {
            double ideal = query.idealDcg(Integer.MAX_VALUE);
            return ideal > 0 ? query.dcg(Integer.MAX_VALUE) / ideal : 0;
        }
    },

    /**
     * nDCG at {@code k}: {@code DCG@k / IDCG@k}, both sums of {@link #NDCG} stopped after rank {@code k}. The
     * ideal ranking is formed from all judged documents of the query, retrieved or not. 0 when
     * {@code IDCG@k = 0}.
     */
    NDCG_CUT("ndcg_cut", true, false) {
        @Override
        double compute(RankedQuery query, int cutoff) {
            double ideal = query.idealDcg(cutoff);
            return ideal > 0 ? query.dcg(cutoff) / ideal : 0;
        }
    };

    private final String trecName;
    private final boolean takesCutoff;
    private final boolean count;

    MeasureFamily(String trecName, boolean takesCutoff, boolean count) {
        this.trecName = trecName;
        this.takesCutoff = takesCutoff;
        this.count = count;
    }

    /** Returns the name trec_eval gives this measure, e.g. {@code ndcg_cut}. */
    public String trecName() {
        return trecName;
    }

    /** Returns whether the measure needs a rank cutoff {@code k}. */
    public boolean takesCutoff() {
        return takesCutoff;
    }

    /** Returns whether the measure is an integer count, summed (not averaged) over queries and printed without decimals. */
    public boolean isCount() {
        return count;
    }

    /** Computes the measure for one query; {@code cutoff} is ignored by measures without one. */
    abstract double compute(RankedQuery query, int cutoff);

    /**
     * Returns the family with a trec_eval name.
     *
     * @throws IllegalArgumentException if no family has that name
     */
    public static MeasureFamily fromTrecName(String name) {
        for (MeasureFamily family : values()) {
            if (family.trecName.equals(name)) {
                return family;
            }
        }
        StringBuilder known = new StringBuilder();
        for (MeasureFamily family : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(family.trecName);
        }
        throw new IllegalArgumentException("Unknown measure '" + name + "': supported measures are " + known);
    }
}
