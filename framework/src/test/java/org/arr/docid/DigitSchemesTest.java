package org.arr.docid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.data.RankingTask;
import org.junit.jupiter.api.Test;

class DigitSchemesTest {

    @Test
    void sequentialDigitsByHand() {
        RankingTask task = TestTasks.random(11, 1);

        DocIds docIds = new SequentialScheme().assign(task, DocIdOptions.defaults().withBase(3));

        // 3^2 = 9 < 11 <= 27 = 3^3, so three digits; 7 = 0*9 + 2*3 + 1.
        assertEquals(3, docIds.maxLength());
        assertArrayEquals(new int[] {0, 0, 0}, docIds.tokens(0));
        assertArrayEquals(new int[] {0, 2, 1}, docIds.tokens(7));
        assertArrayEquals(new int[] {1, 0, 1}, docIds.tokens(10));
        assertEquals(3, docIds.vocabularySize());
        assertEquals("2", docIds.tokenLabel(2));
        assertEquals(Integer.valueOf(3), docIds.parameters().get("base"));
    }

    @Test
    void sequentialLengthAtPowersAndOne() {
        assertEquals(1, new SequentialScheme().assign(TestTasks.random(1, 1), DocIdOptions.defaults().withBase(2)).maxLength());
        assertEquals(2, new SequentialScheme().assign(TestTasks.random(9, 1), DocIdOptions.defaults().withBase(3)).maxLength());
        assertEquals(3, new SequentialScheme().assign(TestTasks.random(10, 1), DocIdOptions.defaults().withBase(3)).maxLength());
        assertEquals(1, new SequentialScheme().assign(TestTasks.random(10, 1), DocIdOptions.defaults().withBase(10)).maxLength());
    }

    /** The digits read back as a base-b number give the corpus position, at the smallest length L with b^L >= N. */
    @Property(tries = 200)
    void sequentialDigitsEncodePosition(@ForAll @IntRange(min = 1, max = 300) int documents,
            @ForAll @IntRange(min = 2, max = 17) int base) {
        DocIds docIds = new SequentialScheme().assign(TestTasks.random(documents, 7), DocIdOptions.defaults().withBase(base));

        int length = 1;
        while (Math.pow(base, length) < documents) {
            length++;
        }
        for (int i = 0; i < documents; i++) {
            int[] digits = docIds.tokens(i);
            assertEquals(length, digits.length);
            long value = 0;
            for (int digit : digits) {
                value = value * base + digit;
            }
            assertEquals(i, value);
        }
    }

    @Test
    void randomSameSeedSameDocIds() {
        RankingTask task = TestTasks.random(50, 3);
        DocIdOptions options = DocIdOptions.defaults().withBase(4).withSeed(11);

        assertTrue(Arrays.deepEquals(new RandomScheme().assign(task, options).all(), new RandomScheme().assign(task, options).all()));
    }

    @Test
    void randomSeedChangesDocIds() {
        RankingTask task = TestTasks.random(50, 3);

        int[][] first = new RandomScheme().assign(task, DocIdOptions.defaults().withBase(4).withSeed(1)).all();
        int[][] second = new RandomScheme().assign(task, DocIdOptions.defaults().withBase(4).withSeed(2)).all();

        assertFalse(Arrays.deepEquals(first, second));
    }

    /** Random docIDs are a reordering of the sequential ones: same set, same length. */
    @Property(tries = 100)
    void randomPermutesSequential(@ForAll @IntRange(min = 1, max = 200) int documents, @ForAll @IntRange(min = 2, max = 9) int base,
            @ForAll long seed) {
        RankingTask task = TestTasks.random(documents, 5);
        DocIdOptions options = DocIdOptions.defaults().withBase(base).withSeed(seed);

        assertEquals(asSet(new SequentialScheme().assign(task, options).all()), asSet(new RandomScheme().assign(task, options).all()));
    }

    @Test
    void atomicOneTokenPerDocument() {
        RankingTask task = TestTasks.titled("a", "b", "c");

        DocIds docIds = new AtomicScheme().assign(task, DocIdOptions.defaults());

        assertEquals(3, docIds.vocabularySize());
        assertArrayEquals(new int[] {2}, docIds.tokens(2));
        assertEquals("d1", docIds.tokenLabel(1));
        assertTrue(docIds.endToken().isEmpty());
    }

    private static Set<String> asSet(int[][] docIds) {
        Set<String> set = new HashSet<>();
        for (int[] docId : docIds) {
            set.add(Arrays.toString(docId));
        }
        return set;
    }
}
