package org.arr.trie;

import java.util.Arrays;

/**
 * The inner nodes of a {@link PrefixTree} laid out as one teacher-forced input row, so that a single forward pass
 * of a causal model yields the next-token distribution {@code p(. | q, u)} at every inner node {@code u}.
 *
 * <p>Slot 0 is the root (the separator position of the model input); slots {@code 1 .. I} are the other inner nodes
 * in depth-first order, each holding the token that leads to it from its parent. Slot {@code k} attends to the query
 * and to the slots of its ancestors and itself ({@link #ancestorSlots}), and its position is the node's depth. The
 * hidden state at slot {@code k} then equals the one at the last position of the ordinary row
 * {@code [query, SEP, path to k]}, so one row of {@code |query| + 1 + I} tokens, each attending to at most
 * {@code |query| + A} keys, computes the logits of every inner node.
 *
 * <p>Instances are immutable, and every array they return is a copy.
 */
public final class PackedTrie {

    private final PrefixTree trie;
    private final int[] slotNode;
    private final int[] nodeSlot;
    private final int[] tokens;
    private final long[] depths;
    private final int ancestorWidth;
    private final long[] ancestors;
    private final boolean[] ancestorMask;

    private PackedTrie(PrefixTree trie, int[] slotNode, int[] nodeSlot) {
        this.trie = trie;
        this.slotNode = slotNode;
        this.nodeSlot = nodeSlot;
        int slots = slotNode.length;

        this.tokens = new int[slots - 1];
        this.depths = new long[slots];
        int deepest = 0;
        for (int k = 0; k < slots; k++) {
            int node = slotNode[k];
            depths[k] = trie.depth(node);
            deepest = Math.max(deepest, trie.depth(node));
            if (k > 0) {
                tokens[k - 1] = trie.tokenInto(node);
            }
        }

        // Row k lists the slots of the root .. node k at columns 0 .. depth. Later columns point to slot 0 and are masked.
        this.ancestorWidth = deepest + 1;
        this.ancestors = new long[slots * ancestorWidth];
        this.ancestorMask = new boolean[slots * ancestorWidth];
        for (int k = 0; k < slots; k++) {
            for (int node = slotNode[k]; node >= 0; node = trie.parent(node)) {
                int column = k * ancestorWidth + trie.depth(node);
                ancestors[column] = nodeSlot[node];
                ancestorMask[column] = true;
            }
        }
    }

    /**
     * Packs the inner nodes of a trie.
     *
     * @throws IllegalArgumentException if the trie has no documents
     */
    public static PackedTrie of(PrefixTree trie) {
        if (trie.childCount(trie.root()) == 0) {
            throw new IllegalArgumentException("Cannot pack an empty trie: it has no documents");
        }
        int[] nodeSlot = new int[trie.nodeCount()];
        Arrays.fill(nodeSlot, -1);
        int[] slotNode = new int[trie.nodeCount()];
        int slots = 0;

        // Node ids follow depth-first order, so every parent gets its slot before its children.
        for (int node = 0; node < trie.nodeCount(); node++) {
            if (trie.childCount(node) > 0) {
                nodeSlot[node] = slots;
                slotNode[slots++] = node;
            }
        }
        return new PackedTrie(trie, Arrays.copyOf(slotNode, slots), nodeSlot);
    }

    public PrefixTree trie() {
        return trie;
    }

    /** Returns the number of slots {@code I + 1}: the root and the other inner nodes. */
    public int slots() {
        return slotNode.length;
    }

    /** Returns the input tokens of slots {@code 1 .. I}, the row that follows the separator. */
    public int[] inputTokens() {
        return tokens.clone();
    }

    /** Returns the depth of every slot's node, {@code 0} for the root. */
    public long[] depths() {
        return depths.clone();
    }

    /** Returns {@code A}, the depth of the deepest inner node plus one: the columns of {@link #ancestorSlots}. */
    public int ancestorWidth() {
        return ancestorWidth;
    }

    /**
     * Returns the row-major {@code [slots, A]} table whose row {@code k} contains, at column {@code j}, the slot of the
     * ancestor of slot {@code k}'s node at depth {@code j} (the node itself at its own depth), and 0 past it.
     */
    public long[] ancestorSlots() {
        return ancestors.clone();
    }

    /** Returns the row-major {@code [slots, A]} mask of {@link #ancestorSlots}: {@code true} at real entries. */
    public boolean[] ancestorMask() {
        return ancestorMask.clone();
    }

    /** Returns the slot of an inner node, or -1 for a leaf. */
    public int slotOf(int node) {
        return nodeSlot[node];
    }

    /** Returns the trie node of a slot. */
    public int nodeAt(int slot) {
        return slotNode[slot];
    }
}
