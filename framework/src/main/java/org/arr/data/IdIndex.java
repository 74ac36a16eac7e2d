package org.arr.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** An immutable list of items with unique string ids and a map from id to position. */
final class IdIndex<T> {

    private final List<T> items;
    private final Map<String, Integer> positions;

    /**
     * @throws IllegalArgumentException if two items share an id
     */
    IdIndex(List<T> items, Function<T, String> idOf, String kind) {
        this.items = Collections.unmodifiableList(new ArrayList<>(items));
        this.positions = new HashMap<>(items.size() * 2);
        for (int i = 0; i < this.items.size(); i++) {
            String id = idOf.apply(this.items.get(i));
            Integer previous = positions.putIfAbsent(id, i);
            if (previous != null) {
                throw new IllegalArgumentException("Duplicate " + kind + " id '" + id + "' at positions "
                        + (previous + 1) + " and " + (i + 1) + "; every " + kind + " id must be unique");
            }
        }
    }

    List<T> items() {
        return items;
    }

    int size() {
        return items.size();
    }

    T get(int position) {
        return items.get(position);
    }

    /** Returns the position of the id, or -1 when it is absent. */
    int indexOf(String id) {
        Integer position = positions.get(id);
        return position == null ? -1 : position;
    }
}
