package org.arr.loss;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.arr.util.ClosestName;

/**
 * Registry of losses by name. A factory receives the loss options from the experiment config (an empty map
 * when there are none) and rejects unknown or invalid options with an {@link IllegalArgumentException}.
 *
 * <p>Built in, with option defaults:
 * <ul>
 *   <li>{@code ntp}: no options ({@link NtpLoss});
 *   <li>{@code stoical}: {@code alpha = 1}, {@code beta = 0}, {@code gain = linear} ({@code exp}, or a map from
 *       grade to gain), {@code epsilon = 0} ({@link StoicalLoss});
 *   <li>{@code listwise}: {@code alpha = 0}, {@code gain = linear} ({@link ListwiseLoss});
 *   <li>{@code stoical-offpath}: the {@code stoical} options and {@code offPathWeight = 0.1}
 *       ({@link StoicalOffPathLoss}).
 * </ul>
 */
public final class Losses {

    private static final Map<String, Function<Map<String, Object>, RankingLoss>> FACTORIES = new ConcurrentHashMap<>();

    static {
        register(NtpLoss.NAME, options -> {
            new LossOptions(NtpLoss.NAME, options, List.of());
            return new NtpLoss();
        });
        register(StoicalLoss.NAME, options -> {
            LossOptions read = new LossOptions(StoicalLoss.NAME, options, List.of("alpha", "beta", "gain", "epsilon"));
            return new StoicalLoss(read.number("alpha", 1.0), read.number("beta", 0.0), read.gain(), read.number("epsilon", 0.0));
        });
        register(ListwiseLoss.NAME, options -> {
            LossOptions read = new LossOptions(ListwiseLoss.NAME, options, List.of("alpha", "gain"));
            return new ListwiseLoss(read.number("alpha", 0.0), read.gain());
        });
        register(StoicalOffPathLoss.NAME, options -> {
            LossOptions read = new LossOptions(StoicalOffPathLoss.NAME, options,
                    List.of("alpha", "beta", "gain", "epsilon", "offPathWeight"));
            return new StoicalOffPathLoss(read.number("alpha", 1.0), read.number("beta", 0.0), read.gain(),
                    read.number("epsilon", 0.0), read.number("offPathWeight", 0.1));
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
            throw new IllegalArgumentException(ClosestName.unknownNameMessage("loss", name, FACTORIES.keySet()));
        }
        return factory.apply(options);
    }
}
