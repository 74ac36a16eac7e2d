package org.arr.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Turns token id rows into the padded {@code int32} tensors {@link ArrTransformer} reads: one array copy per
 * batch, no per-row tensors.
 */
public final class ArrInputs {

    /** Query padding value; {@link ArrTransformer} masks these positions. */
    public static final int QUERY_PADDING = -1;

    private ArrInputs() {
    }

    /**
     * Left-pads query rows with {@link #QUERY_PADDING} to the longest row (at least one column). Rows longer
     * than {@code maxQueryLength} keep their first {@code maxQueryLength} tokens.
     *
     * @return {@code int32 [rows, width]}
     */
    public static NDArray queries(NDManager manager, int[][] rows, int maxQueryLength) {
        int width = 1;
        for (int[] row : rows) {
            width = Math.max(width, Math.min(row.length, maxQueryLength));
        }
        int[] flat = new int[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            int length = Math.min(rows[r].length, maxQueryLength);
            int padding = width - length;
            int offset = r * width;
            java.util.Arrays.fill(flat, offset, offset + padding, QUERY_PADDING);
            System.arraycopy(rows[r], 0, flat, offset + padding, length);
        }
        return manager.create(flat, new Shape(rows.length, width));
    }

    /**
     * Right-pads docID rows with token 0 to {@code width} columns, keeping at most {@code width} tokens of each
     * row. Under the causal mask, right padding never changes the outputs at real positions.
     *
     * @return {@code int32 [rows, width]}
     */
    public static NDArray docIds(NDManager manager, int[][] rows, int width) {
        int[] flat = new int[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * width, Math.min(rows[r].length, width));
        }
        return manager.create(flat, new Shape(rows.length, width));
    }
}
