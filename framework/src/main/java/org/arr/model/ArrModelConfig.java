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
        ModelConfigChecks.requireAtLeast("queryVocabularySize", queryVocabularySize, 1);
        ModelConfigChecks.requireAtLeast("docIdVocabularySize", docIdVocabularySize, 1);
        ModelConfigChecks.requireAtLeast("maxQueryLength", maxQueryLength, 1);
        ModelConfigChecks.requireAtLeast("maxDocIdLength", maxDocIdLength, 1);
        ModelConfigChecks.requireTransformerShape(layers, dModel, heads, mlpRatio, dropout);
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
