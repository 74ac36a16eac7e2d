package org.arr.data;

import java.util.Objects;

/**
 * A query (a topic, in TREC's words).
 *
 * @param id stable query id, as used in qrels and run files; never blank and free of whitespace
 * @param text query text (may be empty)
 */
public record Query(String id, String text) {

    /** Checks the id and replaces a null text by an empty string. */
    public Query {
        IdRules.requireValidId(id, "query");
        text = Objects.requireNonNullElse(text, "");
    }
}
