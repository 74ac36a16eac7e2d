package org.arr.trie;

import java.util.Arrays;

/**
 * A prefix tree (trie) over docIDs: token sequences over a vocabulary {@code 0 .. V-1}, one per document.
 * Node {@code 0} is the root (the empty prefix). Every docID ends at a leaf, so the set of docIDs must be
 * prefix-free and free of duplicates; {@link #build} rejects anything else.
 *
 * <p>Nodes are dense integer ids with their children kept in flat primitive arrays (children of a node
 * sorted by token), so lookups allocate nothing. Instances are immutable.
 */
public final class PrefixTree {

    private final int vocabularySize;
    private final int[] parent;
    private final int[] childStart;
    private final int[] childToken;
    private final int[] childNode;
    private final int[] depth;
    private final int[] document;
    private final int[] leafOfDocument;
    private final int[] firstLeafRank;
    private final int[] leafCount;
    private final int[] documentsInLeafOrder;

    private PrefixTree(int vocabularySize, int[] parent, int[] childStart, int[] childToken, int[] childNode, int[] depth,
            int[] document, int[] leafOfDocument, int[] firstLeafRank, int[] leafCount, int[] documentsInLeafOrder) {
        this.vocabularySize = vocabularySize;
        this.parent = parent;
        this.childStart = childStart;
        this.childToken = childToken;
        this.childNode = childNode;
        this.depth = depth;
        this.document = document;
        this.leafOfDocument = leafOfDocument;
        this.firstLeafRank = firstLeafRank;
        this.leafCount = leafCount;
        this.documentsInLeafOrder = documentsInLeafOrder;
    }

    /**
     * Builds the trie of a set of docIDs; document {@code i} has docID {@code docIds[i]}.
     *
     * @throws IllegalArgumentException if a docID is empty, has a token outside {@code [0, V)}, equals
     *     another docID, or is a proper prefix of another docID
     */
    public static PrefixTree build(int[][] docIds, int vocabularySize) {
        int documents = docIds.length;
        Integer[] order = new Integer[documents];
        for (int i = 0; i < documents; i++) {
            order[i] = i;
            checkTokens(docIds[i], i, vocabularySize);
        }
        Arrays.sort(order, (a, b) -> Arrays.compare(docIds[a], docIds[b]));

        // Walking the docIDs in lexicographic order visits nodes in depth-first order, so a new node
        // starts wherever a docID leaves the path of the previous one.
        int[] nodeParent = new int[16];
        int[] nodeToken = new int[16];
        int[] nodeDepth = new int[16];
        int[] nodeDocument = new int[16];
        nodeParent[0] = -1;
        nodeToken[0] = -1;
        nodeDocument[0] = -1;
        int nodes = 1;
        int[] path = new int[1];
        int[] previous = new int[0];
        int[] leafOfDocument = new int[documents];
        for (int rank = 0; rank < documents; rank++) {
            int doc = order[rank];
            int[] tokens = docIds[doc];
            int common = commonPrefixLength(previous, tokens);
            // Sorted order puts a docID right before its duplicates and the docIDs it is a prefix of.
            if (rank > 0 && common == tokens.length) {
                throw new IllegalArgumentException("Duplicate docID " + Arrays.toString(tokens) + " for documents "
                        + order[rank - 1] + " and " + doc);
            }
            if (rank > 0 && common == previous.length) {
                throw new IllegalArgumentException("DocID " + Arrays.toString(previous) + " of document " + order[rank - 1]
                        + " is a prefix of the docID of document " + doc + "; docIDs must be prefix-free (append an end token)");
            }
            if (path.length < tokens.length + 1) {
                path = Arrays.copyOf(path, tokens.length + 1);
            }
            for (int level = common; level < tokens.length; level++) {
                if (nodes == nodeParent.length) {
                    int capacity = nodes * 2;
                    nodeParent = Arrays.copyOf(nodeParent, capacity);
                    nodeToken = Arrays.copyOf(nodeToken, capacity);
                    nodeDepth = Arrays.copyOf(nodeDepth, capacity);
                    nodeDocument = Arrays.copyOf(nodeDocument, capacity);
                }
                nodeParent[nodes] = path[level];
                nodeToken[nodes] = tokens[level];
                nodeDepth[nodes] = level + 1;
                nodeDocument[nodes] = -1;
                path[level + 1] = nodes;
                nodes++;
            }
            int leaf = path[tokens.length];
            nodeDocument[leaf] = doc;
            leafOfDocument[doc] = leaf;
            previous = tokens;
        }

        // A counting sort by parent puts each node's children in one contiguous range of slots.
        int[] childStart = new int[nodes + 1];
        for (int node = 1; node < nodes; node++) {
            childStart[nodeParent[node] + 1]++;
        }
        for (int node = 0; node < nodes; node++) {
            childStart[node + 1] += childStart[node];
        }
        int[] fill = Arrays.copyOf(childStart, nodes);
        int[] childToken = new int[Math.max(0, nodes - 1)];
        int[] childNode = new int[Math.max(0, nodes - 1)];
        for (int node = 1; node < nodes; node++) {
            int slot = fill[nodeParent[node]]++;
            childToken[slot] = nodeToken[node];
            childNode[slot] = node;
        }

        // Depth-first numbering makes the leaves under a node a contiguous range of leaf ranks.
        int[] firstLeafRank = new int[nodes];
        int[] leafCount = new int[nodes];
        int[] documentsInLeafOrder = new int[documents];
        Arrays.fill(firstLeafRank, -1);
        for (int rank = 0; rank < documents; rank++) {
            int doc = order[rank];
            documentsInLeafOrder[rank] = doc;
            for (int node = leafOfDocument[doc]; node >= 0; node = nodeParent[node]) {
                if (firstLeafRank[node] < 0) {
                    firstLeafRank[node] = rank;
                }
                leafCount[node]++;
            }
        }
        return new PrefixTree(vocabularySize, Arrays.copyOf(nodeParent, nodes), childStart, childToken, childNode, Arrays.copyOf(nodeDepth, nodes),
                Arrays.copyOf(nodeDocument, nodes), leafOfDocument, firstLeafRank, leafCount, documentsInLeafOrder);
    }

    private static void checkTokens(int[] tokens, int documentIndex, int vocabularySize) {
        if (tokens == null || tokens.length == 0) {
            throw new IllegalArgumentException("Empty docID for document " + documentIndex);
        }
        for (int token : tokens) {
            if (token < 0 || token >= vocabularySize) {
                throw new IllegalArgumentException("DocID token " + token + " of document " + documentIndex
                        + " is outside the vocabulary [0, " + vocabularySize + ")");
            }
        }
    }

    private static int commonPrefixLength(int[] a, int[] b) {
        int length = Math.min(a.length, b.length);
        int i = 0;
        while (i < length && a[i] == b[i]) {
            i++;
        }
        return i;
    }

    /** Returns the root node (the empty prefix). */
    public int root() {
        return 0;
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    public int nodeCount() {
        return depth.length;
    }

    public int documentCount() {
        return leafOfDocument.length;
    }

    /** Returns the number of tokens on the path from the root to a node. */
    public int depth(int node) {
        return depth[node];
    }

    /** Returns the child of a node reached by a token, or -1 when the token is not a valid continuation. */
    public int child(int node, int token) {
        int from = childStart[node];
        int to = childStart[node + 1];
        for (int slot = from; slot < to; slot++) {
            if (childToken[slot] == token) {
                return childNode[slot];
            }
        }
        return -1;
    }

    /** Returns the tokens that continue a node's prefix, in increasing order (a new array). */
    public int[] childTokens(int node) {
        int[] tokens = Arrays.copyOfRange(childToken, childStart[node], childStart[node + 1]);
        Arrays.sort(tokens);
        return tokens;
    }

    /** Returns the number of children of a node. */
    public int childCount(int node) {
        return childStart[node + 1] - childStart[node];
    }

    /** Returns the node of a prefix, or -1 when no docID starts with it. */
    public int nodeOf(int[] prefix) {
        int node = 0;
        for (int token : prefix) {
            node = child(node, token);
            if (node < 0) {
                return -1;
            }
        }
        return node;
    }

    /** Returns the tokens that continue a prefix: empty when the prefix is a full docID or not in the trie. */
    public int[] children(int[] prefix) {
        int node = nodeOf(prefix);
        return node < 0 ? new int[0] : childTokens(node);
    }

    /** Returns whether a sequence is exactly the docID of some document. */
    public boolean isValid(int[] sequence) {
        return documentOf(sequence) >= 0;
    }

    /** Returns the document whose docID is the sequence, or -1 when there is none. */
    public int documentOf(int[] sequence) {
        int node = nodeOf(sequence);
        return node < 0 ? -1 : document[node];
    }

    /** Returns the document at a leaf node, or -1 for an inner node. */
    public int documentAt(int node) {
        return document[node];
    }

    /** Returns the parent of a node, or -1 for the root. */
    public int parent(int node) {
        return parent[node];
    }

    /**
     * Returns the token that leads from a node's parent to the node.
     *
     * @throws IllegalArgumentException for the root
     */
    public int tokenInto(int node) {
        int from = parent[node];
        if (from < 0) {
            throw new IllegalArgumentException("The root has no incoming token");
        }
        for (int slot = childStart[from]; slot < childStart[from + 1]; slot++) {
            if (childNode[slot] == node) {
                return childToken[slot];
            }
        }
        throw new IllegalStateException("Node " + node + " is missing from its parent's children");
    }

    /** Returns the leaf node of a document. */
    public int leafOf(int documentIndex) {
        return leafOfDocument[documentIndex];
    }

    /** Returns the number of documents whose docID starts with the node's prefix. */
    public int documentCountUnder(int node) {
        return leafCount[node];
    }

    /** Returns the documents whose docID starts with the node's prefix, in lexicographic docID order. */
    public int[] documentsUnder(int node) {
        int from = firstLeafRank[node];
        return Arrays.copyOfRange(documentsInLeafOrder, from, from + leafCount[node]);
    }

    /**
     * Aggregates per-document mass up the tree: {@code mass[node] = sum of documentMass[d]} over the documents
     * {@code d} whose docID starts with the node's prefix. Token-level targets use ratios of these sums as trie
     * marginals {@code M(v | u) = mass[u.v] / mass[u]}.
     *
     * @param documentMass one non-negative value per document, indexed like the docIDs given to {@link #build}
     * @return one value per node
     * @throws IllegalArgumentException if the array length differs from the number of documents
     */
    public double[] aggregate(double[] documentMass) {
        if (documentMass.length != leafOfDocument.length) {
            throw new IllegalArgumentException("Expected " + leafOfDocument.length + " document masses, got "
                    + documentMass.length);
        }
        double[] mass = new double[depth.length];
        for (int doc = 0; doc < documentMass.length; doc++) {
            mass[leafOfDocument[doc]] = documentMass[doc];
        }

        // Nodes are numbered in depth-first order, so every child has a larger id than its parent.
        for (int node = mass.length - 1; node > 0; node--) {
            mass[parent[node]] += mass[node];
        }
        return mass;
    }

    /** Returns the maximum docID length. */
    public int maxDepth() {
        int max = 0;
        for (int d : depth) {
            max = Math.max(max, d);
        }
        return max;
    }
}
