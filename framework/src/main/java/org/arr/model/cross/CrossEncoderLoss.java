package org.arr.model.cross;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.arr.model.listwise.BatchLoss;
import org.arr.model.listwise.CandidateSampler;
import org.arr.model.listwise.CandidateSampler.PerQueryCandidates;
import org.arr.model.listwise.ListwiseExample;
import org.arr.model.listwise.ListwiseSoftmaxLoss;

/**
 * Listwise softmax loss of a cross encoder: each query's candidates are its relevant documents plus {@code negatives}
 * documents sampled from those not relevant to it; logits {@code s[b,c] = h([q_b; SEP; d_c])} and
 * {@code L = mean_b -sum_c pi(d_c|q_b) log softmax(s[b,.])_c}. With one relevant document and uniform targets this is
 * the usual softmax over one positive and sampled negatives.
 */
public final class CrossEncoderLoss implements BatchLoss {

    private final CrossEncoder model;
    private final int[][] documentTokens;
    private final int negatives;

    /**
     * @throws IllegalArgumentException if {@code negatives < 0}
     */
    public CrossEncoderLoss(CrossEncoder model, int[][] documentTokens, int negatives) {
        if (negatives < 0) {
            throw new IllegalArgumentException("Number of sampled negatives must be >= 0, got " + negatives);
        }
        this.model = model;
        this.documentTokens = documentTokens;
        this.negatives = negatives;
    }

    @Override
    public NDArray loss(NDManager scope, List<ListwiseExample> batch, Random random) {
        PerQueryCandidates candidates = CandidateSampler.perQuery(batch, documentTokens.length, negatives, random);
        int width = candidates.width();
        int[][] queries = new int[batch.size() * width][];
        int[][] documents = new int[batch.size() * width][];
        for (int b = 0; b < batch.size(); b++) {
            int[] queryTokens = batch.get(b).queryTokens();
            for (int c = 0; c < width; c++) {
                queries[b * width + c] = queryTokens;
                documents[b * width + c] = documentTokens[candidates.documents()[b][c]];
            }
        }

        NDArray logits = model.scores(model.inputs(scope, queries, documents), true).reshape(batch.size(), width);
        Shape shape = new Shape(batch.size(), width);
        return ListwiseSoftmaxLoss.loss(logits, scope.create(candidates.targets(), shape),
                scope.create(candidates.valid(), shape));
    }
}
