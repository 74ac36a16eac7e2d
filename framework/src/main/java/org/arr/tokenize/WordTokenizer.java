package org.arr.tokenize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word-level tokenizer: text is lowercased ({@link Locale#ROOT}) and split into maximal runs of letters
 * and digits ({@link Character#isLetterOrDigit(int)}); everything else separates words and is dropped.
 * Registry name {@value #NAME}.
 */
public final class WordTokenizer extends VocabularyTokenizer {

    public static final String NAME = "word";

    /** Creates a tokenizer over an existing vocabulary, e.g. one read back from JSON. */
    public WordTokenizer(Vocabulary vocabulary) {
        super(vocabulary);
    }

    /** Builds the vocabulary from training texts (see {@link Vocabulary#build} for the id order). */
    public static WordTokenizer train(Iterable<String> texts, VocabularyOptions options) {
        return new WordTokenizer(Vocabulary.build(texts, WordTokenizer::words, options));
    }

    /** Splits text into lowercased words. */
    public static List<String> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i < lower.length()) {
            int codePoint = lower.codePointAt(i);
            if (Character.isLetterOrDigit(codePoint)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            words.add(lower.substring(start));
        }
        return words;
    }

    @Override
    List<String> split(String text) {
        return words(text);
    }

    @Override
    public String name() {
        return NAME;
    }
}
