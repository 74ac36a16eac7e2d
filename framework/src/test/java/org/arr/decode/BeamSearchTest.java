package org.arr.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.model.ArrModel;
import org.arr.model.ArrModelConfig;
import org.arr.trie.PrefixTree;
import org.junit.jupiter.api.Test;

class BeamSearchTest {

    @Property(tries = 200)
    void fullWidthBeamEqualsExhaustiveRankingForLookupTable(@ForAll @IntRange(min = 0, max = 100000) int seed) {
        Random random = new Random(seed);
        int vocabulary = 2 + random.nextInt(4);
        PrefixTree trie = RandomTries.trie(random, vocabulary, 1 + random.nextInt(4), 40);
        LookupTableScorer scorer = new LookupTableScorer(vocabulary, seed);
        int[][] queries = {{1}, {2, 3}, {4, 5, 6}};
        int documents = trie.documentCount();

        List<List<Hypothesis>> beam = new BeamSearch(documents, documents, true).search(scorer, trie, queries);
        double[][] exhaustive = new ExhaustiveScorer(trie).score(scorer, queries);

        for (int q = 0; q < queries.length; q++) {
            int[] ranking = ExhaustiveScorer.ranking(exhaustive[q]);
            List<Hypothesis> hypotheses = beam.get(q);
            assertEquals(documents, hypotheses.size(), "query " + q);
            for (int rank = 0; rank < documents; rank++) {
                Hypothesis hypothesis = hypotheses.get(rank);
                assertEquals(ranking[rank], hypothesis.document(), "query " + q + " rank " + rank);
                assertEquals(exhaustive[q][ranking[rank]], hypothesis.logProbability(), 0.0, "query " + q + " rank " + rank);
            }
        }
    }

    @Property(tries = 8)
    void fullWidthBeamEqualsExhaustiveRankingForTransformer(@ForAll @IntRange(min = 0, max = 100000) int seed) {
        Random random = new Random(seed);
        int vocabulary = 2 + random.nextInt(4);
        PrefixTree trie = RandomTries.trie(random, vocabulary, 1 + random.nextInt(3), 30);
        ArrModelConfig config = new ArrModelConfig(10, vocabulary, 4, trie.maxDepth(), 1 + random.nextInt(2), 16, 2, 2, 0.0);
        int[][] queries = {{1, 2}, {3}, {4, 5, 6, 7}, {9, 0}};
        int documents = trie.documentCount();

        try (ArrModel model = ArrModel.create(config, seed)) {
            NextTokenScorer scorer = model.scorer(64);
            List<List<Hypothesis>> beam = new BeamSearch(documents, documents, true).search(scorer, trie, queries);
            double[][] exhaustive = new ExhaustiveScorer(trie).score(scorer, queries);

            // Beam steps and teacher forcing run different tensor shapes, so scores agree to float rounding only.
            for (int q = 0; q < queries.length; q++) {
                int[] ranking = ExhaustiveScorer.ranking(exhaustive[q]);
                List<Hypothesis> hypotheses = beam.get(q);
                assertEquals(documents, hypotheses.size());
                Set<Integer> returned = new HashSet<>();
                for (int rank = 0; rank < documents; rank++) {
                    Hypothesis hypothesis = hypotheses.get(rank);
                    returned.add(hypothesis.document());
                    assertEquals(exhaustive[q][ranking[rank]], hypothesis.logProbability(), 1e-4, "query " + q + " rank " + rank);
                    assertEquals(exhaustive[q][hypothesis.document()], hypothesis.logProbability(), 1e-4);
                }
                assertEquals(documents, returned.size());
            }
        }
    }

    @Property(tries = 100)
    void constrainedBeamReturnsOnlyDistinctDocIds(@ForAll @IntRange(min = 0, max = 100000) int seed,
            @ForAll @IntRange(min = 1, max = 6) int width) {
        Random random = new Random(seed);
        int vocabulary = 2 + random.nextInt(5);
        PrefixTree trie = RandomTries.trie(random, vocabulary, 1 + random.nextInt(4), 50);
        LookupTableScorer scorer = new LookupTableScorer(vocabulary, seed);
        List<List<Hypothesis>> results = new BeamSearch(width, width, true).search(scorer, trie, new int[][] {{1}, {2}});

        for (List<Hypothesis> hypotheses : results) {
            assertEquals(Math.min(width, trie.documentCount()), hypotheses.size());
            Set<Integer> documents = new HashSet<>();
            double previous = Double.POSITIVE_INFINITY;
            for (Hypothesis hypothesis : hypotheses) {
                assertTrue(hypothesis.isValid());
                assertEquals(hypothesis.document(), trie.documentOf(hypothesis.tokens()));
                assertTrue(documents.add(hypothesis.document()), "duplicate document " + hypothesis.document());
                assertTrue(hypothesis.logProbability() <= previous, "hypotheses must be sorted by logp");
                previous = hypothesis.logProbability();
            }
        }
        assertEquals(0.0, DecodingMetrics.invalidRate(results));
    }

    @Test
    void unconstrainedBeamReturnsInvalidSequences() {
        // docIDs [0,0] and [1,1]; p([1,0]) = .45, p([0,1]) = .4, p([0,0]) = .1, p([1,1]) = .05.
        PrefixTree trie = PrefixTree.build(new int[][] {{0, 0}, {1, 1}}, 2);
        LookupTableScorer scorer = new LookupTableScorer(2, 0)
                .fix(new int[0], 0.5, 0.5)
                .fix(new int[] {0}, 0.2, 0.8)
                .fix(new int[] {1}, 0.9, 0.1);
        int[][] queries = {{1}};

        List<Hypothesis> top = new BeamSearch(4, 4, false).search(scorer, trie, queries).get(0);
        assertEquals(4, top.size());
        assertArrayEquals(new int[] {1, 0}, top.get(0).tokens());
        assertEquals(-1, top.get(0).document());
        assertEquals(Math.log(0.45), top.get(0).logProbability(), 1e-6);
        assertArrayEquals(new int[] {0, 1}, top.get(1).tokens());
        assertEquals(-1, top.get(1).document());
        assertArrayEquals(new int[] {0, 0}, top.get(2).tokens());
        assertEquals(0, top.get(2).document());
        assertArrayEquals(new int[] {1, 1}, top.get(3).tokens());
        assertEquals(1, top.get(3).document());
        assertEquals(0.5, DecodingMetrics.invalidRate(List.of(top)), 1e-12);

        List<Hypothesis> top2 = new BeamSearch(2, 2, false).search(scorer, trie, queries).get(0);
        assertEquals(1.0, DecodingMetrics.invalidRate(List.of(top2)), 1e-12);

        List<Hypothesis> constrained = new BeamSearch(2, 2, true).search(scorer, trie, queries).get(0);
        assertEquals(0, constrained.get(0).document());
        assertEquals(Math.log(0.1), constrained.get(0).logProbability(), 1e-6);
        assertEquals(1, constrained.get(1).document());

        double[] scores = new ExhaustiveScorer(trie).score(scorer, queries)[0];
        assertEquals(0.85, DecodingMetrics.invalidMass(scores), 1e-6);
    }

    @Test
    void unconstrainedBeamStopsAtShortDocId() {
        // docIDs [0] and [1,0], [1,1]: generating token 0 first completes a docID after one step.
        PrefixTree trie = PrefixTree.build(new int[][] {{0}, {1, 0}, {1, 1}}, 2);
        LookupTableScorer scorer = new LookupTableScorer(2, 0)
                .fix(new int[0], 0.6, 0.4)
                .fix(new int[] {1}, 0.5, 0.5);
        List<Hypothesis> top = new BeamSearch(3, 3, false).search(scorer, trie, new int[][] {{1}}).get(0);
        assertArrayEquals(new int[] {0}, top.get(0).tokens());
        assertEquals(0, top.get(0).document());
        assertEquals(Math.log(0.6), top.get(0).logProbability(), 1e-6);
        assertEquals(Math.log(0.2), top.get(1).logProbability(), 1e-6);
        assertEquals(Math.log(0.2), top.get(2).logProbability(), 1e-6);
    }

    @Test
    void beamBatchesQueriesPerStep() {
        PrefixTree trie = PrefixTree.build(new int[][] {{0, 0, 1}, {0, 1, 0}, {1, 1, 1}}, 2);
        LookupTableScorer scorer = new LookupTableScorer(2, 5);
        new BeamSearch(2, 1, true).search(scorer, trie, new int[][] {{1}, {2}, {3}, {4}});
        assertEquals(3, scorer.calls);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BeamSearch(0, 1, true));
        IllegalArgumentException topK = assertThrows(IllegalArgumentException.class, () -> new BeamSearch(2, 3, true));
        assertEquals("Top-k must be in [1, beam width = 2], got 3", topK.getMessage());
        PrefixTree trie = PrefixTree.build(new int[][] {{0}, {1}}, 2);
        assertThrows(IllegalArgumentException.class,
                () -> new BeamSearch(2, 2, true).search(new LookupTableScorer(3, 0), trie, new int[][] {{1}}));
    }
}
