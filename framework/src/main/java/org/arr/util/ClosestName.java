package org.arr.util;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Suggestions for misspelled names in registries and configs ("did you mean ...?"). */
public final class ClosestName {

    private ClosestName() {
    }

    /**
     * Finds the known name with the smallest case-insensitive Levenshtein distance to the input. A name
     * counts as close only when the distance is at most {@code max(2, input length / 2)}, so unrelated
     * words get no suggestion. Ties go to the alphabetically first name.
     */
    public static Optional<String> closest(String input, Collection<String> knownNames) {
        if (input == null) {
            return Optional.empty();
        }
        String needle = input.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, needle.length() / 2);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();

        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : new TreeSet<>(knownNames)) {
            int d = distance.apply(needle, name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * Builds the message for an unknown name, e.g. {@code Unknown docID scheme 'semntic'; known: atomic,
     * semantic. Did you mean 'semantic'?}
     *
     * @param kind what the name refers to, e.g. {@code docID scheme}
     */
    public static String unknownNameMessage(String kind, String input, Collection<String> knownNames) {
        StringBuilder message = new StringBuilder()
                .append("Unknown ").append(kind).append(" '").append(input).append("'; known: ")
                .append(String.join(", ", new TreeSet<>(knownNames))).append('.');
        closest(input, knownNames).ifPresent(name -> message.append(" Did you mean '").append(name).append("'?"));
        return message.toString();
    }
}
