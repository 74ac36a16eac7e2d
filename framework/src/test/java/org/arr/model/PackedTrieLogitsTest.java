package org.arr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.trie.PackedTrie;
import org.arr.trie.PrefixTree;

class PackedTrieLogitsTest {

    /** Returns prefix-free docIDs of length 1 .. maxDepth over {@code vocabulary} tokens (a random trie). */
    static int[][] randomDocIds(Random random, int vocabulary, int maxDepth) {
        List<int[]> out = new ArrayList<>();
        grow(random, new int[0], vocabulary, maxDepth, out);
        return out.toArray(new int[0][]);
    }

    private static void grow(Random random, int[] prefix, int vocabulary, int maxDepth, List<int[]> out) {
        if (prefix.length == maxDepth || (prefix.length > 0 && random.nextDouble() < 0.3)) {
            out.add(prefix);
            return;
        }
        // The first child is always kept, so every inner node has a child and every path ends at a docID.
        for (int token = 0; token < vocabulary; token++) {
            if (token == 0 || random.nextDouble() < 0.7) {
                int[] next = java.util.Arrays.copyOf(prefix, prefix.length + 1);
                next[prefix.length] = token;
                grow(random, next, vocabulary, maxDepth, out);
            }
        }
    }

    @Property(tries = 10)
    void packedRowMatchesOneRowPerPrefix(@ForAll @IntRange(min = 0, max = 100000) int seed) {
        Random random = new Random(seed);
        int vocabulary = 2 + random.nextInt(3);
        int maxDepth = 1 + random.nextInt(3);
        PrefixTree trie = PrefixTree.build(randomDocIds(random, vocabulary, maxDepth), vocabulary);
        PackedTrie packed = PackedTrie.of(trie);
        int[][] queries = {{1, 2, 3, 4}, {5}, {6, 7}};
        ArrModelConfig config = new ArrModelConfig(12, vocabulary, 6, maxDepth, 2, 16, 2, 2, 0.0);

        try (ArrModel model = ArrModel.create(config, seed);
                NDManager scope = model.manager().newSubManager()) {
            NDArray queryInput = ArrInputs.queries(scope, queries, 6);
            float[] trieLogits = model.trieLogits(queryInput, packed, false).toFloatArray();
            int slots = packed.slots();

            for (int slot = 0; slot < slots; slot++) {
                int node = packed.nodeAt(slot);
                int[] prefix = new int[trie.depth(node)];
                for (int current = node; current != trie.root(); current = trie.parent(current)) {
                    prefix[trie.depth(current) - 1] = trie.tokenInto(current);
                }
                int[][] prefixes = {prefix, prefix, prefix};
                NDArray chain = model.logits(queryInput, ArrInputs.docIds(scope, prefixes, prefix.length), false);
                for (int q = 0; q < queries.length; q++) {
                    float[] expected = chain.get(q).get(prefix.length).toFloatArray();
                    float[] actual = new float[vocabulary];
                    System.arraycopy(trieLogits, (q * slots + slot) * vocabulary, actual, 0, vocabulary);
                    assertArrayEquals(expected, actual, 1e-4f, "query " + q + ", slot " + slot);
                }
            }
        }
    }

    @Property(tries = 30)
    void slotsAreTheInnerNodesWithTheirAncestors(@ForAll @IntRange(min = 0, max = 100000) int seed) {
        Random random = new Random(seed);
        PrefixTree trie = PrefixTree.build(randomDocIds(random, 2 + random.nextInt(3), 1 + random.nextInt(4)), 5);
        PackedTrie packed = PackedTrie.of(trie);
        int slots = packed.slots();
        long[] ancestors = packed.ancestorSlots();
        boolean[] mask = packed.ancestorMask();
        int width = packed.ancestorWidth();
        long[] depths = packed.depths();
        int[] tokens = packed.inputTokens();

        int inner = 0;
        for (int node = 0; node < trie.nodeCount(); node++) {
            inner += trie.childCount(node) > 0 ? 1 : 0;
            assertEquals(trie.childCount(node) > 0, packed.slotOf(node) >= 0, "node " + node);
        }
        assertEquals(inner, slots);
        assertEquals(slots - 1, tokens.length);
        assertEquals(trie.root(), packed.nodeAt(0));

        for (int i = 0; i < slots; i++) {
            int node = packed.nodeAt(i);
            assertEquals(trie.depth(node), depths[i]);
            if (i > 0) {
                assertEquals(trie.tokenInto(node), tokens[i - 1]);
            }
            for (int j = 0; j < width; j++) {
                boolean real = j <= trie.depth(node);
                assertEquals(real, mask[i * width + j], "slot " + i + ", column " + j);
                if (real) {
                    int ancestor = packed.nodeAt((int) ancestors[i * width + j]);
                    assertEquals(j, trie.depth(ancestor));
                    int walk = node;
                    while (trie.depth(walk) > j) {
                        walk = trie.parent(walk);
                    }
                    assertEquals(walk, ancestor, "slot " + i + ", column " + j);
                }
            }
        }
    }
}
