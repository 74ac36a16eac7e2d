package org.arr.tokenize;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns query or document text into token ids over a vocabulary {@code 0 .. vocabularySize()-1}.
 *
 * <p>Contract shared by every implementation:
 * <ul>
 *   <li>id {@link #PADDING} ({@code 0}) is reserved for padding and never returned by {@link #encode};</li>
 *   <li>id {@link #UNKNOWN} ({@code 1}) stands for any token outside the vocabulary;</li>
 *   <li>{@link #encode} is deterministic, returns a new array, and returns an empty array for empty text;</li>
 *   <li>{@link #toJson} stores everything needed to rebuild an equal tokenizer with
 *       {@link TextTokenizers#fromJson}, so a trained model can be reloaded with the ids it was trained on.</li>
 * </ul>
 */
public interface TextTokenizer {

    /** Id reserved for padding. */
    int PADDING = 0;

    /** Id of the unknown token. */
    int UNKNOWN = 1;

    /** Returns the registry name of this kind of tokenizer ({@code char}, {@code word}, {@code huggingface}). */
    String name();

    /** Returns the number of ids, reserved ones included. */
    int vocabularySize();

    /** Encodes text as token ids in {@code [1, vocabularySize())}. */
    int[] encode(String text);

    /**
     * Returns the text of a token id for display ({@code <pad>} and {@code <unk>} for the reserved ids).
     *
     * @throws IndexOutOfBoundsException if the id is outside {@code [0, vocabularySize())}
     */
    String tokenText(int id);

    /** Returns the complete state of the tokenizer as JSON, with its name in the {@code type} field. */
    ObjectNode toJson();
}
