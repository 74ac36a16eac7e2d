package org.arr.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An immutable list of token strings with their ids: id 0 is {@value #PADDING_TOKEN}, id 1 is
 * {@value #UNKNOWN_TOKEN}, and the training tokens follow from id 2.
 */
public final class Vocabulary {

    public static final String PADDING_TOKEN = "<pad>";
    public static final String UNKNOWN_TOKEN = "<unk>";

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens) {
        this.tokens = Collections.unmodifiableList(new ArrayList<>(tokens));
        this.ids = new HashMap<>();
        for (int id = 0; id < tokens.size(); id++) {
            if (ids.put(tokens.get(id), id) != null) {
                throw new IllegalArgumentException("Token '" + tokens.get(id) + "' occurs twice in the vocabulary");
            }
        }
    }

    /**
     * Builds a vocabulary from training texts. Tokens are ordered by descending count, ties by
     * {@link String#compareTo}, so the ids depend only on the multiset of tokens, not on text order.
     *
     * @param splitter turns one text into its tokens
     */
    public static Vocabulary build(Iterable<String> texts, Function<String, List<String>> splitter, VocabularyOptions options) {
        Map<String, int[]> counts = new HashMap<>();
        for (String text : texts) {
            for (String token : splitter.apply(text)) {
                counts.computeIfAbsent(token, t -> new int[1])[0]++;
            }
        }

        List<Map.Entry<String, int[]>> kept = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            if (entry.getValue()[0] >= options.minCount()) {
                kept.add(entry);
            }
        }
        kept.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                ? Integer.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));

        List<String> tokens = new ArrayList<>();
        tokens.add(PADDING_TOKEN);
        tokens.add(UNKNOWN_TOKEN);
        int limit = (int) Math.min(kept.size(), (long) options.maxVocabulary() - 2);
        for (int i = 0; i < limit; i++) {
            tokens.add(kept.get(i).getKey());
        }
        return new Vocabulary(tokens);
    }

    /**
     * Reads a vocabulary stored by {@link #toJson}.
     *
     * @param source names the input in error messages, e.g. a file path
     * @throws IllegalArgumentException if the node is not an array of strings starting with the reserved tokens,
     *     or a token occurs twice
     */
    public static Vocabulary fromJson(JsonNode node, String source) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(source + ": expected 'tokens' to be an array of strings");
        }
        List<String> tokens = new ArrayList<>();
        for (JsonNode token : node) {
            if (!token.isTextual()) {
                throw new IllegalArgumentException(source + ": 'tokens' entry " + tokens.size() + " is not a string: " + token);
            }
            tokens.add(token.asText());
        }
        if (tokens.size() < 2 || !tokens.get(0).equals(PADDING_TOKEN) || !tokens.get(1).equals(UNKNOWN_TOKEN)) {
            throw new IllegalArgumentException(source + ": 'tokens' must start with \"" + PADDING_TOKEN + "\", \""
                    + UNKNOWN_TOKEN + "\"");
        }
        try {
            return new Vocabulary(tokens);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** Returns the tokens as a JSON array, in id order. */
    public ArrayNode toJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        tokens.forEach(array::add);
        return array;
    }

    public int size() {
        return tokens.size();
    }

    /** Returns the id of a token, or {@link TextTokenizer#UNKNOWN} when it is not in the vocabulary. */
    public int idOf(String token) {
        Integer id = ids.get(token);
        return id == null ? TextTokenizer.UNKNOWN : id;
    }

    /**
     * Returns the token of an id.
     *
     * @throws IndexOutOfBoundsException if the id is outside {@code [0, size())}
     */
    public String token(int id) {
        return tokens.get(id);
    }

    /** Returns the tokens in id order (unmodifiable). */
    public List<String> tokens() {
        return tokens;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Vocabulary vocabulary && tokens.equals(vocabulary.tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }
}
