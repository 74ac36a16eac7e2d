/**
 * Reading and writing TREC qrels ({@code qid iter docid rel}) and TREC run files
 * ({@code qid Q0 docid rank score tag}), the formats trec_eval consumes.
 */
package org.arr.data.trec;
