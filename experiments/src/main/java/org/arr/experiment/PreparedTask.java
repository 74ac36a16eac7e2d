package org.arr.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.arr.config.ExperimentSpec;
import org.arr.data.Document;
import org.arr.data.Qrels;
import org.arr.data.RankingTask;
import org.arr.data.Splits;
import org.arr.datasets.Datasets;
import org.arr.docid.DocIdSchemes;
import org.arr.docid.DocIds;
import org.arr.tokenize.TextTokenizer;
import org.arr.tokenize.TextTokenizers;
import org.arr.tokenize.VocabularyOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task ready for training: loaded and split, with the text tokenizer and the docIDs (and their prefix tree)
 * built.
 *
 * @param task the task with the configured splits
 * @param tokenizer tokenizer of query and document text, its vocabulary built from the training queries and
 *     the documents
 * @param docIds the docID of every document, in corpus order
 */
public record PreparedTask(RankingTask task, TextTokenizer tokenizer, DocIds docIds) {

    private static final Logger LOG = LoggerFactory.getLogger(PreparedTask.class);

    /**
     * Loads the dataset of a config, splits it and builds tokenizer and docIDs.
     *
     * @throws IllegalArgumentException if the dataset, split, tokenizer or docID scheme rejects its settings, or
     *     the test split is empty
     * @throws org.arr.data.InputFormatException if a dataset file is missing or malformed
     */
    public static PreparedTask prepare(ExperimentSpec spec) {
        RankingTask loaded = Datasets.load(spec.dataset().spec(), spec.dataset().options());
        RankingTask task = loaded.withSplits(spec.dataset().split().toSplitSpec());
        Splits splits = task.splits();
        LOG.info("Split {}: {} train, {} dev, {} test queries ({})", task.name(), splits.queryIds(Splits.TRAIN).size(),
                splits.queryIds(Splits.DEV).size(), splits.queryIds(Splits.TEST).size(), spec.dataset().split().kind());
        if (splits.queryIds(Splits.TEST).isEmpty()) {
            throw new IllegalArgumentException("The test split of " + spec.dataset().spec() + " is empty; raise"
                    + " dataset.split.test or use another split kind");
        }
        if (splits.queryIds(Splits.TRAIN).isEmpty()) {
            throw new IllegalArgumentException("The training split of " + spec.dataset().spec() + " is empty; lower"
                    + " dataset.split.dev and dataset.split.test");
        }

        ExperimentSpec.Tokenizer tokenizerSpec = spec.model().tokenizer();
        TextTokenizer tokenizer = TextTokenizers.create(tokenizerSpec.type(), trainingTexts(task),
                new VocabularyOptions(tokenizerSpec.minCount(), tokenizerSpec.maxVocabulary()),
                tokenizerSpec.path().isEmpty() ? null : Path.of(tokenizerSpec.path()));

        DocIds docIds = DocIdSchemes.byName(spec.docids().scheme()).assign(task, spec.docids().options());
        LOG.info("Built {}", docIds);
        return new PreparedTask(task, tokenizer, docIds);
    }

    /** Returns the texts a vocabulary is built from: training queries, then every document's title and text. */
    static List<String> trainingTexts(RankingTask task) {
        List<String> texts = new ArrayList<>();
        for (String queryId : task.splits().queryIds(Splits.TRAIN)) {
            texts.add(task.queries().get(queryId).text());
        }
        for (Document document : task.corpus().documents()) {
            texts.add(document.fullText());
        }
        return texts;
    }

    /** Returns the query ids of a split. */
    public List<String> queryIds(String split) {
        return task.splits().queryIds(split);
    }

    /** Returns the qrels of one split's queries, so that trec_eval's {@code -c} averages over exactly them. */
    public Qrels qrels(String split) {
        return task.qrels().restrictTo(new LinkedHashSet<>(queryIds(split)));
    }
}
