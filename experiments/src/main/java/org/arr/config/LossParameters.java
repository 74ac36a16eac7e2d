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

    /** The loss of the dual-encoder and cross-encoder baselines. */
    static final String CANDIDATE_SOFTMAX = "candidate-softmax";

    private static final Map<String, SchemaNode.Section> SCHEMAS = new LinkedHashMap<>();

    static {
        // Next-token prediction: mean over relevant documents of -log p(d|q); nothing to set.
        SCHEMAS.put("ntp", SchemaNode.Section.builder().build());
        // Dual and cross encoders: softmax over candidate documents, targets pi_alpha(d|q) over the relevant ones.
        SCHEMAS.put(CANDIDATE_SOFTMAX, SchemaNode.Section.builder()
                .add("candidates", Setting.choice("sampled", () -> List.of("full", "sampled")))
                .add("negatives", Setting.integer(16, 0, Integer.MAX_VALUE))
                .add("alpha", Setting.real(0, 0, true, 1, true))
                .add("gain", Setting.choice("linear", () -> List.of("linear", "exp")))
                .build());
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
