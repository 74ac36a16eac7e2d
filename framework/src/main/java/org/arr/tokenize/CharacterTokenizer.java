package org.arr.tokenize;

import java.util.ArrayList;
import java.util.List;

/**
 * Character-level tokenizer: one token per Unicode code point, case preserved, whitespace included.
 * Registry name {@value #NAME}.
 */
public final class CharacterTokenizer extends VocabularyTokenizer {

    public static final String NAME = "char";

    /** Creates a tokenizer over an existing vocabulary, e.g. one read back from JSON. */
    public CharacterTokenizer(Vocabulary vocabulary) {
        super(vocabulary);
    }

    /** Builds the vocabulary from training texts (see {@link Vocabulary#build} for the id order). */
    public static CharacterTokenizer train(Iterable<String> texts, VocabularyOptions options) {
        return new CharacterTokenizer(Vocabulary.build(texts, CharacterTokenizer::characters, options));
    }

    /** Splits text into its code points, each as a string. */
    public static List<String> characters(String text) {
        List<String> characters = new ArrayList<>(text.length());
        text.codePoints().forEach(codePoint -> characters.add(Character.toString(codePoint)));
        return characters;
    }

    @Override
    List<String> split(String text) {
        return characters(text);
    }

    @Override
    public String name() {
        return NAME;
    }
}
