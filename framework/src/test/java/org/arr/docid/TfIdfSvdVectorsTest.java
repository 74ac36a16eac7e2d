package org.arr.docid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/** Checks the vectors against a dense TF-IDF matrix and an exact SVD computed independently here. */
class TfIdfSvdVectorsTest {

    private static final String[] WORDS = {"ant", "bee", "cow", "dog", "eel", "fox", "gnu", "hen", "ibis", "jay", "koi"};

    private static List<String> randomTexts(int count, long seed) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int w = 0; w < length; w++) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            texts.add(text.toString());
        }
        return texts;
    }

    /** Dense TF-IDF with unit rows: (1 + ln tf) * (ln((1 + N) / (1 + df)) + 1), every term kept. */
    private static RealMatrix denseTfIdf(List<String> texts) {
        TreeSet<String> vocabulary = new TreeSet<>();
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (String text : texts) {
            Map<String, Integer> tf = new HashMap<>();
            for (String word : text.trim().split(" +")) {
                tf.merge(word, 1, Integer::sum);
                vocabulary.add(word);
            }
            counts.add(tf);
        }
        List<String> terms = new ArrayList<>(vocabulary);
        RealMatrix x = new Array2DRowRealMatrix(texts.size(), terms.size());
        for (int t = 0; t < terms.size(); t++) {
            int df = 0;
            for (Map<String, Integer> tf : counts) {
                df += tf.containsKey(terms.get(t)) ? 1 : 0;
            }
            double idf = Math.log((1.0 + texts.size()) / (1.0 + df)) + 1.0;
            for (int i = 0; i < texts.size(); i++) {
                Integer tf = counts.get(i).get(terms.get(t));
                x.setEntry(i, t, tf == null ? 0.0 : (1.0 + Math.log(tf)) * idf);
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            x.setRowVector(i, x.getRowVector(i).unitVector());
        }
        return x;
    }

    private static RealMatrix unitRows(RealMatrix m) {
        RealMatrix copy = m.copy();
        for (int i = 0; i < m.getRowDimension(); i++) {
            copy.setRowVector(i, m.getRowVector(i).unitVector());
        }
        return copy;
    }

    private static void assertGramEquals(RealMatrix expected, double[][] vectors) {
        RealMatrix actual = new Array2DRowRealMatrix(vectors);
        RealMatrix expectedGram = expected.multiply(expected.transpose());
        RealMatrix actualGram = actual.multiply(actual.transpose());
        for (int i = 0; i < vectors.length; i++) {
            for (int j = 0; j < vectors.length; j++) {
                assertEquals(expectedGram.getEntry(i, j), actualGram.getEntry(i, j), 1e-9, "entry " + i + "," + j);
            }
        }
    }

    /** At full rank, the vectors keep every cosine similarity of the TF-IDF rows. */
    @Test
    void fullRankKeepsCosines() {
        List<String> texts = randomTexts(8, 1);

        double[][] vectors = TfIdfSvdVectors.compute(texts, 1000, 64, 3);

        assertGramEquals(denseTfIdf(texts), vectors);
    }

    /** At rank k, the vectors equal the rows of U_k S_k of an exact SVD, up to a rotation, then unit length. */
    @Test
    void truncatedMatchesExactSvd() {
        List<String> texts = randomTexts(30, 2);
        int k = 3;
        RealMatrix x = denseTfIdf(texts);
        SingularValueDecomposition exact = new SingularValueDecomposition(x);
        RealMatrix usk = exact.getU().getSubMatrix(0, texts.size() - 1, 0, k - 1)
                .multiply(exact.getS().getSubMatrix(0, k - 1, 0, k - 1));

        double[][] vectors = TfIdfSvdVectors.compute(texts, 1000, k, 4);

        assertEquals(k, vectors[0].length);
        assertGramEquals(unitRows(usk), vectors);
    }

    /**
     * With more terms than k + 10, the range finder samples only k + 10 directions of the range of X. Here
     * X has rank at most 8, below k + 10, so the sample spans the whole range and the result is still exact.
     */
    @Test
    void randomizedRangeExactAtLowRank() {
        Random random = new Random(5);
        List<String> distinct = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 10; w++) {
                text.append("term").append(random.nextInt(40)).append(' ');
            }
            distinct.add(text.toString());
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            texts.add(distinct.get(random.nextInt(distinct.size())));
        }
        int k = 3;
        RealMatrix x = denseTfIdf(texts);
        SingularValueDecomposition exact = new SingularValueDecomposition(x);
        RealMatrix usk = exact.getU().getSubMatrix(0, texts.size() - 1, 0, k - 1)
                .multiply(exact.getS().getSubMatrix(0, k - 1, 0, k - 1));

        double[][] vectors = TfIdfSvdVectors.compute(texts, 1000, k, 6);

        assertGramEquals(unitRows(usk), vectors);
    }

    @Test
    void textsWithoutWordsGiveZeroVectors() {
        double[][] vectors = TfIdfSvdVectors.compute(List.of("", "--", "!"), 10, 4, 1);

        assertEquals(3, vectors.length);
        for (double[] vector : vectors) {
            assertEquals(1, vector.length);
            assertEquals(0.0, vector[0]);
        }
    }
}
