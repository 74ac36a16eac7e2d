package org.arr.loss;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Registry of losses by name. A factory receives the loss options from the experiment config (an empty map
 * when there are none) and rejects unknown or invalid options with an {@link IllegalArgumentException}.
 */
public final class Losses {

    private static final Map<String, Function<Map<String, Object>, RankingLoss>> FACTORIES = new ConcurrentHashMap<>();

    static {
        register(NtpLoss.NAME, options -> {
            if (!options.isEmpty()) {
                throw new IllegalArgumentException("Loss 'ntp' takes no options, got " + new TreeMap<>(options).keySet());
            }
            return new NtpLoss();
        });
    }

    private Losses() {
    }

    /** Registers a loss factory; a later registration under the same name replaces the earlier one. */
    public static void register(String name, Function<Map<String, Object>, RankingLoss> factory) {
        FACTORIES.put(name, factory);
    }

    /** Returns the registered names in sorted order. */
    public static Set<String> names() {
        return Set.copyOf(new TreeMap<>(FACTORIES).keySet());
    }

    /**
     * Creates a loss by name.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones) or invalid options
     */
    public static RankingLoss create(String name, Map<String, Object> options) {
        Function<Map<String, Object>, RankingLoss> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("Unknown loss '" + name + "'; known losses: " + new TreeMap<>(FACTORIES).keySet());
        }
        return factory.apply(options);
    }
}
