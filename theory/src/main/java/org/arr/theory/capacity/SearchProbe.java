package org.arr.theory.capacity;

/**
 * One fit made during a search: the corpus size and dimension tried and the outcome.
 *
 * @param n number of documents
 * @param result the fit in dimension {@code result.dim()}
 */
public record SearchProbe(int n, FitResult result) {
}
