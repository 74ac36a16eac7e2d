package org.arr.docid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns per-document token sequences that may repeat or be prefixes of one another ("bodies") into docIDs:
 * {@code body + END}, or {@code body + #j + END} for the {@code j}-th document (in corpus order) of a group
 * whose bodies are equal. The tokens {@code #0 .. #(G-1)} ({@code G} = size of the largest group) and
 * {@code END} follow the body vocabulary.
 *
 * <p>The result is prefix-free because {@code END} occurs only as the last token: a docID that were a proper
 * prefix of another would put {@code END} inside the longer one. It is unique because equal bodies get
 * different {@code #j} tokens.
 */
final class EndTokenDocIds {

    static final String END_LABEL = "<end>";

    private EndTokenDocIds() {
    }

    /**
     * Builds the docIDs.
     *
     * @param bodies token sequence per document over {@code 0 .. bodyLabels.length-1}; may be empty
     * @param bodyLabels display label per body token
     */
    static DocIds build(String scheme, Map<String, Object> parameters, int[][] bodies, String[] bodyLabels) {
        Map<TokenSequence, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < bodies.length; i++) {
            groups.computeIfAbsent(new TokenSequence(bodies[i]), key -> new ArrayList<>()).add(i);
        }
        int largestGroup = 0;
        for (List<Integer> group : groups.values()) {
            if (group.size() > 1) {
                largestGroup = Math.max(largestGroup, group.size());
            }
        }

        int firstSuffix = bodyLabels.length;
        int end = firstSuffix + largestGroup;
        String[] labels = Arrays.copyOf(bodyLabels, end + 1);
        for (int j = 0; j < largestGroup; j++) {
            labels[firstSuffix + j] = "#" + j;
        }
        labels[end] = END_LABEL;

        int[][] tokens = new int[bodies.length][];
        for (List<Integer> group : groups.values()) {
            for (int j = 0; j < group.size(); j++) {
                int document = group.get(j);
                int[] body = bodies[document];
                int suffixLength = group.size() > 1 ? 2 : 1;
                int[] docId = Arrays.copyOf(body, body.length + suffixLength);
                if (group.size() > 1) {
                    docId[body.length] = firstSuffix + j;
                }
                docId[docId.length - 1] = end;
                tokens[document] = docId;
            }
        }
        return DocIds.of(scheme, parameters, tokens, labels, end);
    }

    /** An int array compared by content, as a hash key. */
    private record TokenSequence(int[] tokens) {

        @Override
        public boolean equals(Object other) {
            return other instanceof TokenSequence sequence && Arrays.equals(tokens, sequence.tokens);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(tokens);
        }
    }
}
