package org.arr.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

/** Named lists of query ids ({@code train}, {@code dev}, {@code test}); immutable. */
public final class Splits {

    public static final String TRAIN = "train";
    public static final String DEV = "dev";
    public static final String TEST = "test";

    private final Map<String, List<String>> queryIds;

    /** Creates splits from explicit lists, kept in the given order. */
    public Splits(Map<String, List<String>> queryIds) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : queryIds.entrySet()) {
            copy.put(entry.getKey(), Collections.unmodifiableList(new ArrayList<>(entry.getValue())));
        }
        this.queryIds = Collections.unmodifiableMap(copy);
    }

    /**
     * Splits query ids at random: the ids are sorted, shuffled with {@code new Random(seed)}, and cut into
     * {@code test} (first {@code round(n * testFraction)}), {@code dev} (next {@code round(n * devFraction)})
     * and {@code train} (the rest). Each split is then sorted by id, so the result depends only on the set
     * of ids and the seed.
     */
    public static Splits random(List<String> ids, double devFraction, double testFraction, long seed) {
        List<String> shuffled = new ArrayList<>(ids);
        Collections.sort(shuffled);
        Collections.shuffle(shuffled, new Random(seed));

        int testCount = (int) Math.round(shuffled.size() * testFraction);
        int devCount = (int) Math.round(shuffled.size() * devFraction);
        List<String> test = new ArrayList<>(shuffled.subList(0, testCount));
        List<String> dev = new ArrayList<>(shuffled.subList(testCount, testCount + devCount));
        List<String> train = new ArrayList<>(shuffled.subList(testCount + devCount, shuffled.size()));
        Collections.sort(test);
        Collections.sort(dev);
        Collections.sort(train);

        Map<String, List<String>> splits = new LinkedHashMap<>();
        splits.put(TRAIN, train);
        splits.put(DEV, dev);
        splits.put(TEST, test);
        return new Splits(splits);
    }

    /** Returns splits where train, dev and test all hold every given id. */
    public static Splits transductive(List<String> ids) {
        Map<String, List<String>> splits = new LinkedHashMap<>();
        splits.put(TRAIN, ids);
        splits.put(DEV, ids);
        splits.put(TEST, ids);
        return new Splits(splits);
    }

    /** Returns the split names in order. */
    public List<String> names() {
        return List.copyOf(queryIds.keySet());
    }

    public boolean has(String split) {
        return queryIds.containsKey(split);
    }

    /**
     * Returns the query ids of a split.
     *
     * @throws NoSuchElementException if there is no split of that name
     */
    public List<String> queryIds(String split) {
        List<String> ids = queryIds.get(split);
        if (ids == null) {
            throw new NoSuchElementException("No split named '" + split + "'; available: " + queryIds.keySet());
        }
        return ids;
    }

    /** Returns all splits. */
    public Map<String, List<String>> asMap() {
        return queryIds;
    }
}
