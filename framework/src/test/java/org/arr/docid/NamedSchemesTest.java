package org.arr.docid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.arr.data.Document;
import org.arr.data.RankingTask;
import org.junit.jupiter.api.Test;

/** The taxonomy and text schemes on hand-made tasks, the registry and the option checks. */
class NamedSchemesTest {

    @Test
    void taxonomyPathsByHand() {
        List<Document> documents = List.of(new Document("dog1", "", ""), new Document("animal", "", ""),
                new Document("dog2", "", ""), new Document("tree", "", ""));
        Map<String, List<String>> taxonomy = Map.of(
                "dog1", List.of("entity", "animal", "dog"),
                "animal", List.of("entity", "animal"),
                "dog2", List.of("entity", "animal", "dog"),
                "tree", List.of("entity", "plant"));

        DocIds docIds = new TaxonomyScheme().assign(TestTasks.of(documents, taxonomy), DocIdOptions.defaults());

        // Labels in alphabetical order: animal 0, dog 1, entity 2, plant 3; then #0 4, #1 5, <end> 6.
        assertEquals(7, docIds.vocabularySize());
        assertArrayEquals(new int[] {2, 0, 1, 4, 6}, docIds.tokens(0));
        assertArrayEquals(new int[] {2, 0, 6}, docIds.tokens(1));
        assertArrayEquals(new int[] {2, 0, 1, 5, 6}, docIds.tokens(2));
        assertArrayEquals(new int[] {2, 3, 6}, docIds.tokens(3));
        assertEquals("entity animal dog #1 <end>", docIds.describe(2));
        assertEquals(6, docIds.endToken().getAsInt());
    }

    @Test
    void taxonomyChildIndexByHand() {
        List<Document> documents = List.of(new Document("dog", "", ""), new Document("cat", "", ""),
                new Document("oak", "", ""), new Document("animal", "", ""));
        Map<String, List<String>> taxonomy = Map.of(
                "dog", List.of("entity", "animal", "dog"),
                "cat", List.of("entity", "animal", "cat"),
                "oak", List.of("entity", "plant", "oak"),
                "animal", List.of("entity", "animal"));

        DocIds docIds = new TaxonomyScheme().assign(TestTasks.of(documents, taxonomy),
                DocIdOptions.defaults().withTaxonomyTokens("child-index"));

        // Largest branching is 2 (animal, plant under entity; cat, dog under animal), then <end> 2.
        assertEquals(3, docIds.vocabularySize());
        assertArrayEquals(new int[] {0, 0, 1, 2}, docIds.tokens(0));
        assertArrayEquals(new int[] {0, 0, 0, 2}, docIds.tokens(1));
        assertArrayEquals(new int[] {0, 1, 0, 2}, docIds.tokens(2));
        assertArrayEquals(new int[] {0, 0, 2}, docIds.tokens(3));
        assertEquals("child-index", docIds.parameters().get("taxonomyTokens"));
    }

    @Test
    void taxonomyMissingRejected() {
        RankingTask plain = TestTasks.titled("a", "b");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new TaxonomyScheme().assign(plain, DocIdOptions.defaults()));
        assertTrue(none.getMessage().contains("has no taxonomy"), none.getMessage());

        RankingTask partial = TestTasks.of(List.of(new Document("a", "", ""), new Document("b", "", "")), Map.of("a", List.of("x")));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new TaxonomyScheme().assign(partial, DocIdOptions.defaults()));
        assertTrue(missing.getMessage().contains("no path for 1 of 2 documents, e.g. [b]"), missing.getMessage());
    }

    @Test
    void textWordDuplicatesGetSuffix() {
        List<Document> documents = List.of(new Document("a", "Paris", ""), new Document("b", "paris!", ""),
                new Document("c", "Rome", ""), new Document("d", " ", "PARIS"));

        DocIds docIds = new TextScheme().assign(TestTasks.of(documents, null), DocIdOptions.defaults().withText("word", 8));

        // Vocabulary: <pad> 0, <unk> 1, paris 2 (three times), rome 3; then #0 4, #1 5, #2 6, <end> 7.
        assertEquals(8, docIds.vocabularySize());
        assertArrayEquals(new int[] {2, 4, 7}, docIds.tokens(0));
        assertArrayEquals(new int[] {2, 5, 7}, docIds.tokens(1));
        assertArrayEquals(new int[] {3, 7}, docIds.tokens(2));
        assertArrayEquals(new int[] {2, 6, 7}, docIds.tokens(3));
        assertEquals("paris #2 <end>", docIds.describe(3));
    }

    @Test
    void textCharactersKeepCaseAndCut() {
        RankingTask task = TestTasks.titled("Paris", "paris", "Parisian", "");

        DocIds docIds = new TextScheme().assign(task, DocIdOptions.defaults().withText("char", 5));

        assertEquals("P a r i s #0 <end>", docIds.describe(0));
        assertEquals("p a r i s <end>", docIds.describe(1));
        assertEquals("P a r i s #1 <end>", docIds.describe(2));
        assertEquals("<end>", docIds.describe(3));
    }

    @Test
    void registryFindsEveryScheme() {
        assertEquals(List.of("atomic", "random", "semantic", "sequential", "taxonomy", "text"), List.copyOf(DocIdSchemes.names()));
        for (String name : DocIdSchemes.names()) {
            assertEquals(name, DocIdSchemes.byName(name).name());
        }
    }

    @Test
    void unknownSchemeSuggestsClosest() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DocIdSchemes.byName("semntic"));

        assertEquals("Unknown docID scheme 'semntic'; known: atomic, random, semantic, sequential, taxonomy, text."
                + " Did you mean 'semantic'?", error.getMessage());
    }

    @Test
    void optionRangesChecked() {
        IllegalArgumentException base = assertThrows(IllegalArgumentException.class, () -> DocIdOptions.defaults().withBase(1));
        assertEquals("base must be in [2, 65536], got 1", base.getMessage());
        IllegalArgumentException tokenizer = assertThrows(IllegalArgumentException.class,
                () -> DocIdOptions.defaults().withText("bpe", 4));
        assertTrue(tokenizer.getMessage().contains("'char' or 'word', got 'bpe'"), tokenizer.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DocIdOptions.defaults().withSemantic(0, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> DocIdOptions.defaults().withText("char", 0));
        IllegalArgumentException taxonomy = assertThrows(IllegalArgumentException.class,
                () -> DocIdOptions.defaults().withTaxonomyTokens("index"));
        assertTrue(taxonomy.getMessage().contains("'label' or 'child-index', got 'index'"), taxonomy.getMessage());
    }

    @Test
    void docIdsAreImmutable() {
        DocIds docIds = new AtomicScheme().assign(TestTasks.titled("a", "b"), DocIdOptions.defaults());

        docIds.tokens(0)[0] = 1;
        docIds.all()[1][0] = 0;

        assertArrayEquals(new int[] {0}, docIds.tokens(0));
        assertArrayEquals(new int[] {1}, docIds.tokens(1));
    }
}
