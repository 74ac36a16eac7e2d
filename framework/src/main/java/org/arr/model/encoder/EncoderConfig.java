package org.arr.model.encoder;

import java.util.Objects;
import org.arr.model.ModelConfigChecks;

/**
 * Shape of a bidirectional pre-LayerNorm transformer encoder over text token ids.
 *
 * <p>Token ids come from a text tokenizer with ids {@code 0 .. vocabularySize-1}, where id 0 is padding. The
 * encoder adds two ids of its own: {@link #clsToken()} ({@code vocabularySize}), which starts every sequence,
 * and {@link #separatorToken()} ({@code vocabularySize + 1}), which separates a query from a document in a
 * cross encoder's input.
 *
 * @param vocabularySize number of text token ids, padding included
 * @param maxLength maximum input length in positions, {@code [CLS]} and separator included
 * @param layers number of transformer layers
 * @param dModel hidden size
 * @param heads attention heads; {@code dModel} must be a multiple of it
 * @param mlpRatio hidden size of each feed-forward layer divided by {@code dModel}
 * @param dropout dropout rate on attention weights, residual branches and embeddings, in {@code [0, 1)}
 * @param pooling how the hidden states of a sequence become one vector
 * @param segments whether inputs are {@code [CLS, query, SEP, document]} pairs; if so, a learned segment embedding
 *     (one row for {@code [CLS]}, the query and the separator, one for the document) is added to every position
 */
public record EncoderConfig(int vocabularySize, int maxLength, int layers, int dModel, int heads, int mlpRatio,
        double dropout, Pooling pooling, boolean segments) {

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field, its value and the allowed range
     */
    public EncoderConfig {
        ModelConfigChecks.requireAtLeast("vocabularySize", vocabularySize, 2);
        ModelConfigChecks.requireAtLeast("maxLength", maxLength, 2);
        ModelConfigChecks.requireTransformerShape(layers, dModel, heads, mlpRatio, dropout);
        Objects.requireNonNull(pooling, "pooling");
    }

    /** Creates the shape of an encoder over single sequences, without segment embeddings. */
    public EncoderConfig(int vocabularySize, int maxLength, int layers, int dModel, int heads, int mlpRatio,
            double dropout, Pooling pooling) {
        this(vocabularySize, maxLength, layers, dModel, heads, mlpRatio, dropout, pooling, false);
    }

    /** Returns the id of the {@code [CLS]} token that starts every input sequence. */
    public int clsToken() {
        return vocabularySize;
    }

    /** Returns the id of the separator between query and document tokens. */
    public int separatorToken() {
        return vocabularySize + 1;
    }

    /** Returns the number of rows of the token embedding table: text tokens, {@code [CLS]} and separator. */
    public int embeddingRows() {
        return vocabularySize + 2;
    }
}
