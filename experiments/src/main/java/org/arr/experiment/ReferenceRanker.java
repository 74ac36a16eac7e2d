package org.arr.experiment;

import java.util.List;
import org.arr.data.RankingTask;
import org.arr.data.Run;

/**
 * A simple ranker computed on the same split as a model, printed next to the model's metrics so that a
 * reader can tell whether the model learned anything beyond chance or popularity.
 */
public interface ReferenceRanker {

    /** Returns the name used as run tag and in summary tables. */
    String name();

    /**
     * Ranks documents of the task's corpus for the given queries.
     *
     * @param queryIds the queries to rank for, e.g. the test split
     * @param depth the maximum number of documents per query
     */
    Run rank(RankingTask task, List<String> queryIds, int depth);
}
