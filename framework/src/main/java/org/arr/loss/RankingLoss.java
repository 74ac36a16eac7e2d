package org.arr.loss;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.arr.trie.PrefixTree;

/**
 * A training objective for autoregressive ranking, in two steps.
 *
 * <ol>
 *   <li>{@link #sequences}: per training query, once before training, turn the graded relevant documents into
 *       weighted teacher-forced docIDs with sparse per-position targets.
 *   <li>{@link #loss}: per batch, with tensor operations only,
 *       {@code L = (1 / W) sum_s w_s sum_i CE(y_{s,i}, p(. | q_s, t_<i(s)))} where
 *       {@code CE(y, p) = -sum_v y_v log p_v}, the sum runs over the batch's sequences and
 *       {@code W = sum_s w_s}. When each query's weights sum to 1, {@code W} is the number of queries (plus the
 *       weights of indexing examples) and {@code L} is the mean loss per query.
 * </ol>
 */
public interface RankingLoss {

    /** Returns the registry name, e.g. {@code ntp}. */
    String name();

    /**
     * Builds the weighted training sequences of one query.
     *
     * @param relevance the query's relevant documents and grades
     * @param docIds docID tokens per document index
     * @param trie the prefix tree of {@code docIds}
     * @throws IllegalArgumentException if a relevant document index is outside {@code docIds}
     */
    List<TrainingSequence> sequences(GradedRelevance relevance, int[][] docIds, PrefixTree trie);

    /**
     * Returns docID prefixes to score, for every query, at every position along them, in addition to the training
     * sequences: {@link TrainingBatch} adds them as rows with weight 0 and no targets. Losses that normalize over
     * all docIDs use them; by default there are none.
     */
    default List<int[]> probes(PrefixTree trie) {
        return List.of();
    }

    /**
     * Computes the scalar batch loss.
     *
     * @param logits {@code [S, L, V]} next-token logits at the teacher-forced docID positions
     * @param batch the batch the logits were computed from
     * @return a scalar to minimize
     */
    default NDArray loss(NDArray logits, TrainingBatch batch) {
        return weightedCrossEntropy(logits, batch);
    }

    /** Computes {@code -(1 / W) sum_s w_s sum_i sum_v y_{s,i,v} logSoftmax(z_{s,i})_v}. */
    static NDArray weightedCrossEntropy(NDArray logits, TrainingBatch batch) {
        NDArray perSequence = logits.logSoftmax(-1).mul(batch.targets()).sum(new int[] {1, 2});
        return perSequence.mul(batch.weights()).sum().div((float) -batch.totalWeight());
    }
}
