package org.arr.config;

import java.util.Collection;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Finds the valid name closest to a misspelled one, by Levenshtein distance (case-insensitive). */
final class KeySuggestions {

    private KeySuggestions() {
    }

    /**
     * Returns the candidate with the smallest edit distance to {@code input}, if that distance is at most
     * {@code max(2, length / 2)}; ties go to the first candidate in iteration order.
     */
    static Optional<String> closest(String input, Collection<String> candidates) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String lowered = input.toLowerCase(java.util.Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance.apply(lowered, candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int limit = Math.max(2, input.length() / 2);
        return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /**
     * Returns {@code "did you mean 'x'? "} or an empty string, followed by the list of valid names; for an empty
     * list, says that no keys are accepted.
     */
    static String hint(String input, Collection<String> candidates) {
        if (candidates.isEmpty()) {
            return "this section takes no keys";
        }
        String valid = String.join(", ", candidates);
        return closest(input, candidates).map(best -> "did you mean '" + best + "'? ").orElse("")
                + "Valid: " + valid;
    }
}
