package org.arr.loss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.arr.trie.PrefixTree;

/**
 * SToICaL plus off-path prefix targets, a variant that reduces the teacher-forcing mismatch after the first
 * token. Teacher forcing only ever conditions on prefixes of relevant docIDs, but beam search also extends
 * prefixes one wrong token away from them. For each visited prefix {@code u} (a prefix of some relevant docID),
 * each child {@code u.v} that is an inner node with no relevant document below it ("off-path") gets one extra
 * sequence. It teacher-forces {@code u.v} and targets the valid-set prior {@code U(w | u.v) = n(u.v.w) / n(u.v)}
 * there, where {@code n} counts the documents below a node. The extra sequences of a query share
 * the weight {@code offPathWeight} equally; the SToICaL sequences keep their weights {@code pi(d)}:
 * {@code L(q) = L_stoical(q) + (offPathWeight / |O(q)|) sum_{o in O(q)} CE(U(. | o), p(. | q, o))}.
 *
 * <p>Assumes beam search leaves relevant paths one token at a time, so the off-path prefixes it keeps are children
 * of visited prefixes; there the model learns to keep its mass on valid continuations (fewer invalid docIDs in
 * unconstrained decoding) without preferring any non-relevant document. Where it can fail: prefixes two or more
 * tokens off-path stay untrained; wide tries add up to one sequence per off-path child of every visited prefix,
 * which grows training cost; and the prior at a prefix shared with another query's relevant path pulls against
 * that query's targets, with a strength set by {@code offPathWeight}. Atomic docIDs have no inner off-path
 * prefixes, so there it equals SToICaL.
 */
public final class StoicalOffPathLoss implements RankingLoss {

    public static final String NAME = "stoical-offpath";

    private final StoicalLoss stoical;
    private final double offPathWeight;

    /**
     * @throws IllegalArgumentException if a SToICaL parameter is invalid or {@code offPathWeight} is negative or
     *     not finite
     */
    public StoicalOffPathLoss(double alpha, double beta, Gain gain, double epsilon, double offPathWeight) {
        this.stoical = new StoicalLoss(alpha, beta, gain, epsilon);
        if (!(offPathWeight >= 0) || Double.isInfinite(offPathWeight)) {
            throw new IllegalArgumentException("loss.offPathWeight = " + offPathWeight + " is invalid; expected a finite value >= 0");
        }
        this.offPathWeight = offPathWeight;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TrainingSequence> sequences(GradedRelevance relevance, int[][] docIds, PrefixTree trie) {
        List<TrainingSequence> sequences = new ArrayList<>(stoical.sequences(relevance, docIds, trie));
        if (offPathWeight == 0) {
            return sequences;
        }

        boolean[] visited = new boolean[trie.nodeCount()];
        for (int j = 0; j < relevance.size(); j++) {
            for (int node = trie.leafOf(relevance.document(j)); node >= 0; node = trie.parent(node)) {
                visited[node] = true;
            }
        }
        List<int[]> offPath = new ArrayList<>();
        for (int node = 0; node < visited.length; node++) {
            if (!visited[node] || trie.childCount(node) == 0) {
                continue;
            }
            for (int token : trie.childTokens(node)) {
                int child = trie.child(node, token);
                if (!visited[child] && trie.childCount(child) > 0) {
                    offPath.add(new int[] {child});
                }
            }
        }

        double weight = offPathWeight / Math.max(1, offPath.size());
        for (int[] entry : offPath) {
            sequences.add(priorSequence(trie, entry[0], weight));
        }
        return sequences;
    }

    /** Teacher-forces the prefix of {@code node} and targets {@code U(. | node)} at the position after it. */
    private static TrainingSequence priorSequence(PrefixTree trie, int node, double weight) {
        int depth = trie.depth(node);
        int[] children = trie.childTokens(node);
        int[] docId = new int[depth + 1];
        for (int current = node; current != trie.root(); current = trie.parent(current)) {
            int parent = trie.parent(current);
            for (int token : trie.childTokens(parent)) {
                if (trie.child(parent, token) == current) {
                    docId[trie.depth(parent)] = token;
                    break;
                }
            }
        }
        docId[depth] = children[0];

        int[][] tokens = new int[depth + 1][];
        float[][] probabilities = new float[depth + 1][];
        Arrays.fill(tokens, new int[0]);
        Arrays.fill(probabilities, new float[0]);
        float[] prior = new float[children.length];
        for (int k = 0; k < children.length; k++) {
            prior[k] = (float) trie.documentCountUnder(trie.child(node, children[k])) / trie.documentCountUnder(node);
        }
        tokens[depth] = children;
        probabilities[depth] = prior;
        return new TrainingSequence(docId, weight, new TokenTargets(tokens, probabilities));
    }

    @Override
    public String toString() {
        return NAME + "(" + stoical + ", offPathWeight=" + offPathWeight + ")";
    }
}
