package org.arr.model.dual;

import java.util.Objects;
import org.arr.model.encoder.EncoderConfig;
import org.arr.model.encoder.Pooling;

/**
 * Shape of a dual encoder: a transformer encoder per side (or one shared by both), pooling, and a linear
 * projection to embeddings of size {@code embeddingDimension}, independent of the encoder width {@code dModel}.
 *
 * @param vocabularySize number of text token ids, padding (id 0) included
 * @param maxQueryTokens query tokens kept per input; longer queries keep their first tokens
 * @param maxDocumentTokens document tokens kept per input; longer documents keep their first tokens
 * @param layers transformer layers per encoder
 * @param dModel encoder hidden size
 * @param heads attention heads; {@code dModel} must be a multiple of it
 * @param mlpRatio feed-forward hidden size divided by {@code dModel}
 * @param dropout dropout rate in {@code [0, 1)}
 * @param pooling how an encoder's hidden states become one vector
 * @param embeddingDimension size of the query and document embeddings
 * @param sharedEncoder whether queries and documents go through the same encoder and projection
 * @param similarity dot product or cosine
 * @param temperature training logits are {@code score / temperature}; a value {@code > 0} (cosine scores lie in
 *     {@code [-1, 1]}, so they need a small temperature such as 0.05 to express sharp distributions)
 */
public record DualEncoderConfig(int vocabularySize, int maxQueryTokens, int maxDocumentTokens, int layers, int dModel,
        int heads, int mlpRatio, double dropout, Pooling pooling, int embeddingDimension, boolean sharedEncoder,
        Similarity similarity, double temperature) {

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field, its value and the allowed range
     */
    public DualEncoderConfig {
        requireAtLeast("maxQueryTokens", maxQueryTokens, 1);
        requireAtLeast("maxDocumentTokens", maxDocumentTokens, 1);
        requireAtLeast("encoder.embeddingDimension", embeddingDimension, 1);
        Objects.requireNonNull(similarity, "similarity");
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("model.encoder.temperature = " + temperature + " is invalid; expected a finite number > 0");
        }
        encoder(Math.max(maxQueryTokens, maxDocumentTokens), vocabularySize, layers, dModel, heads, mlpRatio, dropout, pooling);
    }

    private static void requireAtLeast(String field, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException("model." + field + " = " + value + " is invalid; expected an integer >= " + minimum);
        }
    }

    private static EncoderConfig encoder(int maxTokens, int vocabularySize, int layers, int dModel, int heads, int mlpRatio,
            double dropout, Pooling pooling) {
        return new EncoderConfig(vocabularySize, 1 + maxTokens, layers, dModel, heads, mlpRatio, dropout, pooling);
    }

    /** Returns the query encoder's shape; with a shared encoder it fits the longer of both inputs. */
    public EncoderConfig queryEncoder() {
        int maxTokens = sharedEncoder ? Math.max(maxQueryTokens, maxDocumentTokens) : maxQueryTokens;
        return encoder(maxTokens, vocabularySize, layers, dModel, heads, mlpRatio, dropout, pooling);
    }

    /** Returns the document encoder's shape; with a shared encoder it equals {@link #queryEncoder()}. */
    public EncoderConfig documentEncoder() {
        int maxTokens = sharedEncoder ? Math.max(maxQueryTokens, maxDocumentTokens) : maxDocumentTokens;
        return encoder(maxTokens, vocabularySize, layers, dModel, heads, mlpRatio, dropout, pooling);
    }

    /** Returns the maximum number of text tokens kept on a side. */
    public int maxTokens(Side side) {
        return side == Side.QUERY ? maxQueryTokens : maxDocumentTokens;
    }
}
