package org.arr.loss;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arr.trie.PrefixTree;

/**
 * SToICaL (Simple Token-Item Calibrated Loss): graded relevance becomes item weights and token targets
 * marginalized over the docID prefix tree. For a query with relevant set {@code R+} and gain {@code g}:
 *
 * <ul>
 *   <li>item distribution {@code pi(d) = (1 - alpha) / |R+| + alpha g(rel(d)) / sum_{d' in R+} g(rel(d'))};
 *   <li>trie marginal at prefix {@code u}: {@code M(v | u) = pi(under u.v) / pi(under u)} over the children
 *       {@code v} of {@code u};
 *   <li>valid-set prior {@code U(v | u) = n(u.v) / n(u)}, with {@code n} the number of documents under a node:
 *       the next-token distribution of a uniform choice among all valid docIDs below {@code u};
 *   <li>target at step {@code i} of {@code t(d)}, prefix {@code u = t_<i(d)}:
 *       {@code y_i = (1 - epsilon) [(1 - beta) onehot(t_i(d)) + beta M(. | u)] + epsilon U(. | u)};
 *   <li>loss {@code L(q) = sum_{d in R+} pi(d) sum_i CE(y_i, p(. | q, u))}.
 * </ul>
 *
 * Every target puts mass only on children of {@code u}, so invalid continuations get none. With
 * {@code beta = epsilon = 0} the loss is the item-level {@code sum_d pi(d) (-log p(d | q))}, minimized over
 * distributions by {@code p(. | q) = pi}; for {@code epsilon = 0} any {@code beta} has that same minimizer,
 * because the average target at a prefix is {@code M} either way. With {@code alpha = beta = epsilon = 0} it is
 * next-token prediction. {@code epsilon} smooths only the prefixes of relevant docIDs (the visited
 * prefixes), so it keeps mass on valid docIDs near the relevant ones, not on every docID.
 *
 * <p>Marginals are computed once per visited prefix of a query and shared by the docIDs that pass through it.
 */
public final class StoicalLoss implements RankingLoss {

    public static final String NAME = "stoical";

    private final double alpha;
    private final double beta;
    private final double epsilon;
    private final Gain gain;

    /**
     * @throws IllegalArgumentException if {@code alpha}, {@code beta} or {@code epsilon} is outside {@code [0, 1]}
     */
    public StoicalLoss(double alpha, double beta, Gain gain, double epsilon) {
        checkUnit("alpha", alpha);
        checkUnit("beta", beta);
        checkUnit("epsilon", epsilon);
        this.alpha = alpha;
        this.beta = beta;
        this.epsilon = epsilon;
        this.gain = gain;
    }

    private static void checkUnit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("loss." + name + " = " + value + " is outside the allowed range [0, 1]");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Returns the item distribution {@code pi} over the relevant documents, in the order of {@code relevance}.
     *
     * @throws IllegalArgumentException if {@code alpha > 0} and every gain is 0, or a gain is negative or not finite
     */
    public double[] itemDistribution(GradedRelevance relevance) {
        int n = relevance.size();
        double[] gains = new double[n];
        double total = 0;
        for (int j = 0; j < n; j++) {
            gains[j] = gain.apply(relevance.grade(j));
            if (!(gains[j] >= 0) || Double.isInfinite(gains[j])) {
                throw new IllegalArgumentException("Gain of grade " + relevance.grade(j) + " is " + gains[j] + "; expected a finite value >= 0");
            }
            total += gains[j];
        }
        if (alpha > 0 && total == 0) {
            throw new IllegalArgumentException("Every relevant document of the query has gain 0, so loss.alpha = " + alpha
                    + " cannot weight them; use a gain that is positive for positive grades");
        }
        double[] pi = new double[n];
        for (int j = 0; j < n; j++) {
            pi[j] = (1 - alpha) / n + (alpha > 0 ? alpha * gains[j] / total : 0);
        }
        return pi;
    }

    @Override
    public List<TrainingSequence> sequences(GradedRelevance relevance, int[][] docIds, PrefixTree trie) {
        double[] pi = itemDistribution(relevance);
        double[] documentMass = new double[trie.documentCount()];
        for (int j = 0; j < relevance.size(); j++) {
            NtpLoss.docIds(docIds, relevance.document(j));
            documentMass[relevance.document(j)] += pi[j];
        }
        double[] nodeMass = beta > 0 ? trie.aggregate(documentMass) : null;
        Map<Integer, double[]> smoothing = new HashMap<>();

        List<TrainingSequence> sequences = new ArrayList<>(relevance.size());
        for (int j = 0; j < relevance.size(); j++) {
            int[] docId = docIds[relevance.document(j)];
            int[][] tokens = new int[docId.length][];
            float[][] probabilities = new float[docId.length][];
            int node = trie.root();
            for (int i = 0; i < docId.length; i++) {
                int[] children = trie.childTokens(node);
                double[] target = new double[children.length];
                double oneHot = (1 - epsilon) * (1 - beta);
                double[] marginal = beta > 0 ? marginal(trie, node, children, nodeMass) : null;
                double[] prior = epsilon > 0 ? smoothing.computeIfAbsent(node, u -> validPrior(trie, u, children)) : null;
                for (int k = 0; k < children.length; k++) {
                    if (children[k] == docId[i]) {
                        target[k] += oneHot;
                    }
                    if (marginal != null) {
                        target[k] += (1 - epsilon) * beta * marginal[k];
                    }
                    if (prior != null) {
                        target[k] += epsilon * prior[k];
                    }
                }
                setSparse(tokens, probabilities, i, children, target);
                node = trie.child(node, docId[i]);
                if (node < 0) {
                    throw new IllegalArgumentException("DocID of document " + relevance.document(j) + " is not in the trie");
                }
            }
            sequences.add(new TrainingSequence(docId, pi[j], new TokenTargets(tokens, probabilities)));
        }
        return sequences;
    }

    /** Returns {@code M(v | u)} per child; the node is on a relevant path, so its mass is positive. */
    private static double[] marginal(PrefixTree trie, int node, int[] children, double[] nodeMass) {
        double[] marginal = new double[children.length];
        for (int k = 0; k < children.length; k++) {
            marginal[k] = nodeMass[trie.child(node, children[k])] / nodeMass[node];
        }
        return marginal;
    }

    private static double[] validPrior(PrefixTree trie, int node, int[] children) {
        double[] prior = new double[children.length];
        for (int k = 0; k < children.length; k++) {
            prior[k] = (double) trie.documentCountUnder(trie.child(node, children[k])) / trie.documentCountUnder(node);
        }
        return prior;
    }

    /** Keeps the children with positive mass, renormalized in double so each position sums to 1 in float. */
    private static void setSparse(int[][] tokens, float[][] probabilities, int position, int[] children, double[] target) {
        int count = 0;
        double total = 0;
        for (double value : target) {
            if (value > 0) {
                count++;
                total += value;
            }
        }
        tokens[position] = new int[count];
        probabilities[position] = new float[count];
        int slot = 0;
        for (int k = 0; k < children.length; k++) {
            if (target[k] > 0) {
                tokens[position][slot] = children[k];
                probabilities[position][slot] = (float) (target[k] / total);
                slot++;
            }
        }
    }

    @Override
    public String toString() {
        return NAME + "(alpha=" + alpha + ", beta=" + beta + ", epsilon=" + epsilon + ")";
    }
}
