package org.arr.data;

/**
 * One entry of a ranked list.
 *
 * @param documentId the document id
 * @param score the ranker's score; higher ranks first
 */
public record ScoredDocument(String documentId, double score) {
}
