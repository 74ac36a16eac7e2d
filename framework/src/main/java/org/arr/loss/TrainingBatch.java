package org.arr.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.arr.model.ArrInputs;

/**
 * The tensors of one training step, built from whole {@link TrainingGroup}s: one row per training sequence.
 * Arrays belong to the manager passed to {@link #build}; close that manager after the step.
 *
 * @param queryTokens {@code int32 [S, Lq]}, each row its group's input tokens, left-padded
 * @param docIdInput {@code int32 [S, L - 1]}: tokens {@code t_1 .. t_{L-1}}, right-padded with 0
 * @param targets {@code float32 [S, L, V]}: dense targets, zero at padded positions
 * @param weights {@code float32 [S]}: sequence weights {@code w_s}
 * @param totalWeight {@code W = sum_s w_s}
 * @param sequences number of rows {@code S}
 * @param tokens real input tokens of the rows (query, separator and docID tokens), for throughput figures
 * @param normalizedQueryTokens {@code int32 [G, Lq]}: the input tokens of the {@code G} groups that are normalized
 *     over the trie ({@link TrainingGroup#normalized}), left-padded; {@code null} when there are none
 * @param normalizedWeights per normalized group, the sum of its sequence weights
 */
public record TrainingBatch(NDArray queryTokens, NDArray docIdInput, NDArray targets, NDArray weights, double totalWeight,
        int sequences, long tokens, NDArray normalizedQueryTokens, float[] normalizedWeights) {

    /**
     * Builds the tensors of a batch; dense targets come from the sparse ones in one array copy.
     *
     * @throws IllegalArgumentException if the groups hold no weight, or a target token lies outside the vocabulary
     */
    public static TrainingBatch build(NDManager manager, List<TrainingGroup> groups, int vocabularySize, int maxQueryLength) {
        int rows = 0;
        int length = 1;
        double totalWeight = 0;
        for (TrainingGroup group : groups) {
            for (TrainingSequence sequence : group.sequences()) {
                rows++;
                length = Math.max(length, sequence.length());
                totalWeight += sequence.weight();
            }
        }
        if (!(totalWeight > 0)) {
            throw new IllegalArgumentException("A training batch needs a total weight > 0, got " + totalWeight);
        }

        int[][] queries = new int[rows][];
        int[] docIdInput = new int[rows * (length - 1)];
        float[] targets = new float[rows * length * vocabularySize];
        float[] weights = new float[rows];
        long tokens = 0;
        int row = 0;
        List<int[]> normalizedInputs = new ArrayList<>();
        float[] normalizedWeights = new float[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            TrainingGroup group = groups.get(g);
            int[] input = group.inputTokensView();
            if (group.normalized()) {
                normalizedWeights[normalizedInputs.size()] = (float) group.weight();
                normalizedInputs.add(input);
            }
            for (TrainingSequence sequence : group.sequences()) {
                queries[row] = input;
                weights[row] = (float) sequence.weight();
                TokenTargets target = sequence.targets();
                for (int i = 0; i < sequence.length(); i++) {
                    if (i < sequence.length() - 1) {
                        docIdInput[row * (length - 1) + i] = sequence.token(i);
                    }
                    int offset = (row * length + i) * vocabularySize;
                    for (int k = 0; k < target.size(i); k++) {
                        int token = target.token(i, k);
                        if (token < 0 || token >= vocabularySize) {
                            throw new IllegalArgumentException("Target token " + token + " is outside the docID vocabulary [0, "
                                    + vocabularySize + ")");
                        }
                        targets[offset + token] += target.probability(i, k);
                    }
                }
                tokens += Math.min(input.length, maxQueryLength) + sequence.length();
                row++;
            }
        }

        return new TrainingBatch(
                ArrInputs.queries(manager, queries, maxQueryLength),
                manager.create(docIdInput, new Shape(rows, length - 1)),
                manager.create(targets, new Shape(rows, length, vocabularySize)),
                manager.create(weights),
                totalWeight, rows, tokens,
                normalizedInputs.isEmpty() ? null : ArrInputs.queries(manager, normalizedInputs.toArray(new int[0][]), maxQueryLength),
                Arrays.copyOf(normalizedWeights, normalizedInputs.size()));
    }
}
