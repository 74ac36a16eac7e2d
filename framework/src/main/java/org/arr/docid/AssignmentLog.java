package org.arr.docid;

import org.slf4j.Logger;

/** Start and end log lines of a docID assignment, with counts and the time it took. */
final class AssignmentLog {

    private AssignmentLog() {
    }

    /** Logs the start and returns the start time for {@link #finish}. */
    static long start(Logger log, String scheme, int documents) {
        log.info("Assigning {} docIDs to {} documents", scheme, documents);
        return System.nanoTime();
    }

    /** Logs the end with vocabulary size, maximum length, trie size and elapsed time, and returns the docIDs. */
    static DocIds finish(Logger log, DocIds docIds, long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        log.info("Assigned {} docIDs to {} documents in {} ms: V = {}, max length {}, {} trie nodes", docIds.scheme(),
                docIds.documentCount(), millis, docIds.vocabularySize(), docIds.maxLength(), docIds.trie().nodeCount());
        return docIds;
    }
}
