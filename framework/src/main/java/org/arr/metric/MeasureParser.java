package org.arr.metric;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Parses measure specifications as trec_eval's {@code -m} option reads them: {@code NAME} or
 * {@code NAME.PARAMS}, where PARAMS is a comma-separated list of rank cutoffs ({@code ndcg_cut.5,10}).
 * A measure with cutoffs given without parameters uses trec_eval's defaults {@link #DEFAULT_CUTOFFS}.
 */
public final class MeasureParser {

    /** trec_eval 9.0.8's default cutoffs for {@code P}, {@code recall} and {@code ndcg_cut}. */
    public static final List<Integer> DEFAULT_CUTOFFS = List.of(5, 10, 15, 20, 30, 100, 200, 500, 1000);

    private MeasureParser() {
    }

    /**
     * Parses one specification into its measures, cutoffs in increasing order: {@code "ndcg_cut.10,5"}
     * gives {@code ndcg_cut_5, ndcg_cut_10}; {@code "P"} gives {@code P_5 ... P_1000}.
     *
     * @throws IllegalArgumentException if the name is unknown, a measure without cutoffs gets parameters, or
     *     a cutoff is empty, not a positive integer or repeated
     */
    public static List<Measure> parse(String spec) {
        String text = spec.strip();
        int dot = text.indexOf('.');
        String name = dot < 0 ? text : text.substring(0, dot);
        MeasureFamily family = MeasureFamily.fromTrecName(name);
        if (dot < 0) {
            return withCutoffs(family, family.takesCutoff() ? DEFAULT_CUTOFFS : List.of());
        }

        String parameters = text.substring(dot + 1);
        if (!family.takesCutoff()) {
            String hint = family == MeasureFamily.NDCG ? " (set custom nDCG gains with the gain option instead)" : "";
            throw new IllegalArgumentException("Measure '" + name + "' takes no parameters, but got '" + parameters
                    + "'" + hint);
        }
        return withCutoffs(family, parseCutoffs(spec, parameters));
    }

    /**
     * Parses the specifications of several {@code -m} options and merges them as trec_eval 9.0.8 does: each
     * family appears once; its cutoffs come from the first specification of that family that has parameters
     * (so {@code -m P.5 -m P.10} gives only {@code P_5}), or are the defaults when none has. The result
     * is in the order trec_eval prints: by {@link MeasureFamily} order, then by cutoff.
     *
     * @throws IllegalArgumentException if a specification is invalid or the list is empty
     */
    public static List<Measure> parseAll(List<String> specs) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("No measure given: name at least one, e.g. ndcg_cut.10");
        }
        Map<MeasureFamily, List<Measure>> chosen = new EnumMap<>(MeasureFamily.class);
        Map<MeasureFamily, Boolean> fromParameters = new EnumMap<>(MeasureFamily.class);
        for (String spec : specs) {
            List<Measure> measures = parse(spec);
            MeasureFamily family = measures.get(0).family();
            boolean hasParameters = spec.indexOf('.') >= 0;
            boolean alreadyFromParameters = fromParameters.getOrDefault(family, false);
            if (!chosen.containsKey(family) || (hasParameters && !alreadyFromParameters)) {
                chosen.put(family, measures);
                fromParameters.put(family, hasParameters);
            }
        }
        List<Measure> all = new ArrayList<>();
        chosen.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    private static List<Integer> parseCutoffs(String spec, String parameters) {
        TreeSet<Integer> cutoffs = new TreeSet<>();
        for (String part : parameters.split(",", -1)) {
            int cutoff;
            try {
                cutoff = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid cutoff '" + part + "' in measure '" + spec
                        + "': expected positive integers separated by commas, e.g. ndcg_cut.5,10", e);
            }
            if (cutoff <= 0) {
                throw new IllegalArgumentException("Invalid cutoff " + cutoff + " in measure '" + spec
                        + "': cutoffs must be positive");
            }
            if (!cutoffs.add(cutoff)) {
                throw new IllegalArgumentException("Duplicate cutoff " + cutoff + " in measure '" + spec + "'");
            }
        }
        return new ArrayList<>(cutoffs);
    }

    private static List<Measure> withCutoffs(MeasureFamily family, List<Integer> cutoffs) {
        if (!family.takesCutoff()) {
            return List.of(Measure.of(family));
        }
        List<Measure> measures = new ArrayList<>(cutoffs.size());
        for (int cutoff : cutoffs) {
            measures.add(Measure.at(family, cutoff));
        }
        return List.copyOf(measures);
    }
}
