package org.arr.config;

import java.util.List;
import java.util.Map;
import org.arr.data.SplitSpec;
import org.arr.docid.DocIdOptions;
import org.arr.metric.Measure;
import org.arr.metric.MeasureParser;

/**
 * A validated experiment config: what to load, how to split it, which docIDs, model, loss, training and
 * evaluation to use, and the seed of every random choice. Built only by {@link ConfigLoader}, which checks
 * every value; the records are immutable.
 *
 * @param name run name; runs are stored under {@code runs/<name>/}
 * @param seed seed of model initialization, batch order, dropout and seeded docID schemes
 */
public record ExperimentSpec(String name, Dataset dataset, DocIds docids, Model model, Loss loss, Train train, Eval eval,
        long seed) {

    /**
     * @param spec dataset registry spec, {@code NAME} or {@code NAME:ARGUMENT}
     * @param options loader options, checked by the loader
     */
    public record Dataset(String spec, Map<String, Object> options, Split split) {

        public Dataset {
            options = ConfigValues.immutable(options);
        }
    }

    /**
     * @param kind {@code random}, {@code transductive} or {@code predefined}
     * @param dev share of judged queries in the dev split (random only)
     * @param test share of judged queries in the test split (random only)
     * @param seed seed of the random split, separate from the experiment seed so the test set stays fixed
     *     across seeds
     */
    public record Split(String kind, double dev, double test, long seed) {

        /** Returns the data model's view of this split. */
        public SplitSpec toSplitSpec() {
            return switch (kind) {
                case "random" -> SplitSpec.random(dev, test, seed);
                case "transductive" -> SplitSpec.transductive();
                case "predefined" -> SplitSpec.predefined();
                default -> throw new IllegalStateException("Unknown split kind " + kind);
            };
        }
    }

    /**
     * @param scheme docID scheme name
     * @param options scheme options; each scheme reads the fields it needs
     */
    public record DocIds(String scheme, DocIdOptions options) {
    }

    /**
     * A decoder-only causal transformer.
     *
     * @param maxQueryTokens query token sequences are cut to this length
     * @param maxDocumentTokens document token sequences of indexing examples are cut to this length
     * @param encoder settings of the dual-encoder and cross-encoder baselines
     */
    public record Model(String type, int layers, int dModel, int heads, int mlpRatio, double dropout,
            Tokenizer tokenizer, int maxQueryTokens, int maxDocumentTokens, Encoder encoder) {
    }

    /**
     * @param pooling {@code mean} or {@code first} (the {@code [CLS]} token)
     * @param embeddingDimension dual-encoder embedding size, independent of {@code dModel}
     * @param sharedWeights whether the dual encoder's query and document towers share weights
     * @param similarity dual-encoder score, {@code dot} or {@code cosine}
     * @param temperature dual-encoder training logits are {@code score / temperature}
     * @param candidates documents the training softmax runs over: {@code full} (the corpus) or {@code sampled}
     *     (relevant documents plus sampled negatives; for a dual encoder also the other queries' relevant documents)
     * @param negatives sampled negatives per batch (dual encoder) or per query (cross encoder)
     * @param alpha weight of graded targets in {@code pi_alpha(d|q)}; 0 is uniform over the relevant documents
     * @param gain {@code linear} or {@code exp}, the gain of the graded targets
     */
    public record Encoder(String pooling, int embeddingDimension, boolean sharedWeights, String similarity,
            double temperature, String candidates, int negatives, double alpha, String gain) {
    }

    /**
     * @param type {@code char}, {@code word} or {@code huggingface}
     * @param path the {@code tokenizer.json} of a huggingface tokenizer; empty otherwise
     * @param minCount minimum number of occurrences in training text for a vocabulary entry
     * @param maxVocabulary maximum vocabulary size, reserved ids included
     */
    public record Tokenizer(String type, String path, int minCount, int maxVocabulary) {
    }

    /**
     * @param name loss name
     * @param options the loss's options as given in the config (the loss applies its defaults to the rest)
     */
    public record Loss(String name, Map<String, Object> options) {

        public Loss {
            options = ConfigValues.immutable(options);
        }
    }

    /**
     * @param warmupFraction share of all optimizer steps with a linear learning-rate warm-up from 0
     * @param schedule learning-rate decay after the warm-up: {@code constant}, {@code linear} or {@code cosine}
     * @param minLearningRateRatio final learning rate divided by the peak, for the decaying schedules
     * @param gradClip maximum global gradient norm; 0 disables clipping
     * @param evalEvery evaluate on the dev split every this many epochs
     * @param patience stop after this many dev evaluations without improvement; 0 disables early stopping
     * @param earlyStopMetric the dev measure (trec_eval printed name) that selects the best checkpoint
     * @param indexingWeight weight of indexing examples (document text to its docID); 0 leaves them out
     */
    public record Train(int epochs, int batchSize, double learningRate, double weightDecay, double warmupFraction,
            String schedule, double minLearningRateRatio, double gradClip, int evalEvery, int patience, String earlyStopMetric, double indexingWeight) {
    }

    /**
     * @param beamWidth beams kept per decoding step
     * @param topK documents per query written to the run
     * @param metrics measures in trec_eval syntax
     * @param constrained decode the test run with the prefix tree, so every output is a docID
     * @param unconstrained also decode without the prefix tree, to measure the invalid docID rate
     * @param gain nDCG gain: {@code dataset} (the dataset's gain table if it has one, else linear), {@code linear}
     *     (trec_eval's) or {@code exp} ({@code 2^rel - 1})
     * @param exhaustiveMaxDocuments score every document (for the invalid mass) when the corpus has at most this
     *     many documents; 0 never does
     * @param batchSize queries decoded together
     * @param rerankRun first-stage run a cross encoder re-ranks: a run name under the runs folder (its newest
     *     finished run), a run folder or a {@code run.trec} file; empty to score every document
     * @param rerankDepth documents of each first-stage list the cross encoder re-ranks
     */
    public record Eval(int beamWidth, int topK, List<String> metrics, boolean constrained, boolean unconstrained,
            String gain, int exhaustiveMaxDocuments, int batchSize, String rerankRun, int rerankDepth) {

        public Eval {
            metrics = List.copyOf(metrics);
        }

        /** Returns the measures, merged and ordered as trec_eval does for the same {@code -m} options. */
        public List<Measure> measures() {
            return MeasureParser.parseAll(metrics);
        }

        /** Returns the measure names as trec_eval prints them, e.g. {@code ndcg_cut_10}. */
        public List<String> measureNames() {
            return MeasureSpecs.names(metrics);
        }
    }
}
