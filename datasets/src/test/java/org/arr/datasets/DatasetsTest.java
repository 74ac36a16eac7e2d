package org.arr.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.arr.data.RankingTask;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    @Test
    void unknownNameSuggestsClosest() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("synthetik:complete", Map.of()));
        assertEquals("Unknown dataset 'synthetik'; known: beir, esci, limit-small, synthetic, trec, wordnet. "
                + "Did you mean 'synthetic'?", error.getMessage());
    }

    @Test
    void unknownOptionSuggestsClosest() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("synthetic:top-k", Map.of("kk", 3)));
        assertEquals("Unknown option 'kk' for dataset synthetic:top-k; allowed: k, n. Did you mean 'k'?",
                error.getMessage());
    }

    @Test
    void unknownOptionListsAllowedKeys() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("synthetic:complete", Map.of("size", 3)));
        assertEquals("Unknown option 'size' for dataset synthetic:complete; allowed: n", error.getMessage());
    }

    @Test
    void invalidOptionValueNamesOptionAndValue() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("synthetic:complete", Map.of("n", "abc")));
        assertEquals("Option 'n' of dataset synthetic:complete must be an integer >= 1, got 'abc'",
                error.getMessage());
    }

    @Test
    void optionsFromYamlAndCommandLineAgree() {
        RankingTask fromYaml = Datasets.load("synthetic:top-k", Map.of("n", 6, "k", 3));
        RankingTask fromText = Datasets.load("synthetic:top-k", Map.of("n", "6", "k", "3"));

        assertEquals(20, fromYaml.queries().size());
        assertEquals(fromYaml.queries().queries(), fromText.queries().queries());
    }

    @Test
    void syntheticKindsLoadWithDefaults() {
        assertEquals(24, Datasets.load("synthetic:complete", null).queries().size());
        assertEquals(1000, Datasets.load("synthetic:permutations", Map.of()).queries().size());
        assertEquals(1035, Datasets.load("synthetic:top-k", Map.of()).queries().size());
        assertEquals(5000, Datasets.load("synthetic:random", Map.of()).qrels().size());
    }

    @Test
    void unknownSyntheticKindListsKinds() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("synthetic:cube", Map.of()));
        assertTrue(error.getMessage().contains("synthetic:complete, synthetic:permutations"), error.getMessage());
    }

    @Test
    void optionAccessorsCheckTypes() {
        LoaderOptions options = new LoaderOptions("x", Map.of("flag", "TRUE", "size", 2.5, "names", List.of("a", "b")),
                List.of("flag", "size", "names"));

        assertTrue(options.booleanValue("flag", false));
        assertEquals(List.of("a", "b"), options.stringListValue("names", List.of()));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> options.intValue("size", 1, 1));
        assertEquals("Option 'size' of dataset x must be an integer >= 1, got '2.5'", error.getMessage());
    }
}
