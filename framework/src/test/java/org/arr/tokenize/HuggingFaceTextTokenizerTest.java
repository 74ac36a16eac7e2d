package org.arr.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuggingFaceTextTokenizerTest {

    /** A WordLevel tokenizer with a lowercase normalizer and a whitespace pre-tokenizer, in tokenizer.json format. */
    private static final String WORD_LEVEL = """
            {
              "version": "1.0",
              "truncation": null,
              "padding": null,
              "added_tokens": [
                {"id": 0, "content": "[UNK]", "single_word": false, "lstrip": false, "rstrip": false,
                 "normalized": false, "special": true}
              ],
              "normalizer": {"type": "Lowercase"},
              "pre_tokenizer": {"type": "Whitespace"},
              "post_processor": null,
              "decoder": null,
              "model": {"type": "WordLevel", "vocab": {"[UNK]": 0, "hello": 1, "world": 2, "rank": 3},
                        "unk_token": "[UNK]"}
            }
            """;

    @Test
    void wordLevelFileEncodesWithShiftedIds(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("tokenizer.json");
        Files.writeString(file, WORD_LEVEL);

        try (HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.load(file)) {
            assertEquals(6, tokenizer.vocabularySize());
            assertEquals("huggingface", tokenizer.name());
            // "," and "!" are separate pre-tokens outside the vocabulary, so they map to the unknown id.
            assertArrayEquals(new int[] {3, TextTokenizer.UNKNOWN, 4, 5, TextTokenizer.UNKNOWN}, tokenizer.encode("Hello, World rank!"));
            assertArrayEquals(new int[0], tokenizer.encode(""));
            assertEquals("world", tokenizer.tokenText(4));
            assertEquals("<pad>", tokenizer.tokenText(TextTokenizer.PADDING));
        }
    }

    @Test
    void longTextNotTruncated(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("tokenizer.json");
        Files.writeString(file, WORD_LEVEL);

        try (HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.load(file)) {
            assertEquals(2000, tokenizer.encode("rank ".repeat(2000)).length);
        }
    }

    @Test
    void jsonRoundTripEmbedsDefinition(@TempDir Path folder) throws Exception {
        Path source = folder.resolve("tokenizer.json");
        Files.writeString(source, WORD_LEVEL);
        Path saved = folder.resolve("saved.json");

        TextTokenizer built = TextTokenizers.create("huggingface", List.of(), VocabularyOptions.keepAll(), source);
        TextTokenizers.save(built, saved);
        Files.delete(source);
        TextTokenizer loaded = TextTokenizers.load(saved);

        assertEquals("huggingface", loaded.name());
        assertEquals(built.vocabularySize(), loaded.vocabularySize());
        assertArrayEquals(built.encode("rank the world"), loaded.encode("rank the world"));
        ((HuggingFaceTextTokenizer) built).close();
        ((HuggingFaceTextTokenizer) loaded).close();
    }

    @Test
    void missingFileRejected(@TempDir Path folder) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HuggingFaceTextTokenizer.load(folder.resolve("absent.json")));
        assertTrue(error.getMessage().contains("not found"), error.getMessage());
    }

    @Test
    void missingPathRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TextTokenizers.create("huggingface", List.of(), VocabularyOptions.keepAll(), null));
        assertTrue(error.getMessage().contains("tokenizer.json"), error.getMessage());
    }
}
