package org.arr.loss;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The relevant documents {@code R+ = {d : rel(q, d) > 0}} of one training query with their grades.
 *
 * @param documents document indices (as in the docID list and trie), distinct
 * @param grades {@code rel(q, d) > 0}, one per document
 */
public record GradedRelevance(int[] documents, double[] grades) {

    /**
     * @throws IllegalArgumentException if the arrays differ in length, are empty, repeat a document, hold a
     *     negative index, or a grade that is not a finite positive number
     */
    public GradedRelevance {
        if (documents.length != grades.length) {
            throw new IllegalArgumentException("Got " + documents.length + " relevant documents but " + grades.length + " grades");
        }
        if (documents.length == 0) {
            throw new IllegalArgumentException("A training query needs at least one relevant document (rel > 0)");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < documents.length; i++) {
            if (documents[i] < 0) {
                throw new IllegalArgumentException("Document index " + documents[i] + " is negative");
            }
            if (!seen.add(documents[i])) {
                throw new IllegalArgumentException("Document " + documents[i] + " is listed twice");
            }
            if (!(grades[i] > 0) || Double.isInfinite(grades[i])) {
                throw new IllegalArgumentException("Grade " + grades[i] + " of document " + documents[i]
                        + " is invalid; relevant documents need a finite grade > 0 (leave out judged non-relevant ones)");
            }
        }
        documents = documents.clone();
        grades = grades.clone();
    }

    /** Returns relevance with grade 1 for every document. */
    public static GradedRelevance binary(int... documents) {
        double[] grades = new double[documents.length];
        Arrays.fill(grades, 1.0);
        return new GradedRelevance(documents, grades);
    }

    @Override
    public int[] documents() {
        return documents.clone();
    }

    @Override
    public double[] grades() {
        return grades.clone();
    }

    public int size() {
        return documents.length;
    }

    public int document(int i) {
        return documents[i];
    }

    public double grade(int i) {
        return grades[i];
    }
}
