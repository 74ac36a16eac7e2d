package org.arr.model.dual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;
import org.arr.model.encoder.Pooling;
import org.junit.jupiter.api.Test;

class DualEncoderRankerTest {

    static DualEncoderConfig config(boolean shared, Similarity similarity, Pooling pooling, int embeddingDimension) {
        return new DualEncoderConfig(12, 4, 6, 1, 16, 2, 2, 0.0, pooling, embeddingDimension, shared, similarity, 1.0);
    }

    /** Retrieval through the batched index must equal scoring every (query, document) pair one at a time. */
    @Property(tries = 6)
    void retrievalEqualsBruteForce(@ForAll @IntRange(min = 0, max = 1000) int seed, @ForAll boolean shared,
            @ForAll boolean cosine, @ForAll boolean mean) {
        Random random = new Random(seed);
        DualEncoderConfig config = config(shared, cosine ? Similarity.COSINE : Similarity.DOT,
                mean ? Pooling.MEAN : Pooling.FIRST, 3 + random.nextInt(6));
        int[][] documents = rows(random, 9, 6);
        int[][] queries = rows(random, 5, 4);
        List<String> documentIds = ids("d", documents.length);
        List<String> queryIds = ids("q", queries.length);
        int k = 1 + random.nextInt(documents.length);

        try (DualEncoder model = DualEncoder.create(config, seed)) {
            TextEmbedder batched = model.embedder(4);
            TextEmbedder single = model.embedder(1);
            Run run = new DualEncoderRanker(batched, documents, documentIds).rank(queryIds, queries, k, "de");

            float[][] documentEmbeddings = new float[documents.length][];
            for (int d = 0; d < documents.length; d++) {
                documentEmbeddings[d] = single.embed(new int[][] {documents[d]}, Side.DOCUMENT)[0];
            }
            for (int q = 0; q < queries.length; q++) {
                float[] queryEmbedding = single.embed(new int[][] {queries[q]}, Side.QUERY)[0];
                List<ScoredDocument> expected = new ArrayList<>();
                for (int d = 0; d < documents.length; d++) {
                    expected.add(new ScoredDocument(documentIds.get(d), dot(queryEmbedding, documentEmbeddings[d])));
                }
                expected.sort(Comparator.comparingDouble(ScoredDocument::score).reversed());

                List<ScoredDocument> actual = run.ranking(queryIds.get(q));
                assertEquals(k, actual.size());
                for (int i = 0; i < k; i++) {
                    assertEquals(expected.get(i).score(), actual.get(i).score(), 1e-4, "score at rank " + (i + 1));
                    if (!tiedWithNeighbour(expected, i)) {
                        assertEquals(expected.get(i).documentId(), actual.get(i).documentId(), "document at rank " + (i + 1));
                    }
                }
            }
        }
    }

    @Test
    void cosineEmbeddingsHaveUnitNorm() {
        try (DualEncoder model = DualEncoder.create(config(false, Similarity.COSINE, Pooling.MEAN, 5), 7)) {
            float[][] embeddings = model.embedder(8).embed(new int[][] {{1, 2}, {3, 4, 5}}, Side.DOCUMENT);
            for (float[] embedding : embeddings) {
                assertEquals(1.0, Math.sqrt(dot(embedding, embedding)), 1e-5);
            }
        }
    }

    @Test
    void separateTowersEmbedDifferently() {
        try (DualEncoder model = DualEncoder.create(config(false, Similarity.DOT, Pooling.MEAN, 5), 7)) {
            TextEmbedder embedder = model.embedder(8);
            float[] asQuery = embedder.embed(new int[][] {{2, 3}}, Side.QUERY)[0];
            float[] asDocument = embedder.embed(new int[][] {{2, 3}}, Side.DOCUMENT)[0];
            assertNotEquals(asQuery[0], asDocument[0]);
        }
        try (DualEncoder model = DualEncoder.create(config(true, Similarity.DOT, Pooling.MEAN, 5), 7)) {
            TextEmbedder embedder = model.embedder(8);
            assertArrayEquals(embedder.embed(new int[][] {{2, 3}}, Side.QUERY)[0],
                    embedder.embed(new int[][] {{2, 3}}, Side.DOCUMENT)[0], 1e-6f);
        }
    }

    @Test
    void savedParametersReloadIntoSameShape() throws IOException {
        DualEncoderConfig config = config(false, Similarity.DOT, Pooling.FIRST, 4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        float[] expected;
        try (DualEncoder model = DualEncoder.create(config, 1)) {
            model.saveParameters(bytes);
            expected = model.embedder(2).embed(new int[][] {{4, 5}}, Side.QUERY)[0];
        }
        try (DualEncoder model = DualEncoder.create(config, 2)) {
            model.loadParameters(new ByteArrayInputStream(bytes.toByteArray()));
            assertArrayEquals(expected, model.embedder(2).embed(new int[][] {{4, 5}}, Side.QUERY)[0], 1e-6f);
        }
    }

    @Test
    void configRejectsNonPositiveTemperature() {
        assertThrows(IllegalArgumentException.class, () -> new DualEncoderConfig(12, 4, 6, 1, 16, 2, 2, 0.0, Pooling.MEAN,
                8, false, Similarity.COSINE, 0.0));
    }

    /** Returns whether the score at rank {@code i} is within 1e-4 of the score just above or just below it. */
    private static boolean tiedWithNeighbour(List<ScoredDocument> ranking, int i) {
        double score = ranking.get(i).score();
        boolean above = i > 0 && Math.abs(ranking.get(i - 1).score() - score) <= 1e-4;
        boolean below = i + 1 < ranking.size() && Math.abs(ranking.get(i + 1).score() - score) <= 1e-4;
        return above || below;
    }

    static float dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return (float) sum;
    }

    static int[][] rows(Random random, int count, int maxLength) {
        int[][] rows = new int[count][];
        for (int r = 0; r < count; r++) {
            rows[r] = new int[1 + random.nextInt(maxLength)];
            for (int i = 0; i < rows[r].length; i++) {
                rows[r][i] = 1 + random.nextInt(11);
            }
        }
        return rows;
    }

    static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }
}
