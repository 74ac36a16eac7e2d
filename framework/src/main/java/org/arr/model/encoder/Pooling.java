package org.arr.model.encoder;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How an encoder turns its per-token hidden states into one vector per sequence. */
public enum Pooling {

    /** Mean of the hidden states of every non-padding position, the leading {@code [CLS]} token included. */
    MEAN("mean"),

    /** Hidden state of the leading {@code [CLS]} token. */
    FIRST("first");

    private final String configName;

    Pooling(String configName) {
        this.configName = configName;
    }

    /** Returns the name used in experiment configs. */
    public String configName() {
        return configName;
    }

    /**
     * Parses a config name ({@code mean} or {@code first}).
     *
     * @throws IllegalArgumentException naming the allowed values if the name is unknown
     */
    public static Pooling parse(String name) {
        for (Pooling pooling : values()) {
            if (pooling.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return pooling;
            }
        }
        throw new IllegalArgumentException("Unknown pooling '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Pooling::configName).collect(Collectors.joining(", ")));
    }
}
