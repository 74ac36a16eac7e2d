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
        JsonNode document;
        try {
            document = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            long line = location == null ? 0 : location.getLineNr();
            String column = location == null || location.getColumnNr() <= 0 ? "" : " at column " + location.getColumnNr();
            throw new InputFormatException(source, line, "invalid YAML" + column + ": " + e.getOriginalMessage(), e);
        }

        List<ConfigError> errors = new ArrayList<>();
        ObjectNode root;
        if (document == null || document.isMissingNode() || document.isNull()) {
            root = JsonNodeFactory.instance.objectNode();
        } else if (document.isObject()) {
            root = (ObjectNode) document;
        } else {
            throw new ConfigException(source.toString(), List.of(new ConfigError("",
                    "expected a mapping of sections (name, dataset, docids, ...), got " + Setting.describe(document))));
        }

        Map<String, String> origins = new LinkedHashMap<>();
        Overrides.apply(root, overrides, YAML, origins, errors);
        ObjectNode resolved = new ConfigValidator(origins, errors).validate(ExperimentSchema.root(), root);
        errors.addAll(ExperimentSchema.crossChecks(resolved));
        if (!errors.isEmpty()) {
            throw new ConfigException(source.toString(), errors);
        }

        String yaml = toYaml(resolved);
        return new ResolvedConfig(toSpec(resolved), yaml, hash(yaml));
    }

    private static String toYaml(ObjectNode resolved) {
        try {
            return YAML.writeValueAsString(resolved);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Failed to write a resolved config as YAML", e);
        }
    }

    private static ExperimentSpec toSpec(ObjectNode node) {
        JsonNode dataset = node.get("dataset");
        JsonNode split = dataset.get("split");
        JsonNode docids = node.get("docids");
        JsonNode model = node.get("model");
        JsonNode tokenizer = model.get("tokenizer");
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
                        model.get("maxQueryTokens").intValue(), model.get("maxDocumentTokens").intValue()),
                new ExperimentSpec.Loss(loss.get("name").textValue(), toMap(loss.get("parameters"))),
                new ExperimentSpec.Train(train.get("epochs").intValue(), train.get("batchSize").intValue(),
                        train.get("learningRate").doubleValue(), train.get("weightDecay").doubleValue(),
                        train.get("warmupFraction").doubleValue(), train.get("schedule").textValue(),
                        train.get("minLearningRateRatio").doubleValue(), train.get("gradClip").doubleValue(),
                        train.get("evalEvery").intValue(), train.get("patience").intValue(),
                        train.get("earlyStopMetric").textValue(), train.get("indexingWeight").doubleValue()),
                new ExperimentSpec.Eval(eval.get("beamWidth").intValue(), eval.get("topK").intValue(), metrics,
                        eval.get("constrained").booleanValue(), eval.get("unconstrained").booleanValue(),
                        eval.get("gain").textValue(),
                        eval.get("exhaustiveMaxDocuments").intValue(), eval.get("batchSize").intValue()),
                node.get("seed").longValue());
    }

    private static DocIdOptions docIdOptions(JsonNode node) {
        return new DocIdOptions(node.get("base").intValue(), node.get("seed").longValue(),
                node.get("semanticDimensions").intValue(), node.get("semanticMaxTerms").intValue(),
                node.get("kmeansMaxIterations").intValue(), node.get("textTokenizer").textValue(),
                node.get("textMaxTokens").intValue(), node.get("taxonomyTokens").textValue());
    }

    private static Map<String, Object> toMap(JsonNode node) {
        return YAML.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private static String hash(String yaml) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
