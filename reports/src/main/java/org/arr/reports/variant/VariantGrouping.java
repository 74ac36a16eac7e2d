package org.arr.reports.variant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.arr.reports.load.RunRecord;

/**
 * Groups finished runs into variants by their resolved configs. A key whose value is not the same in every run
 * (a key missing from some runs counts as differing) is a differing key, unless it is ignored, like the seed.
 * Runs with equal values on every differing key form one variant.
 *
 * @param variants the variants, ordered by label
 * @param differingKeys the keys that tell variants apart, in order
 * @param duplicates runs left out because their variant has a later finished run with the same seed
 */
public record VariantGrouping(List<Variant> variants, List<String> differingKeys, List<RunRecord> duplicates) {

    private static final String NO_DIFFERENCE_LABEL = "all runs";

    public VariantGrouping {
        variants = List.copyOf(variants);
        differingKeys = List.copyOf(differingKeys);
        duplicates = List.copyOf(duplicates);
    }

    /**
     * Groups {@code runs}. When a variant has two runs with one seed (the same config run twice), the one that
     * ended last is kept and the other is listed in {@link #duplicates()}.
     *
     * @param ignoredKeys config keys that never tell variants apart, e.g. {@code seed} and {@code name}
     * @throws IllegalArgumentException if {@code runs} is empty
     */
    public static VariantGrouping of(List<RunRecord> runs, Set<String> ignoredKeys) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("No finished runs to group into variants");
        }
        List<String> differingKeys = differingKeys(runs, ignoredKeys);

        Map<Map<String, String>, List<RunRecord>> groups = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            Map<String, String> assignment = new TreeMap<>();
            for (String key : differingKeys) {
                String value = run.config().get(key);
                if (value != null) {
                    assignment.put(key, value);
                }
            }
            groups.computeIfAbsent(assignment, a -> new ArrayList<>()).add(run);
        }

        Map<String, String> shortKeys = shortKeys(differingKeys);
        List<Variant> variants = new ArrayList<>();
        List<RunRecord> duplicates = new ArrayList<>();
        for (Map.Entry<Map<String, String>, List<RunRecord>> group : groups.entrySet()) {
            List<RunRecord> kept = onePerSeed(group.getValue(), duplicates);
            variants.add(new Variant(label(group.getKey(), null), label(group.getKey(), shortKeys), group.getKey(), kept));
        }
        variants.sort(Comparator.comparing(Variant::label));
        return new VariantGrouping(variants, differingKeys, duplicates);
    }

    /**
     * Finds the variant a user names: by its exact label, or by {@code key=value} pairs (comma-separated, full or
     * short keys) that exactly one variant has.
     *
     * @throws IllegalArgumentException if no variant or more than one matches; the message lists the variants
     */
    public Variant find(String name) {
        for (Variant variant : variants) {
            if (variant.label().equals(name) || variant.shortLabel().equals(name)) {
                return variant;
            }
        }
        List<Variant> matches = new ArrayList<>();
        for (Variant variant : variants) {
            if (matchesPairs(variant, name)) {
                matches.add(variant);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        StringBuilder known = new StringBuilder();
        for (Variant variant : variants) {
            known.append("\n  ").append(variant.label());
        }
        String problem = matches.isEmpty() ? "matches no variant" : "matches " + matches.size() + " variants";
        throw new IllegalArgumentException("Baseline '" + name + "' " + problem + "; give a full label or key=value pairs"
                + " that pick one of:" + known);
    }

    private static boolean matchesPairs(Variant variant, String name) {
        for (String pair : name.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return false;
            }
            String key = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            boolean found = false;
            for (Map.Entry<String, String> assignment : variant.assignments().entrySet()) {
                boolean keyMatches = assignment.getKey().equals(key) || assignment.getKey().endsWith("." + key);
                if (keyMatches && assignment.getValue().equals(value)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static List<String> differingKeys(List<RunRecord> runs, Set<String> ignoredKeys) {
        Set<String> allKeys = new TreeSet<>();
        runs.forEach(run -> allKeys.addAll(run.config().keySet()));
        List<String> differing = new ArrayList<>();
        for (String key : allKeys) {
            if (ignoredKeys.contains(key)) {
                continue;
            }
            Set<String> values = new HashSet<>();
            for (RunRecord run : runs) {
                values.add(Objects.requireNonNullElse(run.config().get(key), "\u0000missing"));
            }
            if (values.size() > 1) {
                differing.add(key);
            }
        }
        return differing;
    }

    private static List<RunRecord> onePerSeed(List<RunRecord> runs, List<RunRecord> duplicates) {
        Map<Long, RunRecord> bySeed = new TreeMap<>();
        Comparator<RunRecord> byEnd = Comparator.comparing(run -> Objects.requireNonNullElse(run.endTime(), ""));
        for (RunRecord run : runs) {
            RunRecord previous = bySeed.get(run.seed());
            if (previous == null) {
                bySeed.put(run.seed(), run);
            } else if (byEnd.compare(run, previous) > 0) {
                duplicates.add(previous);
                bySeed.put(run.seed(), run);
            } else {
                duplicates.add(run);
            }
        }
        return new ArrayList<>(bySeed.values());
    }

    /** Maps each key to its last segment when no other differing key ends in the same segment. */
    private static Map<String, String> shortKeys(List<String> keys) {
        Map<String, Integer> segmentCounts = new LinkedHashMap<>();
        for (String key : keys) {
            segmentCounts.merge(lastSegment(key), 1, Integer::sum);
        }
        Map<String, String> shortKeys = new LinkedHashMap<>();
        for (String key : keys) {
            shortKeys.put(key, segmentCounts.get(lastSegment(key)) == 1 ? lastSegment(key) : key);
        }
        return shortKeys;
    }

    private static String lastSegment(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static String label(Map<String, String> assignment, Map<String, String> shortKeys) {
        if (assignment.isEmpty()) {
            return NO_DIFFERENCE_LABEL;
        }
        List<String> pairs = new ArrayList<>();
        assignment.forEach((key, value) -> pairs.add((shortKeys == null ? key : shortKeys.get(key)) + "=" + value));
        return String.join(",", pairs);
    }
}
