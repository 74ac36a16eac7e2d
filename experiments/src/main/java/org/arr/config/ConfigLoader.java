package org.arr.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arr.data.InputFormatException;
import org.arr.docid.DocIdOptions;

/**
 * Reads experiment configs: parses YAML, applies {@code --set} overrides, validates every key against the
 * schema, fills in defaults, and returns the {@link ExperimentSpec} with its resolved YAML.
 *
 * <p>Errors: a YAML syntax error raises {@link InputFormatException} with file, line and column; every
 * schema problem (unknown key with the closest valid key, wrong type, out-of-range value, missing value,
 * malformed {@code --set}) is collected into one {@link ConfigException}.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The top-level key of a sweep definition, which {@link #parse} rejects unless {@code --set sweep=} removes it. */
    public static final String SWEEP = "sweep";

    private ConfigLoader() {
    }

    /**
     * Loads a config file.
     *
     * @param overrides {@code path.to.key=value} arguments, applied in order
     * @throws IllegalArgumentException if the file does not exist
     * @throws InputFormatException if the file is not valid YAML
     * @throws ConfigException if the config breaks the schema
     * @throws UncheckedIOException if the file cannot be read
     */
    public static ResolvedConfig load(Path file, List<String> overrides) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Config file not found: " + file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read config file " + file, e);
        }
        return parse(text, file, overrides);
    }

    /**
     * Parses config text.
     *
     * @param source the file the text came from, named in error messages
     * @throws InputFormatException if the text is not valid YAML
     * @throws ConfigException if the config breaks the schema
     */
    public static ResolvedConfig parse(String text, Path source, List<String> overrides) {
        ObjectNode root = readTree(text, source);
        List<ConfigError> errors = new ArrayList<>();
        Map<String, String> origins = new LinkedHashMap<>();
        applyOverrides(root, overrides, origins, errors);
        if (root.has(SWEEP)) {
            throw new ConfigException(source.toString(), List.of(new ConfigError(SWEEP, "this config defines a sweep of"
                    + " several runs; run it with 'arr run', which runs every cell, or check it with 'arr validate'")));
        }

        ResolvedConfig resolved = resolve(root, origins, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(source.toString(), errors);
        }
        return resolved;
    }

    /**
     * Parses config text into a tree without checking it against the schema.
     *
     * @param source the file the text came from, named in error messages
     * @throws InputFormatException if the text is not valid YAML
     * @throws ConfigException if the document is not a mapping
     */
    public static ObjectNode readTree(String text, Path source) {
        JsonNode document;
        try {
            document = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            long line = location == null ? 0 : location.getLineNr();
            String column = location == null || location.getColumnNr() <= 0 ? "" : " at column " + location.getColumnNr();
            throw new InputFormatException(source, line, "invalid YAML" + column + ": " + e.getOriginalMessage(), e);
        }

        if (document == null || document.isMissingNode() || document.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!document.isObject()) {
            throw new ConfigException(source.toString(), List.of(new ConfigError("",
                    "expected a mapping of sections (name, dataset, docids, ...), got " + Setting.describe(document))));
        }
        return (ObjectNode) document;
    }

    /**
     * Applies {@code --set path=value} arguments to a tree, in order, without checking the paths against the schema.
     *
     * @param origins receives, per dotted path set, the argument that set it, for {@link #resolve}
     * @param errors receives malformed arguments
     */
    public static void applyOverrides(ObjectNode root, List<String> overrides, Map<String, String> origins,
            List<ConfigError> errors) {
        Overrides.apply(root, overrides, YAML, origins, errors);
    }

    /**
     * Validates a config tree against the schema and resolves it (defaults filled in).
     *
     * @param origins per dotted path, where its value came from (e.g. {@code --set train.epochs=5}); an error on
     *     that path, a section above it or a key below it names the origin
     * @param errors receives every problem found
     * @return the resolved config, or null when {@code errors} gained an entry
     */
    public static ResolvedConfig resolve(ObjectNode root, Map<String, String> origins, List<ConfigError> errors) {
        int before = errors.size();
        ObjectNode resolved = new ConfigValidator(origins, errors).validate(ExperimentSchema.root(), root);
        errors.addAll(ExperimentSchema.crossChecks(resolved));
        if (errors.size() > before) {
            return null;
        }
        String yaml = toYaml(resolved);
        return new ResolvedConfig(toSpec(resolved), yaml, hash(yaml));
    }

    /**
     * Returns the short hash that names run folders: the first 8 hex digits of the SHA-256 of the UTF-8 text.
     */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Formats a config tree as YAML the way resolved configs are written. */
    public static String toYaml(JsonNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Failed to write a config tree as YAML", e);
        }
    }

    private static ExperimentSpec toSpec(ObjectNode node) {
        JsonNode dataset = node.get("dataset");
        JsonNode split = dataset.get("split");
        JsonNode docids = node.get("docids");
        JsonNode model = node.get("model");
        JsonNode tokenizer = model.get("tokenizer");
        JsonNode encoder = model.get("encoder");
        JsonNode loss = node.get("loss");
        JsonNode train = node.get("train");
        JsonNode eval = node.get("eval");

        List<String> metrics = new ArrayList<>();
        eval.get("metrics").forEach(measure -> metrics.add(measure.textValue()));

        return new ExperimentSpec(
                node.get("name").textValue(),
                new ExperimentSpec.Dataset(dataset.get("spec").textValue(), toMap(dataset.get("options")),
                        new ExperimentSpec.Split(split.get("kind").textValue(), split.get("dev").doubleValue(),
                                split.get("test").doubleValue(), split.get("seed").longValue())),
                new ExperimentSpec.DocIds(docids.get("scheme").textValue(), docIdOptions(docids.get("options"))),
                new ExperimentSpec.Model(model.get("type").textValue(), model.get("layers").intValue(),
                        model.get("dModel").intValue(), model.get("heads").intValue(), model.get("mlpRatio").intValue(),
                        model.get("dropout").doubleValue(),
                        new ExperimentSpec.Tokenizer(tokenizer.get("type").textValue(), tokenizer.get("path").textValue(),
                                tokenizer.get("minCount").intValue(), tokenizer.get("maxVocabulary").intValue()),
                        model.get("maxQueryTokens").intValue(), model.get("maxDocumentTokens").intValue(),
                        new ExperimentSpec.Encoder(encoder.get("pooling").textValue(),
                                encoder.get("embeddingDimension").intValue(), encoder.get("sharedWeights").booleanValue(),
                                encoder.get("similarity").textValue(), encoder.get("temperature").doubleValue(),
                                encoder.get("candidates").textValue(), encoder.get("negatives").intValue(),
                                encoder.get("alpha").doubleValue(), encoder.get("gain").textValue())),
                new ExperimentSpec.Loss(loss.get("name").textValue(), lossOptions(loss)),
                new ExperimentSpec.Train(train.get("epochs").intValue(), train.get("batchSize").intValue(),
                        train.get("learningRate").doubleValue(), train.get("weightDecay").doubleValue(),
                        train.get("warmupFraction").doubleValue(), train.get("schedule").textValue(),
                        train.get("minLearningRateRatio").doubleValue(), train.get("gradClip").doubleValue(),
                        train.get("evalEvery").intValue(), train.get("patience").intValue(),
                        train.get("earlyStopMetric").textValue(), train.get("indexingWeight").doubleValue()),
                new ExperimentSpec.Eval(eval.get("beamWidth").intValue(), eval.get("topK").intValue(), metrics,
                        eval.get("constrained").booleanValue(), eval.get("unconstrained").booleanValue(),
                        eval.get("gain").textValue(),
                        eval.get("exhaustiveMaxDocuments").intValue(), eval.get("batchSize").intValue(),
                        eval.get("rerankRun").textValue(), eval.get("rerankDepth").intValue()),
                node.get("seed").longValue());
    }

    private static DocIdOptions docIdOptions(JsonNode node) {
        return new DocIdOptions(node.get("base").intValue(), node.get("seed").longValue(),
                node.get("semanticDimensions").intValue(), node.get("semanticMaxTerms").intValue(),
                node.get("kmeansMaxIterations").intValue(), node.get("textTokenizer").textValue(),
                node.get("textMaxTokens").intValue(), node.get("taxonomyTokens").textValue());
    }

    private static Map<String, Object> lossOptions(JsonNode loss) {
        ObjectNode options = loss.deepCopy();
        options.remove("name");
        return toMap(options);
    }

    private static Map<String, Object> toMap(JsonNode node) {
        return YAML.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
