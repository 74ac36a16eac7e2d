package org.arr.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads evaluation measures written in trec_eval's {@code -m} syntax ({@code ndcg_cut.10}, {@code P.5,10},
 * {@code recip_rank}) or as the names trec_eval prints ({@code ndcg_cut_10}, {@code P_5}), and expands them
 * into printed names, the keys of {@code metrics.json}.
 */
public final class MeasureNames {

    /** Measures that take cutoffs. */
    private static final List<String> CUTOFF_MEASURES = List.of("ndcg_cut", "P", "recall");

    /** Measures without parameters. */
    private static final List<String> PLAIN_MEASURES = List.of("ndcg", "map", "recip_rank", "num_q");

    /** trec_eval 9.0.8's cutoffs for {@code P}, {@code recall} and {@code ndcg_cut} when none are given. */
    static final List<Integer> DEFAULT_CUTOFFS = List.of(5, 10, 15, 20, 30, 100, 200, 500, 1000);

    private MeasureNames() {
    }

    /**
     * Expands one measure into printed names: {@code P.5,10} gives {@code P_5, P_10}; {@code P} alone gives
     * trec_eval's default cutoffs.
     *
     * @throws IllegalArgumentException if the measure is unknown or a cutoff is not a positive integer
     */
    public static List<String> expand(String measure) {
        String trimmed = measure.trim();
        int dot = trimmed.indexOf('.');
        String family = dot < 0 ? trimmed : trimmed.substring(0, dot);
        String parameters = dot < 0 ? null : trimmed.substring(dot + 1);

        if (parameters == null) {
            String printedFamily = printedCutoffFamily(trimmed);
            if (printedFamily != null) {
                return List.of(trimmed);
            }
        }
        if (PLAIN_MEASURES.contains(family)) {
            if (parameters != null) {
                throw new IllegalArgumentException("invalid measure '" + measure + "'; " + family + " takes no cutoffs");
            }
            return List.of(family);
        }
        if (!CUTOFF_MEASURES.contains(family)) {
            List<String> known = new ArrayList<>(CUTOFF_MEASURES);
            known.addAll(PLAIN_MEASURES);
            throw new IllegalArgumentException("unknown measure '" + measure + "'; " + KeySuggestions.hint(family, known)
                    + " (cutoffs as in trec_eval: ndcg_cut.10 or P.5,10)");
        }

        List<Integer> cutoffs = parameters == null ? DEFAULT_CUTOFFS : parseCutoffs(measure, parameters);
        List<String> names = new ArrayList<>();
        for (int cutoff : cutoffs) {
            names.add(family + "_" + cutoff);
        }
        return names;
    }

    /** Expands a list of measures, keeping the first occurrence of each printed name. */
    public static List<String> expandAll(List<String> measures) {
        Set<String> names = new LinkedHashSet<>();
        for (String measure : measures) {
            names.addAll(expand(measure));
        }
        return new ArrayList<>(names);
    }

    /** Returns the family of a printed name such as {@code ndcg_cut_10}, or null when it is not one. */
    private static String printedCutoffFamily(String name) {
        for (String family : CUTOFF_MEASURES) {
            String prefix = family + "_";
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                String cutoff = name.substring(prefix.length());
                if (cutoff.length() <= 9 && cutoff.chars().allMatch(Character::isDigit) && Integer.parseInt(cutoff) > 0) {
                    return family;
                }
            }
        }
        return null;
    }

    private static List<Integer> parseCutoffs(String measure, String parameters) {
        List<Integer> cutoffs = new ArrayList<>();
        for (String part : parameters.split(",", -1)) {
            int cutoff;
            try {
                cutoff = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                cutoff = 0;
            }
            if (cutoff <= 0) {
                throw new IllegalArgumentException("invalid measure '" + measure + "'; cutoffs must be positive integers"
                        + " separated by commas, e.g. P.5,10");
            }
            cutoffs.add(cutoff);
        }
        return cutoffs;
    }
}
