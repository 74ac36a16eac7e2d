package org.arr.data;

import java.util.List;
import java.util.NoSuchElementException;

/** An immutable, ordered collection of queries with unique ids. */
public final class Queries {

    private final IdIndex<Query> index;

    /**
     * Creates a query set.
     *
     * @throws IllegalArgumentException if two queries share an id
     */
    public Queries(List<Query> queries) {
        this.index = new IdIndex<>(queries, Query::id, "query");
    }

    /** Returns the queries in input order. */
    public List<Query> queries() {
        return index.items();
    }

    public int size() {
        return index.size();
    }

    public boolean contains(String queryId) {
        return index.indexOf(queryId) >= 0;
    }

    /**
     * Returns the query with an id.
     *
     * @throws NoSuchElementException if there is no such query
     */
    public Query get(String queryId) {
        int position = index.indexOf(queryId);
        if (position < 0) {
            throw new NoSuchElementException("Query id '" + queryId + "' is not in the query set");
        }
        return index.get(position);
    }
}
