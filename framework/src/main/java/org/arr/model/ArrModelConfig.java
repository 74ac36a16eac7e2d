package org.arr.model;

/**
 * Shape of an autoregressive ranking transformer.
 *
 * @param queryVocabularySize number of query (text) tokens; query token ids are {@code 0 .. queryVocabularySize-1}
 * @param docIdVocabularySize number {@code V} of docID tokens; docID token ids are {@code 0 .. V-1}
 * @param maxQueryLength query tokens kept per input; longer queries keep their first {@code maxQueryLength} tokens
 * @param maxDocIdLength maximum docID length {@code L}
 * @param layers number of transformer layers
 * @param dModel hidden size
 * @param heads attention heads; {@code dModel} must be a multiple of it
 * @param mlpRatio hidden size of each feed-forward layer divided by {@code dModel}
 * @param dropout dropout rate on attention weights, residual branches and embeddings, in {@code [0, 1)}
 */
public record ArrModelConfig(int queryVocabularySize, int docIdVocabularySize, int maxQueryLength, int maxDocIdLength,
        int layers, int dModel, int heads, int mlpRatio, double dropout) {

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field, its value and the allowed range
     */
    public ArrModelConfig {
        requireAtLeast("queryVocabularySize", queryVocabularySize, 1);
        requireAtLeast("docIdVocabularySize", docIdVocabularySize, 1);
        requireAtLeast("maxQueryLength", maxQueryLength, 1);
        requireAtLeast("maxDocIdLength", maxDocIdLength, 1);
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
    }

    private static void requireAtLeast(String field, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException("model." + field + " = " + value + " is invalid; expected an integer >= " + minimum);
        }
    }

    /** Returns the number of rows of the shared token embedding table: padding, query tokens, separator, docID tokens. */
    public int embeddingRows() {
        return queryVocabularySize + 2 + docIdVocabularySize;
    }

    /** Returns the number of learned positions: query tokens, the separator and the docID tokens fed as input. */
    public int maxPositions() {
        return maxQueryLength + 1 + maxDocIdLength;
    }
}
