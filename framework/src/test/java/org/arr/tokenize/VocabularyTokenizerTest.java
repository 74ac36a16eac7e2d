package org.arr.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTokenizerTest {

    @Test
    void wordIdsFollowCountThenAlphabet() {
        WordTokenizer tokenizer = WordTokenizer.train(List.of("b a c", "A b", "c-B"), VocabularyOptions.keepAll());

        // Counts: b=3, a=2, c=2; a and c tie and sort alphabetically.
        assertEquals(List.of("<pad>", "<unk>", "b", "a", "c"), tokenizer.vocabulary().tokens());
        assertArrayEquals(new int[] {2, 3, 4}, tokenizer.encode("B, A; c!"));
    }

    @Test
    void wordSplitsOnNonLetterOrDigit() {
        assertEquals(List.of("dog", "2", "cat", "élan"), WordTokenizer.words("  Dog_2 -- cat...Élan "));
        assertEquals(List.of(), WordTokenizer.words(" ,;- "));
    }

    @Test
    void unknownTokenForUnseenWords() {
        WordTokenizer tokenizer = WordTokenizer.train(List.of("red green"), VocabularyOptions.keepAll());

        assertArrayEquals(new int[] {tokenizer.encode("red")[0], TextTokenizer.UNKNOWN}, tokenizer.encode("red blue"));
        assertEquals("<unk>", tokenizer.tokenText(TextTokenizer.UNKNOWN));
        assertEquals("<pad>", tokenizer.tokenText(TextTokenizer.PADDING));
    }

    @Test
    void characterTokenizerKeepsCaseAndCodePoints() {
        CharacterTokenizer tokenizer = CharacterTokenizer.train(List.of("aAb😀a"), VocabularyOptions.keepAll());

        assertEquals(List.of("<pad>", "<unk>", "a", "A", "b", "😀"), tokenizer.vocabulary().tokens());
        assertArrayEquals(new int[] {5, 2, TextTokenizer.UNKNOWN}, tokenizer.encode("😀az"));
        assertArrayEquals(new int[0], tokenizer.encode(""));
    }

    @Test
    void minCountAndMaxVocabularyLimit() {
        List<String> texts = List.of("x x x y y z w");

        WordTokenizer minTwo = WordTokenizer.train(texts, new VocabularyOptions(2, Integer.MAX_VALUE));
        assertEquals(List.of("<pad>", "<unk>", "x", "y"), minTwo.vocabulary().tokens());

        WordTokenizer capped = WordTokenizer.train(texts, new VocabularyOptions(1, 3));
        assertEquals(List.of("<pad>", "<unk>", "x"), capped.vocabulary().tokens());
        assertArrayEquals(new int[] {2, TextTokenizer.UNKNOWN}, capped.encode("x y"));
    }

    @Test
    void invalidOptionsRejected() {
        IllegalArgumentException minCount = assertThrows(IllegalArgumentException.class, () -> new VocabularyOptions(0, 10));
        assertTrue(minCount.getMessage().contains("minCount"), minCount.getMessage());
        IllegalArgumentException max = assertThrows(IllegalArgumentException.class, () -> new VocabularyOptions(1, 2));
        assertTrue(max.getMessage().contains("maxVocabulary"), max.getMessage());
    }

    /** Ids depend only on the multiset of tokens: shuffling the training texts changes nothing. */
    @Property(tries = 100)
    void buildIsOrderIndependent(@ForAll @Size(max = 12) List<@StringLength(max = 12) String> texts, @ForAll long seed) {
        List<String> shuffled = new ArrayList<>(texts);
        Collections.shuffle(shuffled, new Random(seed));

        assertEquals(WordTokenizer.train(texts, VocabularyOptions.keepAll()), WordTokenizer.train(shuffled, VocabularyOptions.keepAll()));
        assertEquals(CharacterTokenizer.train(texts, VocabularyOptions.keepAll()), CharacterTokenizer.train(shuffled, VocabularyOptions.keepAll()));
    }

    /** Encoding training text yields neither padding nor unknown ids, because every training token is in the vocabulary. */
    @Property(tries = 100)
    void trainingTextHasNoUnknown(@ForAll @Size(max = 8) List<@StringLength(max = 16) String> texts) {
        CharacterTokenizer characters = CharacterTokenizer.train(texts, VocabularyOptions.keepAll());
        WordTokenizer words = WordTokenizer.train(texts, VocabularyOptions.keepAll());

        for (String text : texts) {
            for (int id : characters.encode(text)) {
                assertTrue(id >= 2, "char id " + id);
                assertTrue(id < characters.vocabularySize(), "char id " + id);
            }
            for (int id : words.encode(text)) {
                assertTrue(id >= 2, "word id " + id);
                assertTrue(id < words.vocabularySize(), "word id " + id);
            }
            assertEquals(text.codePointCount(0, text.length()), characters.encode(text).length);
        }
    }

    @Test
    void jsonRoundTripKeepsIds(@TempDir Path folder) {
        List<String> texts = List.of("The quick brown fox", "jumps over the lazy dog", "THE END");
        for (String name : List.of("char", "word")) {
            TextTokenizer built = TextTokenizers.create(name, texts, VocabularyOptions.keepAll(), null);
            Path file = folder.resolve(name + ".json");

            TextTokenizers.save(built, file);
            TextTokenizer loaded = TextTokenizers.load(file);

            assertEquals(built, loaded, name);
            assertEquals(built.name(), loaded.name());
            assertArrayEquals(built.encode("the lazy fox?"), loaded.encode("the lazy fox?"), name);
        }
    }

    @Test
    void unknownTokenizerNameSuggestsClosest() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TextTokenizers.create("wrod", List.of(), VocabularyOptions.keepAll(), null));
        assertTrue(error.getMessage().contains("char, huggingface, word"), error.getMessage());
        assertTrue(error.getMessage().contains("Did you mean 'word'?"), error.getMessage());
    }

    @Test
    void corruptTokenizerFileRejected(@TempDir Path folder) throws Exception {
        Path noFormat = folder.resolve("a.json");
        Files.writeString(noFormat, "{\"type\": \"word\", \"tokens\": [\"<pad>\", \"<unk>\"]}");
        IllegalArgumentException format = assertThrows(IllegalArgumentException.class, () -> TextTokenizers.load(noFormat));
        assertTrue(format.getMessage().contains("not a tokenizer file"), format.getMessage());

        Path badTokens = folder.resolve("b.json");
        Files.writeString(badTokens, "{\"format\": \"arr-text-tokenizer\", \"version\": 1, \"type\": \"word\", \"tokens\": [\"a\"]}");
        IllegalArgumentException tokens = assertThrows(IllegalArgumentException.class, () -> TextTokenizers.load(badTokens));
        assertTrue(tokens.getMessage().contains("must start with"), tokens.getMessage());

        Path duplicate = folder.resolve("c.json");
        Files.writeString(duplicate, "{\"format\": \"arr-text-tokenizer\", \"version\": 1, \"type\": \"word\", "
                + "\"tokens\": [\"<pad>\", \"<unk>\", \"x\", \"x\"]}");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> TextTokenizers.load(duplicate));
        assertTrue(twice.getMessage().contains("occurs twice"), twice.getMessage());

        Path notJson = folder.resolve("d.json");
        Files.writeString(notJson, "{tokens");
        IllegalArgumentException json = assertThrows(IllegalArgumentException.class, () -> TextTokenizers.load(notJson));
        assertTrue(json.getMessage().contains("invalid JSON"), json.getMessage());
    }
}
