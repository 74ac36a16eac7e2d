package org.arr.docid;

import org.arr.data.RankingTask;

/**
 * Assigns every document of a corpus a docID: a token sequence over a docID vocabulary {@code 0 .. V-1}.
 * Implementations are stateless and registered by name in {@link DocIdSchemes}.
 *
 * <p>Contract: the returned docIDs are non-empty, unique and prefix-free (no docID is a proper prefix of
 * another), document {@code i} of {@code task.corpus()} gets {@code tokens(i)}, and the same task and options
 * give the same docIDs.
 */
public interface DocIdScheme {

    /** Returns the registry name, e.g. {@code semantic}. */
    String name();

    /**
     * Assigns docIDs to the documents of a task's corpus.
     *
     * @throws IllegalArgumentException if the task lacks what the scheme needs (e.g. a taxonomy) or an option
     *     is out of range for this scheme
     */
    DocIds assign(RankingTask task, DocIdOptions options);
}
