package org.arr.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much of the model's output is not a docID, on the test queries.
 *
 * @param invalidRate mean over queries of the fraction of unconstrained top-k outputs that are not docIDs, or null
 *     when unconstrained decoding was off
 * @param invalidMass mean over queries of {@code 1 - sum_{d in corpus} p(d|q)}, or null when the corpus was too
 *     large for exhaustive scoring
 * @param perQueryInvalidRate per query id, its invalid rate (empty when not computed)
 * @param perQueryInvalidMass per query id, its invalid mass (empty when not computed)
 */
public record ValidityStats(Double invalidRate, Double invalidMass, Map<String, Double> perQueryInvalidRate,
        Map<String, Double> perQueryInvalidMass) {

    public ValidityStats {
        perQueryInvalidRate = Collections.unmodifiableMap(new LinkedHashMap<>(perQueryInvalidRate));
        perQueryInvalidMass = Collections.unmodifiableMap(new LinkedHashMap<>(perQueryInvalidMass));
    }

    /** Returns stats with nothing computed. */
    public static ValidityStats none() {
        return new ValidityStats(null, null, Map.of(), Map.of());
    }
}
