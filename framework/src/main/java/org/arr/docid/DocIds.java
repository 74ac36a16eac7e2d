package org.arr.docid;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.arr.trie.PrefixTree;

/**
 * The docIDs of a corpus: document {@code i} (corpus position) has the token sequence {@link #tokens(int)}
 * over the vocabulary {@code 0 .. vocabularySize()-1}, with a display label per token and the prefix tree over
 * all docIDs. Immutable: accessors return copies of arrays.
 */
public final class DocIds {

    private final String scheme;
    private final Map<String, Object> parameters;
    private final int[][] tokens;
    private final String[] tokenLabels;
    private final int endToken;
    private final PrefixTree trie;
    private final int maxLength;

    private DocIds(String scheme, Map<String, Object> parameters, int[][] tokens, String[] tokenLabels, int endToken) {
        this.scheme = scheme;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.tokens = tokens;
        this.tokenLabels = tokenLabels;
        this.endToken = endToken;
        this.trie = PrefixTree.build(tokens, tokenLabels.length);
        this.maxLength = Arrays.stream(tokens).mapToInt(docId -> docId.length).max().orElse(0);
    }

    /**
     * Creates docIDs and builds their prefix tree. The arrays are copied.
     *
     * @param scheme name of the scheme that produced them, for provenance
     * @param parameters the options the scheme used, for provenance (iteration order is kept)
     * @param tokens docID per document, in corpus order
     * @param tokenLabels display label per token id; its length is the vocabulary size
     * @param endToken the token that ends every docID, or -1 when the scheme has none
     * @throws IllegalArgumentException if there are no documents, a docID is empty, a token is outside the
     *     vocabulary, two docIDs are equal, one is a proper prefix of another, or a docID does not end with
     *     the end token
     */
    public static DocIds of(String scheme, Map<String, Object> parameters, int[][] tokens, String[] tokenLabels, int endToken) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("Scheme '" + scheme + "' produced no docIDs: the corpus is empty");
        }
        if (endToken < -1 || endToken >= tokenLabels.length) {
            throw new IllegalArgumentException("End token " + endToken + " is outside the vocabulary [0, " + tokenLabels.length + ")");
        }
        int[][] copy = new int[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            copy[i] = tokens[i] == null ? null : tokens[i].clone();
            if (endToken >= 0 && copy[i] != null && (copy[i].length == 0 || copy[i][copy[i].length - 1] != endToken)) {
                throw new IllegalArgumentException("DocID " + Arrays.toString(copy[i]) + " of document " + i
                        + " does not end with the end token " + endToken);
            }
        }
        return new DocIds(scheme, parameters, copy, tokenLabels.clone(), endToken);
    }

    /** Returns the name of the scheme that assigned these docIDs. */
    public String scheme() {
        return scheme;
    }

    /** Returns the options the scheme used (name to value), for provenance. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    public int documentCount() {
        return tokens.length;
    }

    /**
     * Returns the docID of a document (a new array).
     *
     * @throws IndexOutOfBoundsException if the index is outside {@code [0, documentCount())}
     */
    public int[] tokens(int documentIndex) {
        return tokens[documentIndex].clone();
    }

    /** Returns every docID in corpus order (new arrays). */
    public int[][] all() {
        int[][] copy = new int[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            copy[i] = tokens[i].clone();
        }
        return copy;
    }

    /** Returns the number of token ids {@code V}. */
    public int vocabularySize() {
        return tokenLabels.length;
    }

    /** Returns the length of the longest docID. */
    public int maxLength() {
        return maxLength;
    }

    /** Returns the token that ends every docID, if the scheme uses one. */
    public OptionalInt endToken() {
        return endToken < 0 ? OptionalInt.empty() : OptionalInt.of(endToken);
    }

    /**
     * Returns the display label of a token, e.g. a digit, a taxonomy node or a character.
     *
     * @throws IndexOutOfBoundsException if the token is outside {@code [0, vocabularySize())}
     */
    public String tokenLabel(int token) {
        return tokenLabels[token];
    }

    /** Returns the labels of a document's docID joined by spaces, for logs and reports. */
    public String describe(int documentIndex) {
        StringBuilder text = new StringBuilder();
        for (int token : tokens[documentIndex]) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(tokenLabels[token]);
        }
        return text.toString();
    }

    /** Returns the prefix tree over all docIDs. */
    public PrefixTree trie() {
        return trie;
    }

    @Override
    public String toString() {
        return scheme + " docIDs (" + tokens.length + " documents, V = " + tokenLabels.length + ", max length " + maxLength + ")";
    }
}
