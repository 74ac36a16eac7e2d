package org.arr.model.dual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.arr.model.listwise.BatchLoss;
import org.arr.model.listwise.CandidateSampler;
import org.arr.model.listwise.CandidateSampler.SharedCandidates;
import org.arr.model.listwise.ListwiseExample;
import org.arr.model.listwise.ListwiseSoftmaxLoss;

/**
 * Listwise softmax loss of a dual encoder: for a batch of queries and a candidate set {@code C} shared by the batch,
 * logits {@code s[b,c] = <f(q_b), g(d_c)> / temperature} and {@code L = mean_b -sum_c pi(d_c|q_b) log softmax(s[b,.])_c}.
 * The candidate set is either the full corpus (every document encoded at every step, for small corpora) or the
 * batch's relevant documents plus sampled negatives ({@link CandidateSampler#inBatch}).
 */
public final class DualEncoderLoss implements BatchLoss {

    private final DualEncoder model;
    private final int[][] documentTokens;
    private final boolean fullCorpus;
    private final int negatives;

    private DualEncoderLoss(DualEncoder model, int[][] documentTokens, boolean fullCorpus, int negatives) {
        this.model = model;
        this.documentTokens = documentTokens;
        this.fullCorpus = fullCorpus;
        this.negatives = negatives;
    }

    /** Returns the loss with a softmax over every document of the corpus. */
    public static DualEncoderLoss fullCorpus(DualEncoder model, int[][] documentTokens) {
        return new DualEncoderLoss(model, documentTokens, true, 0);
    }

    /**
     * Returns the loss with a softmax over the batch's relevant documents plus {@code negatives} sampled documents.
     *
     * @throws IllegalArgumentException if {@code negatives < 0}
     */
    public static DualEncoderLoss inBatch(DualEncoder model, int[][] documentTokens, int negatives) {
        if (negatives < 0) {
            throw new IllegalArgumentException("Number of sampled negatives must be >= 0, got " + negatives);
        }
        return new DualEncoderLoss(model, documentTokens, false, negatives);
    }

    @Override
    public NDArray loss(NDManager scope, List<ListwiseExample> batch, Random random) {
        SharedCandidates candidates = fullCorpus ? CandidateSampler.fullCorpus(batch, documentTokens.length)
                : CandidateSampler.inBatch(batch, documentTokens.length, negatives, random);

        int[][] queries = new int[batch.size()][];
        for (int b = 0; b < queries.length; b++) {
            queries[b] = batch.get(b).queryTokens();
        }
        int[] documents = candidates.documents();
        int[][] candidateTokens = new int[documents.length][];
        for (int c = 0; c < documents.length; c++) {
            candidateTokens[c] = documentTokens[documents[c]];
        }

        NDArray queryEmbeddings = model.embed(model.inputs(scope, queries, Side.QUERY), Side.QUERY, true);
        NDArray documentEmbeddings = model.embed(model.inputs(scope, candidateTokens, Side.DOCUMENT), Side.DOCUMENT, true);
        NDArray logits = queryEmbeddings.matMul(documentEmbeddings.transpose()).div((float) model.config().temperature());
        NDArray targets = scope.create(candidates.targets(), new Shape(batch.size(), documents.length));
        return ListwiseSoftmaxLoss.loss(logits, targets, null);
    }
}
