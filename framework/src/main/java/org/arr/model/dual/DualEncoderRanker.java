package org.arr.model.dual;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arr.data.Run;
import org.arr.data.ScoredDocument;
import org.arr.model.encoder.Hits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ranks a corpus with a dual encoder: the corpus is embedded once when the ranker is built, then each query costs one
 * query-tower forward pass and one row of a matrix product against the index.
 */
public final class DualEncoderRanker {

    private static final Logger LOG = LoggerFactory.getLogger(DualEncoderRanker.class);

    private final TextEmbedder embedder;
    private final DenseIndex index;
    private final List<String> documentIds;

    /**
     * Embeds and indexes the corpus.
     *
     * @param documentTokens per corpus position, the document's text token ids
     * @param documentIds per corpus position, the document id
     * @throws IllegalArgumentException if the lists differ in length or are empty
     */
    public DualEncoderRanker(TextEmbedder embedder, int[][] documentTokens, List<String> documentIds) {
        if (documentTokens.length != documentIds.size()) {
            throw new IllegalArgumentException("Got tokens for " + documentTokens.length + " documents but "
                    + documentIds.size() + " ids");
        }
        this.embedder = embedder;
        this.documentIds = List.copyOf(documentIds);
        LOG.info("Indexing {} documents with the document tower", documentTokens.length);
        this.index = DenseIndex.build(embedder, documentTokens);
    }

    public DenseIndex index() {
        return index;
    }

    /**
     * Returns the top {@code k} documents of every query.
     *
     * @param queryIds query ids, in output order
     * @param queryTokens per query, its text token ids
     * @param tag the run tag
     * @throws IllegalArgumentException if the lists differ in length or {@code k < 1}
     */
    public Run rank(List<String> queryIds, int[][] queryTokens, int k, String tag) {
        if (queryTokens.length != queryIds.size()) {
            throw new IllegalArgumentException("Got tokens for " + queryTokens.length + " queries but " + queryIds.size() + " ids");
        }
        Hits[] hits = index.search(embedder.embed(queryTokens, Side.QUERY), k);
        Map<String, List<ScoredDocument>> rankings = new LinkedHashMap<>();
        for (int q = 0; q < hits.length; q++) {
            rankings.put(queryIds.get(q), hits[q].toScoredDocuments(documentIds));
        }
        return new Run(tag, rankings);
    }
}
