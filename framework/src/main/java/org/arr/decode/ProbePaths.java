package org.arr.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.arr.trie.PrefixTree;

/**
 * A small set of docID prefixes ("probes") whose teacher-forced positions cover every inner node of a trie:
 * one probe per inner node without inner children, ending at that node. Scoring the probes along their length
 * yields {@code p(. | q, u)} at every inner node {@code u}, hence {@code log p(d | q)} of every document, with
 * one row per probe instead of one per document.
 */
public final class ProbePaths {

    private final PrefixTree trie;
    private final int[][] probes;
    private final int[] sourceProbe;
    private final int[] nodeToken;

    public ProbePaths(PrefixTree trie) {
        this.trie = trie;
        int nodes = trie.nodeCount();
        this.nodeToken = new int[nodes];
        nodeToken[0] = -1;
        boolean[] hasInnerChild = new boolean[nodes];
        for (int node = 0; node < nodes; node++) {
            for (int token : trie.childTokens(node)) {
                int child = trie.child(node, token);
                nodeToken[child] = token;
                if (trie.childCount(child) > 0) {
                    hasInnerChild[node] = true;
                }
            }
        }

        // Every inner node lies on the path to some inner node without inner children.
        this.sourceProbe = new int[nodes];
        Arrays.fill(sourceProbe, -1);
        List<int[]> paths = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            if (trie.childCount(node) == 0 || hasInnerChild[node]) {
                continue;
            }
            int[] path = new int[trie.depth(node)];
            int probe = paths.size();
            for (int current = node; current >= 0; current = trie.parent(current)) {
                if (sourceProbe[current] < 0) {
                    sourceProbe[current] = probe;
                }
                if (current > 0) {
                    path[trie.depth(current) - 1] = nodeToken[current];
                }
            }
            paths.add(path);
        }
        this.probes = paths.toArray(new int[0][]);
    }

    public PrefixTree trie() {
        return trie;
    }

    /** Returns the number of probes. */
    public int size() {
        return probes.length;
    }

    /** Returns the probe paths (shared arrays: do not modify). */
    public int[][] paths() {
        return probes;
    }

    /** Returns the probe whose row scores inner node {@code node} (at position {@code depth(node)}), or -1 for a leaf. */
    public int sourceProbe(int node) {
        return sourceProbe[node];
    }

    /** Returns the token that leads from a node's parent to the node (-1 for the root). */
    public int token(int node) {
        return nodeToken[node];
    }
}
