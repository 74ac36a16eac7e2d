package org.arr.tokenize;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A tokenizer that splits text into strings and looks each one up in a {@link Vocabulary}. */
abstract class VocabularyTokenizer implements TextTokenizer {

    private final Vocabulary vocabulary;

    VocabularyTokenizer(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Splits text into the strings that the vocabulary contains. */
    abstract List<String> split(String text);

    @Override
    public final int vocabularySize() {
        return vocabulary.size();
    }

    @Override
    public final int[] encode(String text) {
        List<String> pieces = split(text);
        int[] ids = new int[pieces.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.idOf(pieces.get(i));
        }
        return ids;
    }

    @Override
    public final String tokenText(int id) {
        return vocabulary.token(id);
    }

    /** Returns the vocabulary (immutable). */
    public final Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public final ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", name());
        json.set("tokens", vocabulary.toJson());
        return json;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && vocabulary.equals(((VocabularyTokenizer) other).vocabulary);
    }

    @Override
    public final int hashCode() {
        return 31 * getClass().hashCode() + vocabulary.hashCode();
    }

    @Override
    public String toString() {
        return name() + " tokenizer (" + vocabulary.size() + " ids)";
    }
}
