package org.arr.data;

/** The rule every query and document id follows, so that ids survive a round trip through TREC files. */
final class IdRules {

    private IdRules() {
    }

    /**
     * Checks that an id is non-empty and contains no whitespace.
     *
     * @throws IllegalArgumentException if the id is null, empty or contains whitespace
     */
    static void requireValidId(String id, String kind) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("Missing " + kind + " id: every " + kind + " needs a non-empty id");
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isWhitespace(id.charAt(i))) {
                throw new IllegalArgumentException("Invalid " + kind + " id '" + id
                        + "': ids may not contain whitespace, because TREC qrels and run files separate columns by it");
            }
        }
    }
}
