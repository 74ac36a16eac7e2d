package org.arr.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arr.data.Corpus;
import org.arr.data.Document;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;
import org.arr.decode.BeamSearch;
import org.arr.decode.ExhaustiveScorer;
import org.arr.decode.NextTokenScorer;
import org.arr.model.ArrModel;
import org.arr.model.ArrModelConfig;
import org.arr.model.cross.CrossEncoder;
import org.arr.model.cross.CrossEncoderConfig;
import org.arr.model.cross.CrossEncoderRanker;
import org.arr.model.cross.PairScorer;
import org.arr.model.dual.DualEncoder;
import org.arr.model.dual.DualEncoderConfig;
import org.arr.model.dual.DualEncoderRanker;
import org.arr.model.dual.Side;
import org.arr.model.dual.Similarity;
import org.arr.model.dual.TextEmbedder;
import org.arr.model.encoder.Pooling;
import org.arr.trie.PrefixTree;
import org.junit.jupiter.api.Test;

/** The counting decorators must record exactly the rows that reach the model, whatever the batching. */
class CostCountersTest {

    private static final int[][] DOCUMENTS = {{2, 3}, {4}, {5, 6, 7}, {8}, {9, 10}, {11, 2, 3}};
    private static final int[][] QUERIES = {{2}, {4, 5}, {6, 7, 8}};
    private static final List<String> QUERY_IDS = List.of("q0", "q1", "q2");

    @Test
    void dualEncoderCountsCorpusOnceAndOnePassPerQuery() {
        DualEncoderConfig config = new DualEncoderConfig(12, 4, 4, 1, 8, 2, 2, 0.0, Pooling.MEAN, 4, false, Similarity.DOT, 1.0);
        try (DualEncoder model = DualEncoder.create(config, 1)) {
            SpyEmbedder spy = new SpyEmbedder(model.embedder(4));
            CostMeter meter = new CostMeter();
            DualEncoderRanker ranker = new DualEncoderRanker(new CountingTextEmbedder(spy, meter), DOCUMENTS, ids());
            ranker.rank(QUERY_IDS, QUERIES, 3, "de");

            assertEquals(DOCUMENTS.length + QUERIES.length, spy.rows);
            assertEquals(spy.rows, meter.forwardPasses());
            assertEquals(spy.flops, meter.flops(), 1e-6 * spy.flops);
            RankingCost cost = meter.perQuery(QUERIES.length, 3_000_000L);
            assertEquals(1.0 + (double) DOCUMENTS.length / QUERIES.length, cost.forwardPassesPerQuery(), 1e-12);
            assertEquals(1.0, cost.msPerQuery(), 1e-12);
        }
    }

    @Test
    void dualEncoderFlopsFollowTokenCounts() {
        DualEncoderConfig config = new DualEncoderConfig(12, 4, 4, 2, 8, 2, 2, 0.0, Pooling.MEAN, 4, true, Similarity.DOT, 1.0);
        try (DualEncoder model = DualEncoder.create(config, 1)) {
            // Per layer: qkv 8x24, out 8x8, feed-forward 8x16 and 16x8 weights; projection 8x4, applied once.
            long perToken = 2L * (8 * 24 + 8 * 8 + 8 * 16 + 16 * 8);
            double expected = 2.0 * perToken * 3 + 2.0 * 2 * 3 * 3 * 8 + 2.0 * 8 * 4;
            assertEquals(expected, model.embedder(1).forwardFlops(new int[] {5, 6}, Side.QUERY), 1e-9);
        }
    }

    @Test
    void crossEncoderCountsOnePassPerPair() {
        CrossEncoderConfig config = new CrossEncoderConfig(12, 4, 4, 1, 8, 2, 2, 0.0, Pooling.FIRST);
        Corpus corpus = corpus();
        try (CrossEncoder model = CrossEncoder.create(config, 1)) {
            SpyScorer spy = new SpyScorer(model.scorer(5));
            CostMeter meter = new CostMeter();
            CrossEncoderRanker ranker = new CrossEncoderRanker(new CountingPairScorer(spy, meter), corpus, DOCUMENTS);

            ranker.rankAll(QUERY_IDS, QUERIES, 2, "ce");
            assertEquals(QUERIES.length * DOCUMENTS.length, spy.rows);
            assertEquals(spy.rows, meter.forwardPasses());
            assertEquals(spy.flops, meter.flops(), 1e-6 * spy.flops);

            Map<String, List<ScoredDocument>> lists = new LinkedHashMap<>();
            lists.put("q0", List.of(new ScoredDocument("d0", 3), new ScoredDocument("d1", 2), new ScoredDocument("d2", 1)));
            lists.put("q1", List.of(new ScoredDocument("d4", 1)));
            long before = spy.rows;
            ranker.rerank(new Run("de", lists), QUERY_IDS, QUERIES, 2, "ce");
            assertEquals(2 + 1, spy.rows - before);
            assertEquals(spy.rows, meter.forwardPasses());
        }
    }

    @Test
    void arrCountsEveryDecoderRow() {
        ArrModelConfig config = new ArrModelConfig(12, 3, 4, 2, 1, 8, 2, 2, 0.0);
        PrefixTree trie = PrefixTree.build(new int[][] {{0, 1}, {0, 2}, {1, 0}, {2, 2}}, 3);
        try (ArrModel model = ArrModel.create(config, 1)) {
            SpyNextTokenScorer spy = new SpyNextTokenScorer(model.scorer(4));
            CostMeter meter = new CostMeter();
            NextTokenScorer counted = CountingNextTokenScorer.of(model, spy, meter);

            new BeamSearch(2, 2, true).search(counted, trie, QUERIES);
            assertEquals(spy.rows, meter.forwardPasses());

            long before = spy.rows;
            ExhaustiveScorer exhaustive = new ExhaustiveScorer(trie);
            exhaustive.score(counted, QUERIES);
            assertEquals((long) QUERIES.length * exhaustive.rowsPerQuery(), spy.rows - before);
            assertEquals(spy.rows, meter.forwardPasses());
            assertEquals(meter.flops(), spy.flops(model), 1e-6 * meter.flops());
        }
    }

    private static Corpus corpus() {
        List<Document> documents = new ArrayList<>();
        for (int d = 0; d < DOCUMENTS.length; d++) {
            documents.add(new Document("d" + d, "", ""));
        }
        return new Corpus(documents);
    }

    private static List<String> ids() {
        return corpus().documents().stream().map(Document::id).toList();
    }

    /** Counts rows and sums FLOP estimates of every call that reaches the model. */
    private static final class SpyEmbedder implements TextEmbedder {
        private final TextEmbedder model;
        long rows;
        double flops;

        SpyEmbedder(TextEmbedder model) {
            this.model = model;
        }

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public float[][] embed(int[][] batch, Side side) {
            rows += batch.length;
            for (int[] row : batch) {
                flops += model.forwardFlops(row, side);
            }
            return model.embed(batch, side);
        }

        @Override
        public double forwardFlops(int[] row, Side side) {
            return model.forwardFlops(row, side);
        }
    }

    private static final class SpyScorer implements PairScorer {
        private final PairScorer model;
        long rows;
        double flops;

        SpyScorer(PairScorer model) {
            this.model = model;
        }

        @Override
        public float[] score(int[][] queries, int[][] documents) {
            rows += queries.length;
            for (int r = 0; r < queries.length; r++) {
                flops += model.forwardFlops(queries[r], documents[r]);
            }
            return model.score(queries, documents);
        }

        @Override
        public double forwardFlops(int[] query, int[] document) {
            return model.forwardFlops(query, document);
        }
    }

    private static final class SpyNextTokenScorer implements NextTokenScorer {
        private final NextTokenScorer model;
        private final List<Integer> lengths = new ArrayList<>();
        long rows;

        SpyNextTokenScorer(NextTokenScorer model) {
            this.model = model;
        }

        @Override
        public int vocabularySize() {
            return model.vocabularySize();
        }

        @Override
        public float[][] nextTokenLogProbabilities(int[][] queryTokens, int[][] prefixes) {
            record(queryTokens, prefixes);
            return model.nextTokenLogProbabilities(queryTokens, prefixes);
        }

        @Override
        public float[][][] logProbabilitiesAlong(int[][] queryTokens, int[][] sequences) {
            record(queryTokens, sequences);
            return model.logProbabilitiesAlong(queryTokens, sequences);
        }

        private void record(int[][] queryTokens, int[][] docIds) {
            rows += docIds.length;
            for (int r = 0; r < docIds.length; r++) {
                int length = queryTokens[r].length + 1 + docIds[r].length;
                lengths.add(length);
            }
        }

        /** Recomputes the FLOP estimate from the recorded lengths with the formula written out. */
        double flops(ArrModel model) {
            long weights = 0;
            for (var parameter : model.parameters()) {
                var value = parameter.getValue();
                if ("weight".equals(value.getName()) && value.getArray().getShape().dimension() == 2) {
                    weights += value.getArray().size();
                }
            }
            double total = 0;
            for (int length : lengths) {
                total += 2.0 * weights * length + 2.0 * model.config().layers() * length * length * model.config().dModel();
            }
            return total;
        }
    }
}
