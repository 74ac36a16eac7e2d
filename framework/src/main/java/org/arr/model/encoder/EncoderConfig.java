package org.arr.model.encoder;

import java.util.Objects;

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
 */
public record EncoderConfig(int vocabularySize, int maxLength, int layers, int dModel, int heads, int mlpRatio,
        double dropout, Pooling pooling) {

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field, its value and the allowed range
     */
    public EncoderConfig {
        requireAtLeast("vocabularySize", vocabularySize, 2);
        requireAtLeast("maxLength", maxLength, 2);
        requireAtLeast("layers", layers, 1);
        requireAtLeast("dModel", dModel, 1);
        requireAtLeast("heads", heads, 1);
        requireAtLeast("mlpRatio", mlpRatio, 1);
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("model.dModel = " + dModel + " must be a multiple of model.heads = " + heads
                    + "; choose dModel = " + (dModel / heads + 1) * heads + " or a number of heads that divides " + dModel);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("model.dropout = " + dropout + " is outside the allowed range [0, 1)");
        }
        Objects.requireNonNull(pooling, "pooling");
    }

    static void requireAtLeast(String field, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException("model." + field + " = " + value + " is invalid; expected an integer >= " + minimum);
        }
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
