package org.arr.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
 * @param sequences number of rows {@code S}, probe rows included
 * @param tokens real input tokens (query, separator and docID tokens), for throughput figures
 * @param probeRowStart per group, the row of its first probe ({@link TrainingGroup#probes}), -1 without probes;
 *     probe rows have weight 0 and no targets
 * @param groupWeights per group, the sum of its sequence weights
 */
public record TrainingBatch(NDArray queryTokens, NDArray docIdInput, NDArray targets, NDArray weights, double totalWeight,
        int sequences, long tokens, int[] probeRowStart, double[] groupWeights) {

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
            for (int[] probe : group.probes()) {
                rows++;
                length = Math.max(length, probe.length + 1);
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
        int[] probeRowStart = new int[groups.size()];
        double[] groupWeights = new double[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            TrainingGroup group = groups.get(g);
            int[] input = group.inputTokensView();
            groupWeights[g] = group.weight();
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

            // Probe rows: teacher-forced prefixes with weight 0 and no targets, scored by the loss itself.
            probeRowStart[g] = group.probes().isEmpty() ? -1 : row;
            for (int[] probe : group.probes()) {
                queries[row] = input;
                System.arraycopy(probe, 0, docIdInput, row * (length - 1), probe.length);
                tokens += Math.min(input.length, maxQueryLength) + probe.length + 1;
                row++;
            }
        }

        return new TrainingBatch(
                ArrInputs.queries(manager, queries, maxQueryLength),
                manager.create(docIdInput, new Shape(rows, length - 1)),
                manager.create(targets, new Shape(rows, length, vocabularySize)),
                manager.create(weights),
                totalWeight, rows, tokens, probeRowStart, groupWeights);
    }
}
