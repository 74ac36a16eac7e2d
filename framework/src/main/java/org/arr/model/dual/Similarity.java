package org.arr.model.dual;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The score of a dual encoder: {@code score(q, d) = <f(q), g(d)>}, on raw or unit-length embeddings. */
public enum Similarity {

    /** Dot product of the raw embeddings. */
    DOT("dot"),

    /** Cosine: dot product of the embeddings scaled to unit L2 norm, in {@code [-1, 1]}. */
    COSINE("cosine");

    private final String configName;

    Similarity(String configName) {
        this.configName = configName;
    }

    /** Returns the name used in experiment configs. */
    public String configName() {
        return configName;
    }

    /**
     * Parses a config name ({@code dot} or {@code cosine}).
     *
     * @throws IllegalArgumentException naming the allowed values if the name is unknown
     */
    public static Similarity parse(String name) {
        for (Similarity similarity : values()) {
            if (similarity.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return similarity;
            }
        }
        throw new IllegalArgumentException("Unknown similarity '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Similarity::configName).collect(Collectors.joining(", ")));
    }
}
