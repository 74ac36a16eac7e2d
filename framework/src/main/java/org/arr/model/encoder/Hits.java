package org.arr.model.encoder;

import java.util.ArrayList;
import java.util.List;
import org.arr.data.ScoredDocument;

/**
 * The ranked documents of one query, best first: corpus positions and their scores.
 *
 * @param documents corpus positions, best first
 * @param scores the score of each document, non-increasing
 */
public record Hits(int[] documents, double[] scores) {

    /**
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public Hits {
        if (documents.length != scores.length) {
            throw new IllegalArgumentException("Got " + documents.length + " documents but " + scores.length + " scores");
        }
        documents = documents.clone();
        scores = scores.clone();
    }

    /** Returns the top {@code k} of {@code scores[0 .. count)} by {@code org.arr.decode.TopK} (ties: lower position first). */
    public static Hits top(double[] scores, int count, int k) {
        int[] best = org.arr.decode.TopK.select(scores, count, k);
        double[] bestScores = new double[best.length];
        for (int i = 0; i < best.length; i++) {
            bestScores[i] = scores[best[i]];
        }
        return new Hits(best, bestScores);
    }

    @Override
    public int[] documents() {
        return documents.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    public int size() {
        return documents.length;
    }

    /** Returns the ranked list with document ids, where {@code ids[p]} is the id of corpus position {@code p}. */
    public List<ScoredDocument> toScoredDocuments(List<String> ids) {
        List<ScoredDocument> ranked = new ArrayList<>(documents.length);
        for (int i = 0; i < documents.length; i++) {
            ranked.add(new ScoredDocument(ids.get(documents[i]), scores[i]));
        }
        return ranked;
    }
}
