package org.arr.config;

import java.util.Collection;
import org.arr.util.ClosestName;

/** Formats "did you mean" hints for misspelled keys and names. */
final class KeySuggestions {

    private KeySuggestions() {
    }

    /**
     * Returns {@code "did you mean 'x'? "} when a candidate is close (see {@link ClosestName#closest}), followed by
     * the list of valid names; for an empty list, says that no keys are accepted.
     */
    static String hint(String input, Collection<String> candidates) {
        if (candidates.isEmpty()) {
            return "this section takes no keys";
        }
        String valid = String.join(", ", candidates);
        return ClosestName.closest(input, candidates).map(best -> "did you mean '" + best + "'? ").orElse("")
                + "Valid: " + valid;
    }
}
