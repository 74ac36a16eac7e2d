package org.arr.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.arr.trie.PrefixTree;

/**
 * Batched beam search over docIDs, ordered by {@code log p(t | q) = sum_i log p(t_i | q, t_<i)}.
 *
 * <p>Each step scores the unfinished hypotheses of every query in one {@link NextTokenScorer} call. The
 * candidates of a query are its finished hypotheses plus every allowed one-token extension of its unfinished
 * ones; the best {@code beamWidth} of them form the next beam. The search stops when every kept hypothesis is
 * finished, which happens after at most {@code L} steps, where {@code L} is the maximum docID length.
 *
 * <ul>
 *   <li><b>Constrained</b>: only children of the hypothesis' trie node are allowed, and a hypothesis finishes
 *       at a leaf, so every output is a docID. Frontier prefixes cover disjoint sets of documents, so with
 *       {@code beamWidth >= number of documents} nothing is ever pruned and the result is the exact ranking.
 *   <li><b>Unconstrained</b>: every token is allowed at every step. A hypothesis finishes when its tokens form
 *       a docID or when it reaches length {@code L}; a finished sequence that is not a docID is an invalid output
 *       ({@link Hypothesis#document()} is -1).
 * </ul>
 *
 * Equal scores keep the candidate generated first (finished hypotheses, then extensions in beam and token
 * order).
 */
public final class BeamSearch {

    private final int beamWidth;
    private final int topK;
    private final boolean constrained;

    /**
     * @param beamWidth hypotheses kept per query and step
     * @param topK hypotheses returned per query, at most {@code beamWidth}
     * @param constrained whether only docID prefixes may be generated
     * @throws IllegalArgumentException if {@code beamWidth < 1} or {@code topK} is outside {@code [1, beamWidth]}
     */
    public BeamSearch(int beamWidth, int topK, boolean constrained) {
        if (beamWidth < 1) {
            throw new IllegalArgumentException("Beam width must be >= 1, got " + beamWidth);
        }
        if (topK < 1 || topK > beamWidth) {
            throw new IllegalArgumentException("Top-k must be in [1, beam width = " + beamWidth + "], got " + topK);
        }
        this.beamWidth = beamWidth;
        this.topK = topK;
        this.constrained = constrained;
    }

    public int beamWidth() {
        return beamWidth;
    }

    public int topK() {
        return topK;
    }

    public boolean constrained() {
        return constrained;
    }

    /**
     * Decodes the top-k docIDs of every query.
     *
     * @param queries per query, its token ids
     * @return per query, at most {@code topK} hypotheses, best first
     * @throws IllegalArgumentException if the scorer's vocabulary differs from the trie's
     * @throws IllegalStateException if the scorer returns a NaN log-probability
     */
    public List<List<Hypothesis>> search(NextTokenScorer scorer, PrefixTree trie, int[][] queries) {
        if (scorer.vocabularySize() != trie.vocabularySize()) {
            throw new IllegalArgumentException("Scorer vocabulary " + scorer.vocabularySize()
                    + " differs from the docID vocabulary " + trie.vocabularySize());
        }
        int vocabulary = trie.vocabularySize();
        int maxLength = trie.maxDepth();
        int[][] childTokens = new int[trie.nodeCount()][];
        Beam[] beams = new Beam[queries.length];
        for (int q = 0; q < queries.length; q++) {
            beams[q] = Beam.start(trie.root());
        }

        for (int step = 0; step < maxLength; step++) {
            int active = 0;
            for (Beam beam : beams) {
                active += beam.activeCount();
            }
            if (active == 0) {
                break;
            }

            // One scorer call for the unfinished hypotheses of all queries.
            int[][] rowQueries = new int[active][];
            int[][] rowPrefixes = new int[active][];
            int row = 0;
            for (int q = 0; q < queries.length; q++) {
                Beam beam = beams[q];
                for (int h = 0; h < beam.size; h++) {
                    if (!beam.finished[h]) {
                        rowQueries[row] = queries[q];
                        rowPrefixes[row] = beam.tokens[h];
                        row++;
                    }
                }
            }
            float[][] logProbabilities = scorer.nextTokenLogProbabilities(rowQueries, rowPrefixes);

            row = 0;
            for (int q = 0; q < queries.length; q++) {
                Beam beam = beams[q];
                int rows = beam.activeCount();
                beams[q] = advance(beam, logProbabilities, row, trie, childTokens, vocabulary, maxLength);
                row += rows;
            }
        }

        List<List<Hypothesis>> results = new ArrayList<>(queries.length);
        for (Beam beam : beams) {
            // Every kept hypothesis is finished here unless the trie is empty (no documents, no steps).
            List<Hypothesis> top = new ArrayList<>(Math.min(topK, beam.size));
            for (int h = 0; h < beam.size && top.size() < topK; h++) {
                if (beam.finished[h]) {
                    top.add(new Hypothesis(beam.tokens[h], beam.logp[h], beam.document[h]));
                }
            }
            results.add(List.copyOf(top));
        }
        return results;
    }

    private Beam advance(Beam beam, float[][] logProbabilities, int firstRow, PrefixTree trie, int[][] childTokens,
            int vocabulary, int maxLength) {
        int capacity = 0;
        for (int h = 0; h < beam.size; h++) {
            capacity += beam.finished[h] ? 1 : (constrained ? children(trie, childTokens, beam.node[h]).length : vocabulary);
        }
        int[] parent = new int[capacity];
        int[] token = new int[capacity];
        double[] score = new double[capacity];
        int count = 0;

        // Finished hypotheses compete with the extensions; they come first so they win ties.
        for (int h = 0; h < beam.size; h++) {
            if (beam.finished[h]) {
                parent[count] = h;
                token[count] = -1;
                score[count] = beam.logp[h];
                count++;
            }
        }
        int row = firstRow;
        for (int h = 0; h < beam.size; h++) {
            if (beam.finished[h]) {
                continue;
            }
            float[] next = logProbabilities[row++];
            if (constrained) {
                for (int v : children(trie, childTokens, beam.node[h])) {
                    parent[count] = h;
                    token[count] = v;
                    score[count] = beam.logp[h] + next[v];
                    count++;
                }
            } else {
                for (int v = 0; v < vocabulary; v++) {
                    parent[count] = h;
                    token[count] = v;
                    score[count] = beam.logp[h] + next[v];
                    count++;
                }
            }
        }

        int[] kept = TopK.select(score, count, beamWidth);
        Beam result = new Beam(kept.length);
        for (int candidate : kept) {
            int h = parent[candidate];
            if (token[candidate] < 0) {
                result.add(beam.tokens[h], beam.logp[h], beam.node[h], beam.document[h], true);
                continue;
            }
            int[] tokens = Arrays.copyOf(beam.tokens[h], beam.tokens[h].length + 1);
            tokens[tokens.length - 1] = token[candidate];
            int node = beam.node[h] < 0 ? -1 : trie.child(beam.node[h], token[candidate]);
            int document = node < 0 ? -1 : trie.documentAt(node);
            boolean finished = document >= 0 || tokens.length >= maxLength;
            result.add(tokens, score[candidate], node, document, finished);
        }
        return result;
    }

    private static int[] children(PrefixTree trie, int[][] cache, int node) {
        if (cache[node] == null) {
            cache[node] = trie.childTokens(node);
        }
        return cache[node];
    }

    /** Hypotheses of one query, best first after every step. */
    private static final class Beam {
        final int[][] tokens;
        final double[] logp;
        final int[] node;
        final int[] document;
        final boolean[] finished;
        int size;

        Beam(int capacity) {
            tokens = new int[capacity][];
            logp = new double[capacity];
            node = new int[capacity];
            document = new int[capacity];
            finished = new boolean[capacity];
        }

        static Beam start(int root) {
            Beam beam = new Beam(1);
            beam.add(new int[0], 0.0, root, -1, false);
            return beam;
        }

        void add(int[] hypothesisTokens, double logProbability, int trieNode, int documentIndex, boolean done) {
            tokens[size] = hypothesisTokens;
            logp[size] = logProbability;
            node[size] = trieNode;
            document[size] = documentIndex;
            finished[size] = done;
            size++;
        }

        int activeCount() {
            int active = 0;
            for (int h = 0; h < size; h++) {
                if (!finished[h]) {
                    active++;
                }
            }
            return active;
        }
    }
}
