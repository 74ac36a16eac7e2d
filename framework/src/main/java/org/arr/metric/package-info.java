/**
 * Retrieval measures with the semantics of trec_eval 9.0.8: nDCG, nDCG at cutoffs, precision and recall at
 * cutoffs, reciprocal rank, MAP and the query and document counts, averaged over queries as trec_eval does.
 *
 * <p>Entry point: {@link org.arr.metric.Evaluator#evaluate}. Measures are named and parsed as on the
 * trec_eval command line ({@code ndcg_cut.5,10}, see {@link org.arr.metric.MeasureParser}).
 */
package org.arr.metric;
