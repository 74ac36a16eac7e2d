package org.arr.data;

import java.util.Objects;

/**
 * A document of a corpus.
 *
 * @param id stable document id, as used in qrels and run files; never blank and free of whitespace
 * @param title short name of the document (may be empty); the {@code text} docID scheme tokenizes it
 * @param text body text (may be empty)
 */
public record Document(String id, String title, String text) {

    /** Checks the id and replaces null text fields by empty strings. */
    public Document {
        IdRules.requireValidId(id, "document");
        title = Objects.requireNonNullElse(title, "");
        text = Objects.requireNonNullElse(text, "");
    }

    /** Returns title and text joined by a space, without leading or trailing blanks. */
    public String fullText() {
        if (title.isEmpty()) {
            return text;
        }
        return text.isEmpty() ? title : title + " " + text;
    }
}
