package org.arr.loss;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.arr.model.ArrModel;
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
     * Returns whether the loss normalizes over all docIDs, so every training query also needs the model's
     * next-token distribution at every inner trie node. {@link TrainingBatch} then carries those queries'
     * input tokens once more, and {@link #loss(ArrModel, TrainingBatch, boolean)} runs the model on them. By
     * default a loss only needs the logits of its own training sequences.
     */
    default boolean normalizesOverTrie() {
        return false;
    }

    /**
     * Runs the model on a batch and computes the scalar batch loss. By default this is
     * {@link #loss(NDArray, TrainingBatch)} on the logits of the batch's rows; losses that need more forward passes
     * override it.
     *
     * @param training whether dropout is active
     */
    default NDArray loss(ArrModel model, TrainingBatch batch, boolean training) {
        return loss(model.logits(batch.queryTokens(), batch.docIdInput(), training), batch);
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
