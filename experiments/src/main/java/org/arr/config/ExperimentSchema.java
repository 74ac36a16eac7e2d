package org.arr.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.arr.data.DatasetLoader;
import org.arr.datasets.Datasets;
import org.arr.docid.DocIdOptions;
import org.arr.docid.DocIdSchemes;
import org.arr.loss.Losses;
import org.arr.util.ClosestName;

/**
 * The keys, types, ranges and defaults of an experiment config, and the checks that involve more than one
 * key. The order of keys here is the order of the resolved config.
 */
final class ExperimentSchema {

    private static final int MAX_INT = Integer.MAX_VALUE;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    static final List<String> SPLIT_KINDS = List.of("random", "transductive", "predefined");
    static final List<String> MODEL_TYPES = List.of("arr", "dual-encoder", "cross-encoder");
    static final List<String> POOLINGS = List.of("mean", "first");
    static final List<String> SIMILARITIES = List.of("dot", "cosine");
    static final List<String> CANDIDATES = List.of("full", "sampled");
    static final List<String> ITEM_GAINS = List.of("linear", "exp");
    static final List<String> TOKENIZERS = List.of("char", "word", "huggingface");
    static final List<String> SCHEDULES = List.of("constant", "linear", "cosine");
    static final List<String> GAINS = List.of("dataset", "linear", "exp");
    static final List<String> DEFAULT_MEASURES = List.of("ndcg_cut.10", "recall.10", "P.10", "recip_rank", "map");

    private ExperimentSchema() {
    }

    static SchemaNode.Section root() {
        return SchemaNode.Section.builder()
                .add("name", Setting.text(null, "a run name of letters, digits, '.', '_' and '-'", ExperimentSchema::checkName))
                .add("dataset", dataset())
                .add("docids", docIds())
                .add("model", model())
                .add("loss", loss())
                .add("train", train())
                .add("eval", eval())
                .add("seed", Setting.longInteger(1))
                .build();
    }

    private static SchemaNode.Section dataset() {
        SchemaNode.Section split = SchemaNode.Section.builder()
                .add("kind", Setting.choice("random", () -> SPLIT_KINDS))
                .add("dev", Setting.real(0.1, 0, true, 1, false))
                .add("test", Setting.real(0.2, 0, false, 1, false))
                .add("seed", Setting.longInteger(0))
                .build();
        return SchemaNode.Section.builder()
                .add("spec", Setting.text(null, "a dataset spec NAME or NAME:ARGUMENT, e.g. limit-small or beir:PATH",
                        ExperimentSchema::checkDatasetSpec))
                .add("options", new SchemaNode.OpenMap())
                .add("split", split)
                .build();
    }

    private static SchemaNode.Section docIds() {
        DocIdOptions defaults = DocIdOptions.defaults();
        SchemaNode.Section options = SchemaNode.Section.builder()
                .add("base", Setting.integer(defaults.base(), 2, DocIdOptions.MAX_BASE))
                .add("seed", Setting.longInteger(defaults.seed()))
                .add("semanticDimensions", Setting.integer(defaults.semanticDimensions(), 1, MAX_INT))
                .add("semanticMaxTerms", Setting.integer(defaults.semanticMaxTerms(), 1, MAX_INT))
                .add("kmeansMaxIterations", Setting.integer(defaults.kmeansMaxIterations(), 1, MAX_INT))
                .add("textTokenizer", Setting.choice(defaults.textTokenizer(), () -> new TreeSet<>(DocIdOptions.TEXT_TOKENIZERS)))
                .add("textMaxTokens", Setting.integer(defaults.textMaxTokens(), 1, MAX_INT))
                .add("taxonomyTokens", Setting.choice(defaults.taxonomyTokens(), () -> new TreeSet<>(DocIdOptions.TAXONOMY_TOKENS)))
                .build();
        return SchemaNode.Section.builder()
                .add("scheme", Setting.choice(null, DocIdSchemes::names))
                .add("options", options)
                .build();
    }

    private static SchemaNode.Section model() {
        SchemaNode.Section tokenizer = SchemaNode.Section.builder()
                .add("type", Setting.choice("word", () -> TOKENIZERS))
                .add("path", Setting.text("", "the path of a tokenizer.json file (huggingface only)", value -> { }))
                .add("minCount", Setting.integer(1, 1, MAX_INT))
                .add("maxVocabulary", Setting.integer(50_000, 3, MAX_INT))
                .build();
        return SchemaNode.Section.builder()
                .add("type", Setting.choice("arr", () -> MODEL_TYPES))
                .add("layers", Setting.integer(2, 1, 64))
                .add("dModel", Setting.integer(64, 1, 16_384))
                .add("heads", Setting.integer(4, 1, 256))
                .add("mlpRatio", Setting.integer(4, 1, 64))
                .add("dropout", Setting.real(0.1, 0, true, 1, false))
                .add("tokenizer", tokenizer)
                .add("maxQueryTokens", Setting.integer(32, 1, 8_192))
                .add("maxDocumentTokens", Setting.integer(64, 1, 8_192))
                .add("encoder", encoder())
                .build();
    }

    /**
     * Settings of the dual-encoder and cross-encoder baselines, their training loss included (a softmax over
     * candidate documents with targets {@code pi_alpha(d|q)}). ARR ignores them, and the baselines ignore
     * {@code loss}.
     */
    private static SchemaNode.Section encoder() {
        return SchemaNode.Section.builder()
                .add("pooling", Setting.choice("mean", () -> POOLINGS))
                .add("embeddingDimension", Setting.integer(64, 1, 65_536))
                .add("sharedWeights", Setting.bool(false))
                .add("similarity", Setting.choice("dot", () -> SIMILARITIES))
                .add("temperature", Setting.real(1.0, 0, false, INF, false))
                .add("candidates", Setting.choice("sampled", () -> CANDIDATES))
                .add("negatives", Setting.integer(16, 0, MAX_INT))
                .add("alpha", Setting.real(0, 0, true, 1, true))
                .add("gain", Setting.choice("linear", () -> ITEM_GAINS))
                .build();
    }

    /**
     * Returns the loss: {@code name} and the loss's own options, checked by building the loss.
     * NOTE: options a loss leaves at its default are not written into the resolved config, because the loss
     * registry does not expose its defaults.
     */
    private static SchemaNode loss() {
        return new SchemaNode.Component("name", "ntp", Losses::names, Losses::create);
    }

    private static SchemaNode.Section train() {
        return SchemaNode.Section.builder()
                .add("epochs", Setting.integer(20, 1, 1_000_000))
                .add("batchSize", Setting.integer(32, 1, 1 << 20))
                .add("learningRate", Setting.real(1e-3, 0, false, INF, false))
                .add("weightDecay", Setting.real(0.01, 0, true, INF, false))
                .add("warmupFraction", Setting.real(0.05, 0, true, 1, true))
                .add("schedule", Setting.choice("cosine", () -> SCHEDULES))
                .add("minLearningRateRatio", Setting.real(0.1, 0, true, 1, true))
                .add("gradClip", Setting.real(1.0, 0, true, INF, false))
                .add("evalEvery", Setting.integer(1, 1, MAX_INT))
                .add("patience", Setting.integer(5, 0, MAX_INT))
                .add("earlyStopMetric", Setting.text("ndcg_cut_10", "a measure name from eval.metrics, e.g. ndcg_cut_10",
                        ExperimentSchema::checkNotBlank))
                .add("indexingWeight", Setting.real(0, 0, true, INF, false))
                .build();
    }

    private static SchemaNode.Section eval() {
        return SchemaNode.Section.builder()
                .add("beamWidth", Setting.integer(20, 1, 1_000_000))
                .add("topK", Setting.integer(20, 1, 1_000_000))
                .add("metrics", Setting.textList(DEFAULT_MEASURES, "measures in trec_eval syntax, e.g. [ndcg_cut.10, 'P.5,10', map] (quote a measure with commas)",
                        MeasureSpecs::check))
                .add("constrained", Setting.bool(true))
                .add("unconstrained", Setting.bool(true))
                .add("gain", Setting.choice("dataset", () -> GAINS))
                .add("exhaustiveMaxDocuments", Setting.integer(5_000, 0, MAX_INT))
                .add("batchSize", Setting.integer(64, 1, 1 << 20))
                .add("rerankRun", Setting.text("", "a run name under the runs folder, a run folder or a run.trec file",
                        value -> { }))
                .add("rerankDepth", Setting.integer(100, 1, MAX_INT))
                .build();
    }

    /**
     * Checks rules that involve several keys of an otherwise valid resolved config. Keys that failed their own
     * checks are absent from the tree and skipped here.
     */
    static List<ConfigError> crossChecks(ObjectNode resolved) {
        List<ConfigError> errors = new ArrayList<>();

        JsonNode split = resolved.path("dataset").path("split");
        if ("random".equals(split.path("kind").asText()) && split.has("dev") && split.has("test")
                && split.get("dev").doubleValue() + split.get("test").doubleValue() >= 1) {
            errors.add(new ConfigError("dataset.split", "dev " + split.get("dev").asText() + " plus test "
                    + split.get("test").asText() + " leaves no training queries; their sum must be below 1"));
        }

        JsonNode model = resolved.path("model");
        if (model.has("dModel") && model.has("heads") && model.get("dModel").intValue() % model.get("heads").intValue() != 0) {
            errors.add(new ConfigError("model.heads", "dModel " + model.get("dModel").intValue() + " is not divisible by "
                    + model.get("heads").intValue() + " heads; choose heads that divide dModel"));
        }
        JsonNode tokenizer = model.path("tokenizer");
        if ("huggingface".equals(tokenizer.path("type").asText()) && tokenizer.path("path").asText().isBlank()) {
            errors.add(new ConfigError("model.tokenizer.path", "missing value; the huggingface tokenizer needs the path of"
                    + " a tokenizer.json file"));
        }

        JsonNode eval = resolved.path("eval");
        if (eval.has("topK") && eval.has("beamWidth") && eval.get("topK").intValue() > eval.get("beamWidth").intValue()) {
            errors.add(new ConfigError("eval.topK", "topK " + eval.get("topK").intValue() + " exceeds beamWidth "
                    + eval.get("beamWidth").intValue() + "; beam search returns at most beamWidth documents"));
        }
        if (!eval.path("constrained").asBoolean(true) && !eval.path("unconstrained").asBoolean(true)) {
            errors.add(new ConfigError("eval.unconstrained", "constrained and unconstrained decoding are both off;"
                    + " the test run needs one of them"));
        }

        errors.addAll(modelTypeChecks(model, eval));

        JsonNode train = resolved.path("train");
        if (train.has("earlyStopMetric") && eval.has("metrics")) {
            List<String> specs = new ArrayList<>();
            eval.get("metrics").forEach(measure -> specs.add(measure.textValue()));
            List<String> names = MeasureSpecs.names(specs);
            String metric = train.get("earlyStopMetric").textValue();
            if (!names.contains(metric)) {
                errors.add(new ConfigError("train.earlyStopMetric", "'" + metric + "' is not among the measures of"
                        + " eval.metrics; " + KeySuggestions.hint(metric, names)));
            }
        }
        if (train.path("patience").intValue() > 0 && "random".equals(split.path("kind").asText())
                && split.path("dev").doubleValue() == 0) {
            errors.add(new ConfigError("train.patience", "early stopping needs dev queries, but dataset.split.dev is 0;"
                    + " set a dev fraction or patience 0"));
        }
        return errors;
    }

    /** Checks that the re-ranking settings fit the model type. */
    private static List<ConfigError> modelTypeChecks(JsonNode model, JsonNode eval) {
        List<ConfigError> errors = new ArrayList<>();
        String type = model.path("type").asText("arr");
        if (!"cross-encoder".equals(type) && !eval.path("rerankRun").asText("").isEmpty()) {
            errors.add(new ConfigError("eval.rerankRun", "only a cross-encoder re-ranks another run; remove it for"
                    + " model.type " + type));
        }
        return errors;
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid name '" + name + "'; use letters, digits, '.', '_' and '-',"
                    + " starting with a letter or digit (it becomes a folder name)");
        }
    }

    private static void checkDatasetSpec(String spec) {
        int colon = spec.indexOf(':');
        String loader = (colon < 0 ? spec : spec.substring(0, colon)).trim();
        List<String> names = Datasets.loaders().stream().map(DatasetLoader::name).toList();
        if (!names.contains(loader)) {
            throw new IllegalArgumentException("invalid dataset spec '" + spec + "'; "
                    + ClosestName.unknownNameMessage("dataset", loader, names) + " A spec is NAME or NAME:ARGUMENT,"
                    + " e.g. limit-small or beir:PATH");
        }
    }

    private static void checkNotBlank(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("invalid value ''; expected a non-empty name");
        }
    }
}
