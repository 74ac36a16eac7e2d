package org.arr.model.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Builds the right-padded {@code int32} token tensors {@link TransformerEncoder} reads, with one array copy per
 * batch. Text token ids must lie in {@code [1, vocabularySize)}: id 0 is padding and the ids from
 * {@code vocabularySize} on are the encoder's own {@code [CLS]} and separator.
 */
public final class EncoderInputs {

    private EncoderInputs() {
    }

    /**
     * Builds {@code [CLS, t_1 .. t_m]} rows, keeping at most {@code maxTokens} text tokens of each row and padding
     * to the longest row.
     *
     * @return {@code int32 [rows, 1 + width]}
     * @throws IllegalArgumentException if a token id is outside {@code [1, vocabularySize)}
     */
    public static NDArray sequences(NDManager manager, int[][] rows, int maxTokens, EncoderConfig config) {
        int width = 0;
        for (int[] row : rows) {
            width = Math.max(width, Math.min(row.length, maxTokens));
        }
        int columns = 1 + width;
        int[] flat = new int[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            int offset = r * columns;
            flat[offset] = config.clsToken();
            copyTokens(rows[r], Math.min(rows[r].length, maxTokens), flat, offset + 1, config.vocabularySize());
        }
        return manager.create(flat, new Shape(rows.length, columns));
    }

    /**
     * Builds {@code [CLS, q_1 .. q_m, SEP, d_1 .. d_n]} rows for a cross encoder, keeping at most
     * {@code maxQueryTokens} query tokens and {@code maxDocumentTokens} document tokens, padding to the longest row.
     *
     * @return {@code int32 [rows, width]}
     * @throws IllegalArgumentException if the arrays differ in length or a token id is outside
     *     {@code [1, vocabularySize)}
     */
    public static NDArray pairs(NDManager manager, int[][] queries, int[][] documents, int maxQueryTokens,
            int maxDocumentTokens, EncoderConfig config) {
        if (queries.length != documents.length) {
            throw new IllegalArgumentException("Got " + queries.length + " query rows but " + documents.length
                    + " document rows; pass one query per document");
        }
        int columns = 0;
        for (int r = 0; r < queries.length; r++) {
            columns = Math.max(columns, 2 + Math.min(queries[r].length, maxQueryTokens)
                    + Math.min(documents[r].length, maxDocumentTokens));
        }
        int[] flat = new int[queries.length * columns];
        for (int r = 0; r < queries.length; r++) {
            int offset = r * columns;
            int queryLength = Math.min(queries[r].length, maxQueryTokens);
            flat[offset] = config.clsToken();
            copyTokens(queries[r], queryLength, flat, offset + 1, config.vocabularySize());
            flat[offset + 1 + queryLength] = config.separatorToken();
            copyTokens(documents[r], Math.min(documents[r].length, maxDocumentTokens), flat, offset + 2 + queryLength,
                    config.vocabularySize());
        }
        return manager.create(flat, new Shape(queries.length, columns));
    }

    /** Returns the unpadded length of the {@link #sequences} row built from {@code row}. */
    public static int sequenceLength(int[] row, int maxTokens) {
        return 1 + Math.min(row.length, maxTokens);
    }

    /** Returns the unpadded length of the {@link #pairs} row built from a query and a document. */
    public static int pairLength(int[] query, int[] document, int maxQueryTokens, int maxDocumentTokens) {
        return 2 + Math.min(query.length, maxQueryTokens) + Math.min(document.length, maxDocumentTokens);
    }

    private static void copyTokens(int[] source, int length, int[] target, int offset, int vocabularySize) {
        for (int i = 0; i < length; i++) {
            int token = source[i];
            if (token < 1 || token >= vocabularySize) {
                throw new IllegalArgumentException("Token id " + token + " is outside [1, " + vocabularySize
                        + "); encode text with the tokenizer the model was built for (id 0 is padding)");
            }
            target[offset + i] = token;
        }
    }
}
