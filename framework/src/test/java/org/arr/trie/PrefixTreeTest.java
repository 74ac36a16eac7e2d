package org.arr.trie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PrefixTreeTest {

    @Test
    void smallTrieAnswersQueries() {
        int[][] docIds = {{0, 1}, {0, 2}, {1, 0}};
        PrefixTree trie = PrefixTree.build(docIds, 3);

        assertArrayEquals(new int[] {0, 1}, trie.children(new int[0]));
        assertArrayEquals(new int[] {1, 2}, trie.children(new int[] {0}));
        assertArrayEquals(new int[0], trie.children(new int[] {0, 1}));
        assertArrayEquals(new int[0], trie.children(new int[] {2}));
        assertEquals(1, trie.documentOf(new int[] {0, 2}));
        assertEquals(-1, trie.documentOf(new int[] {0}));
        assertFalse(trie.isValid(new int[] {1}));
        assertTrue(trie.isValid(new int[] {1, 0}));
        assertEquals(6, trie.nodeCount());
        assertEquals(2, trie.documentCountUnder(trie.nodeOf(new int[] {0})));
    }

    @Test
    void duplicateDocIdRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PrefixTree.build(new int[][] {{1, 2}, {1, 2}}, 3));
        assertTrue(error.getMessage().contains("Duplicate docID [1, 2]"), error.getMessage());
    }

    @Test
    void prefixDocIdRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PrefixTree.build(new int[][] {{1, 2, 0}, {1}}, 3));
        assertTrue(error.getMessage().contains("prefix-free"), error.getMessage());
    }

    @Test
    void tokenOutsideVocabularyRejected() {
        assertThrows(IllegalArgumentException.class, () -> PrefixTree.build(new int[][] {{3}}, 3));
    }

    /** Random prefix-free sets: every trie lookup returns what a brute-force scan over the docIDs returns. */
    @Property(tries = 200)
    void trieMatchesBruteForce(@ForAll @IntRange(min = 1, max = 40) int documents,
            @ForAll @IntRange(min = 2, max = 4) int vocabulary, @ForAll long seed) {
        int[][] docIds = randomPrefixFreeDocIds(documents, vocabulary, new Random(seed));
        PrefixTree trie = PrefixTree.build(docIds, vocabulary);

        Set<String> prefixes = new LinkedHashSet<>();
        for (int[] docId : docIds) {
            for (int length = 0; length <= docId.length; length++) {
                prefixes.add(Arrays.toString(Arrays.copyOf(docId, length)));
            }
        }
        assertEquals(prefixes.size(), trie.nodeCount());

        for (int doc = 0; doc < docIds.length; doc++) {
            int[] docId = docIds[doc];
            assertEquals(doc, trie.documentOf(docId));
            for (int length = 0; length < docId.length; length++) {
                int[] prefix = Arrays.copyOf(docId, length);
                assertArrayEquals(bruteForceChildren(docIds, prefix), trie.children(prefix));
                assertEquals(-1, trie.documentOf(prefix));
                assertEquals(bruteForceCountUnder(docIds, prefix), trie.documentCountUnder(trie.nodeOf(prefix)));
            }
        }

        double[] mass = new double[documents];
        for (int doc = 0; doc < documents; doc++) {
            mass[doc] = doc + 1;
        }
        double[] aggregated = trie.aggregate(mass);
        for (int[] docId : docIds) {
            int[] prefix = Arrays.copyOf(docId, docId.length / 2);
            double expected = 0;
            for (int doc = 0; doc < documents; doc++) {
                if (startsWith(docIds[doc], prefix)) {
                    expected += mass[doc];
                }
            }
            assertEquals(expected, aggregated[trie.nodeOf(prefix)], 1e-9);
            int[] under = trie.documentsUnder(trie.nodeOf(prefix));
            assertEquals(bruteForceCountUnder(docIds, prefix), under.length);
            for (int doc : under) {
                assertTrue(startsWith(docIds[doc], prefix));
            }
        }
    }

    /** Fixed-length random sequences are prefix-free as long as they are distinct. */
    private static int[][] randomPrefixFreeDocIds(int documents, int vocabulary, Random random) {
        int length = 1;
        while (Math.pow(vocabulary, length) < documents) {
            length++;
        }
        length += random.nextInt(2);
        Set<String> seen = new TreeSet<>();
        List<int[]> docIds = new ArrayList<>();
        while (docIds.size() < documents) {
            int[] docId = new int[length];
            for (int i = 0; i < length; i++) {
                docId[i] = random.nextInt(vocabulary);
            }
            if (seen.add(Arrays.toString(docId))) {
                docIds.add(docId);
            }
        }
        return docIds.toArray(new int[0][]);
    }

    private static int[] bruteForceChildren(int[][] docIds, int[] prefix) {
        TreeSet<Integer> children = new TreeSet<>();
        for (int[] docId : docIds) {
            if (docId.length > prefix.length && startsWith(docId, prefix)) {
                children.add(docId[prefix.length]);
            }
        }
        return children.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int bruteForceCountUnder(int[][] docIds, int[] prefix) {
        int count = 0;
        for (int[] docId : docIds) {
            if (startsWith(docId, prefix)) {
                count++;
            }
        }
        return count;
    }

    private static boolean startsWith(int[] sequence, int[] prefix) {
        return sequence.length >= prefix.length && Arrays.equals(Arrays.copyOf(sequence, prefix.length), prefix);
    }
}
