package org.arr.docid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.constraints.IntRange;
import org.arr.data.RankingTask;

/** Every scheme gives valid, unique, prefix-free docIDs on random corpora, checked by brute force. */
class DocIdSchemePropertiesTest {

    @Provide
    Arbitrary<String> schemeNames() {
        return Arbitraries.of(DocIdSchemes.names());
    }

    @Property(tries = 300)
    void docIdsUniqueAndPrefixFree(@ForAll("schemeNames") String scheme, @ForAll @IntRange(min = 1, max = 40) int documents,
            @ForAll @IntRange(min = 2, max = 5) int base, @ForAll long seed, @ForAll boolean wordTokens,
            @ForAll boolean childIndex) {
        RankingTask task = TestTasks.random(documents, seed);
        DocIdOptions options = DocIdOptions.defaults().withBase(base).withSeed(seed)
                .withSemantic(4, 50, 20).withText(wordTokens ? "word" : "char", 5)
                .withTaxonomyTokens(childIndex ? "child-index" : "label");

        DocIds docIds = DocIdSchemes.byName(scheme).assign(task, options);

        int[][] all = docIds.all();
        assertEquals(documents, all.length);
        assertEquals(scheme, docIds.scheme());
        int maxLength = 0;
        for (int i = 0; i < documents; i++) {
            assertTrue(all[i].length > 0, "empty docID of document " + i);
            for (int token : all[i]) {
                assertTrue(token >= 0, "negative token in " + Arrays.toString(all[i]));
                assertTrue(token < docIds.vocabularySize(), "token beyond V in " + Arrays.toString(all[i]));
            }
            maxLength = Math.max(maxLength, all[i].length);
        }
        assertEquals(maxLength, docIds.maxLength());

        for (int i = 0; i < documents; i++) {
            for (int j = 0; j < documents; j++) {
                if (i != j) {
                    assertFalse(isPrefix(all[i], all[j]), "docID " + Arrays.toString(all[i]) + " of document " + i
                            + " is a prefix of (or equal to) " + Arrays.toString(all[j]) + " of document " + j);
                }
            }
            assertEquals(i, docIds.trie().documentOf(all[i]));
        }

        if (docIds.endToken().isPresent()) {
            int end = docIds.endToken().getAsInt();
            for (int[] docId : all) {
                assertEquals(end, docId[docId.length - 1]);
                for (int position = 0; position < docId.length - 1; position++) {
                    assertTrue(docId[position] != end, "end token inside " + Arrays.toString(docId));
                }
            }
        }
    }

    /** Same task and options give the same docIDs for every scheme. */
    @Property(tries = 60)
    void assignmentIsDeterministic(@ForAll("schemeNames") String scheme, @ForAll @IntRange(min = 1, max = 30) int documents,
            @ForAll long seed) {
        RankingTask task = TestTasks.random(documents, seed);
        DocIdOptions options = DocIdOptions.defaults().withBase(3).withSeed(seed).withSemantic(4, 50, 20);

        int[][] first = DocIdSchemes.byName(scheme).assign(task, options).all();
        int[][] second = DocIdSchemes.byName(scheme).assign(task, options).all();

        assertTrue(Arrays.deepEquals(first, second), scheme);
    }

    private static boolean isPrefix(int[] prefix, int[] sequence) {
        if (prefix.length > sequence.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (prefix[k] != sequence[k]) {
                return false;
            }
        }
        return true;
    }
}
