package org.arr.docid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.arr.data.RankingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base-{@code b} digits of a seeded random permutation: document {@code i} gets the digits of {@code pi(i)},
 * where {@code pi} is a Fisher-Yates shuffle of {@code 0 .. N-1} driven by {@code new Random(seed)}. Lengths
 * and tokens are as in {@link SequentialScheme}; the docIDs carry no information about the documents.
 */
public final class RandomScheme implements DocIdScheme {

    public static final String NAME = "random";

    private static final Logger LOG = LoggerFactory.getLogger(RandomScheme.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DocIds assign(RankingTask task, DocIdOptions options) {
        int documents = task.corpus().size();
        long start = AssignmentLog.start(LOG, NAME, documents);

        int[] permutation = SequentialScheme.corpusPositions(documents);
        Random random = new Random(options.seed());
        for (int i = documents - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("base", options.base());
        parameters.put("seed", options.seed());
        return AssignmentLog.finish(LOG, SequentialScheme.fromNumbers(NAME, parameters, permutation, options.base()), start);
    }
}
