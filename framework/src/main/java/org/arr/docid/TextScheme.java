package org.arr.docid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arr.data.Corpus;
import org.arr.data.Document;
import org.arr.data.RankingTask;
import org.arr.tokenize.TextTokenizer;
import org.arr.tokenize.TextTokenizers;
import org.arr.tokenize.VocabularyOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokenized name of each document, GENRE-style: the title, or the text when the title is blank, encoded
 * with a {@code char} or {@code word} tokenizer built from the names of the whole corpus and cut to
 * {@code textMaxTokens} tokens, then an end token. Documents whose names encode to the same tokens get a
 * suffix {@code #j} before the end token (see {@link EndTokenDocIds}).
 *
 * <p>DocID tokens {@code 0 .. T-1} are the tokenizer's ids (so ids 0, padding, and 1, unknown, occur in no
 * docID), followed by the suffix tokens and the end token.
 */
public final class TextScheme implements DocIdScheme {

    public static final String NAME = "text";

    private static final Logger LOG = LoggerFactory.getLogger(TextScheme.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DocIds assign(RankingTask task, DocIdOptions options) {
        Corpus corpus = task.corpus();
        long start = AssignmentLog.start(LOG, NAME, corpus.size());

        List<String> names = new ArrayList<>(corpus.size());
        for (Document document : corpus.documents()) {
            names.add(document.title().isBlank() ? document.text() : document.title());
        }
        TextTokenizer tokenizer = TextTokenizers.create(options.textTokenizer(), names, VocabularyOptions.keepAll(), null);

        int[][] bodies = new int[names.size()][];
        for (int i = 0; i < bodies.length; i++) {
            int[] encoded = tokenizer.encode(names.get(i));
            bodies[i] = encoded.length > options.textMaxTokens() ? Arrays.copyOf(encoded, options.textMaxTokens()) : encoded;
        }
        String[] labels = new String[tokenizer.vocabularySize()];
        for (int token = 0; token < labels.length; token++) {
            labels[token] = tokenizer.tokenText(token);
        }

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("textTokenizer", options.textTokenizer());
        parameters.put("textMaxTokens", options.textMaxTokens());
        return AssignmentLog.finish(LOG, EndTokenDocIds.build(NAME, parameters, bodies, labels), start);
    }
}
