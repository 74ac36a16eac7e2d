package org.arr.model.cross;

import org.arr.model.ModelConfigChecks;
import org.arr.model.encoder.EncoderConfig;
import org.arr.model.encoder.Pooling;

/**
 * Shape of a cross encoder: one transformer encoder over {@code [CLS, query, SEP, document]} with segment
 * embeddings, pooling, and a linear layer to a scalar score.
 *
 * @param vocabularySize number of text token ids, padding (id 0) included
 * @param maxQueryTokens query tokens kept per input; longer queries keep their first tokens
 * @param maxDocumentTokens document tokens kept per input; longer documents keep their first tokens
 * @param layers transformer layers
 * @param dModel hidden size
 * @param heads attention heads; {@code dModel} must be a multiple of it
 * @param mlpRatio feed-forward hidden size divided by {@code dModel}
 * @param dropout dropout rate in {@code [0, 1)}
 * @param pooling how the hidden states become one vector before the score layer
 */
public record CrossEncoderConfig(int vocabularySize, int maxQueryTokens, int maxDocumentTokens, int layers, int dModel,
        int heads, int mlpRatio, double dropout, Pooling pooling) {

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field, its value and the allowed range
     */
    public CrossEncoderConfig {
        ModelConfigChecks.requireAtLeast("maxQueryTokens", maxQueryTokens, 1);
        ModelConfigChecks.requireAtLeast("maxDocumentTokens", maxDocumentTokens, 1);
        new EncoderConfig(vocabularySize, 2 + maxQueryTokens + maxDocumentTokens, layers, dModel, heads, mlpRatio, dropout,
                pooling);
    }

    /**
     * Returns the encoder's shape: room for {@code [CLS]}, the query, the separator and the document, with segment
     * embeddings that mark the query and the document.
     */
    public EncoderConfig encoder() {
        return new EncoderConfig(vocabularySize, 2 + maxQueryTokens + maxDocumentTokens, layers, dModel, heads, mlpRatio,
                dropout, pooling, true);
    }
}
