package org.arr.docid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.data.Document;
import org.arr.data.RankingTask;
import org.junit.jupiter.api.Test;

class SemanticSchemeTest {

    private static final String[] PETS = {"cat", "kitten", "purr", "meow", "whiskers", "litter", "feline", "paw"};
    private static final String[] FINANCE = {"stock", "market", "bond", "equity", "dividend", "investor", "price", "trade"};

    /** Returns 40 documents: even positions draw words from PETS, odd positions from FINANCE. */
    private static RankingTask twoTopics(long seed) {
        Random random = new Random(seed);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String[] topic = i % 2 == 0 ? PETS : FINANCE;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 6; w++) {
                text.append(topic[random.nextInt(topic.length)]).append(' ');
            }
            documents.add(new Document("d" + i, "", text.toString()));
        }
        return TestTasks.of(documents, null);
    }

    @Test
    void twoTopicsSplitAtFirstToken() {
        DocIds docIds = new SemanticScheme().assign(twoTopics(1), DocIdOptions.defaults().withBase(2).withSeed(5));

        int petsToken = docIds.tokens(0)[0];
        int financeToken = docIds.tokens(1)[0];
        assertTrue(petsToken != financeToken);
        for (int i = 0; i < 40; i++) {
            assertEquals(i % 2 == 0 ? petsToken : financeToken, docIds.tokens(i)[0], "document " + i);
        }
    }

    /** With more clusters than topics, no first-level cluster mixes the two topics. */
    @Test
    void firstLevelClustersArePure() {
        DocIds docIds = new SemanticScheme().assign(twoTopics(2), DocIdOptions.defaults().withBase(4).withSeed(9));

        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 40; j++) {
                if (docIds.tokens(i)[0] == docIds.tokens(j)[0]) {
                    assertEquals(i % 2, j % 2, "documents " + i + " and " + j + " share a first token across topics");
                }
            }
        }
    }

    @Test
    void seedChangesDocIds() {
        RankingTask task = TestTasks.random(60, 4);
        DocIdOptions options = DocIdOptions.defaults().withBase(3).withSemantic(8, 100, 50);

        int[][] first = new SemanticScheme().assign(task, options.withSeed(1)).all();
        int[][] again = new SemanticScheme().assign(task, options.withSeed(1)).all();
        int[][] second = new SemanticScheme().assign(task, options.withSeed(2)).all();

        assertTrue(Arrays.deepEquals(first, again));
        assertFalse(Arrays.deepEquals(first, second));
    }

    @Test
    void precomputedVectorsClusterByPosition() {
        double[][] vectors = new double[12][];
        for (int i = 0; i < 12; i++) {
            double offset = i < 6 ? 0.0 : 100.0;
            vectors[i] = new double[] {offset + i * 0.1, offset - i * 0.1};
        }

        DocIds docIds = new SemanticScheme().assign(vectors, DocIdOptions.defaults().withBase(2).withSeed(3));

        for (int i = 0; i < 12; i++) {
            assertEquals(docIds.tokens(0)[0] == docIds.tokens(i)[0], i < 6, "document " + i);
        }
        assertEquals("precomputed", docIds.parameters().get("vectors"));
        assertEquals("<end>", docIds.tokenLabel(docIds.endToken().getAsInt()));
    }

    @Test
    void identicalVectorsStillUnique() {
        double[][] vectors = new double[30][];
        for (int i = 0; i < 30; i++) {
            vectors[i] = i == 29 ? new double[] {1.0, 0.0} : new double[] {-0.0, 0.0};
        }
        vectors[5] = new double[] {0.0, 0.0};

        DocIds docIds = new SemanticScheme().assign(vectors, DocIdOptions.defaults().withBase(3).withSeed(3));

        Set<String> distinct = new HashSet<>();
        for (int[] docId : docIds.all()) {
            distinct.add(Arrays.toString(docId));
        }
        assertEquals(30, distinct.size());
    }

    /** Vectors with many duplicates and near ties (small integer grids) still give a valid trie. */
    @Property(tries = 100)
    void gridVectorsGiveValidTrie(@ForAll @IntRange(min = 1, max = 60) int documents, @ForAll @IntRange(min = 2, max = 6) int base,
            @ForAll @IntRange(min = 1, max = 4) int values, @ForAll long seed) {
        Random random = new Random(seed);
        double[][] vectors = new double[documents][3];
        for (double[] vector : vectors) {
            for (int j = 0; j < vector.length; j++) {
                vector[j] = random.nextInt(values);
            }
        }

        DocIds docIds = new SemanticScheme().assign(vectors, DocIdOptions.defaults().withBase(base).withSeed(seed));

        assertEquals(documents, docIds.trie().documentCount());
        for (int i = 0; i < documents; i++) {
            assertEquals(i, docIds.trie().documentOf(docIds.tokens(i)));
        }
    }

    @Test
    void invalidVectorsRejected() {
        SemanticScheme scheme = new SemanticScheme();
        DocIdOptions options = DocIdOptions.defaults();

        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> scheme.assign(new double[][] {{1, 2}, {1}}, options));
        assertTrue(ragged.getMessage().contains("document 1 has dimension 1, expected 2"), ragged.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> scheme.assign(new double[][] {{1, Double.NaN}}, options));
        assertTrue(nan.getMessage().contains("non-finite"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> scheme.assign(new double[0][], options));
    }

    /** A corpus of the size of the WordNet task, with a few hundred distinct words, assigned in seconds. */
    @Test
    void threeThousandDocumentsValid() {
        Random random = new Random(8);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            int topic = random.nextInt(30);
            for (int w = 0; w < 12; w++) {
                text.append("w").append(topic * 10 + random.nextInt(10)).append(' ').append("n").append(random.nextInt(500)).append(' ');
            }
            documents.add(new Document("d" + i, "", text.toString()));
        }

        long start = System.nanoTime();
        DocIds docIds = new SemanticScheme().assign(TestTasks.of(documents, null), DocIdOptions.defaults());
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertEquals(3000, docIds.trie().documentCount());
        assertTrue(seconds < 60, "assignment took " + seconds + " s");
    }
}
