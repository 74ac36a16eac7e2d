package org.arr.docid;

import java.util.Map;
import org.arr.data.Corpus;
import org.arr.data.RankingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One token per document: document {@code i} gets docID {@code (i)}, so {@code V} equals the corpus size and
 * the label of token {@code i} is the document id. With these docIDs an ARR model scores documents by one
 * softmax over the corpus, like a dual encoder of the model's hidden dimension.
 */
public final class AtomicScheme implements DocIdScheme {

    public static final String NAME = "atomic";

    private static final Logger LOG = LoggerFactory.getLogger(AtomicScheme.class);

    @Override
    public String name() {
        return NAME;
    }

    /** Assigns one token per document; no option applies. */
    @Override
    public DocIds assign(RankingTask task, DocIdOptions options) {
        Corpus corpus = task.corpus();
        long start = AssignmentLog.start(LOG, NAME, corpus.size());

        int[][] tokens = new int[corpus.size()][];
        String[] labels = new String[corpus.size()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = new int[] {i};
            labels[i] = corpus.get(i).id();
        }
        return AssignmentLog.finish(LOG, DocIds.of(NAME, Map.of(), tokens, labels, -1), start);
    }
}
