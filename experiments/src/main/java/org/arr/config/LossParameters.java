package org.arr.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters each training loss accepts under {@code loss.parameters}, by loss name. A loss without
 * parameters has an empty section, so any key given for it is reported as unknown.
 */
final class LossParameters {

    private static final Map<String, SchemaNode.Section> SCHEMAS = new LinkedHashMap<>();

    static {
        // Next-token prediction: mean over relevant documents of -log p(d|q); nothing to set.
        SCHEMAS.put("ntp", SchemaNode.Section.builder().build());
    }

    private LossParameters() {
    }

    static List<String> names() {
        return List.copyOf(SCHEMAS.keySet());
    }

    static Optional<SchemaNode.Section> schemaFor(String lossName) {
        return Optional.ofNullable(SCHEMAS.get(lossName));
    }
}
