package org.arr.tokenize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.arr.util.ClosestName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registry of text tokenizers by name ({@code char}, {@code word}, {@code huggingface}), and their
 * JSON files. A file contains {@code {"format": "arr-text-tokenizer", "version": 1, "type": NAME, ...}} plus
 * the state of that tokenizer (its token list, or the embedded {@code tokenizer.json}).
 */
public final class TextTokenizers {

    /** The registered names. */
    public static final List<String> NAMES = List.of(CharacterTokenizer.NAME, WordTokenizer.NAME, HuggingFaceTextTokenizer.NAME);

    static final String FORMAT = "arr-text-tokenizer";
    static final int VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(TextTokenizers.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TextTokenizers() {
    }

    /**
     * Creates a tokenizer by name: {@code char} and {@code word} build their vocabulary from the training
     * texts; {@code huggingface} loads {@code tokenizerFile} and ignores the texts and options.
     *
     * @param tokenizerFile path of a {@code tokenizer.json}; required for {@code huggingface}, otherwise unused
     * @throws IllegalArgumentException for an unknown name (the message lists the known names and the closest
     *     one) or a missing {@code tokenizerFile}
     */
    public static TextTokenizer create(String name, Iterable<String> trainingTexts, VocabularyOptions options, Path tokenizerFile) {
        switch (name) {
            case CharacterTokenizer.NAME:
                return logBuilt(CharacterTokenizer.train(trainingTexts, options));
            case WordTokenizer.NAME:
                return logBuilt(WordTokenizer.train(trainingTexts, options));
            case HuggingFaceTextTokenizer.NAME:
                if (tokenizerFile == null) {
                    throw new IllegalArgumentException("The huggingface tokenizer needs the path of a tokenizer.json file");
                }
                return HuggingFaceTextTokenizer.load(tokenizerFile);
            default:
                throw new IllegalArgumentException(ClosestName.unknownNameMessage("tokenizer", name, NAMES));
        }
    }

    private static TextTokenizer logBuilt(TextTokenizer tokenizer) {
        LOG.info("Built {} tokenizer with {} ids", tokenizer.name(), tokenizer.vocabularySize());
        return tokenizer;
    }

    /**
     * Writes a tokenizer to a JSON file atomically (a temporary file in the same folder, then a move).
     *
     * @throws UncheckedIOException if writing fails
     */
    public static void save(TextTokenizer tokenizer, Path file) {
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("version", VERSION);
        json.setAll(tokenizer.toJson());
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
            JSON.writeValue(temporary.toFile(), json);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write tokenizer file " + file, e);
        }
    }

    /**
     * Reads a tokenizer written by {@link #save}.
     *
     * @throws IllegalArgumentException if the file is missing, is not JSON, or is not a tokenizer file of a
     *     known type and version
     * @throws UncheckedIOException if reading fails
     */
    public static TextTokenizer load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Tokenizer file not found: " + file);
        }
        JsonNode json;
        try {
            json = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read tokenizer file " + file, e);
        }
        return fromJson(json, file.toString());
    }

    /**
     * Rebuilds a tokenizer from JSON in the file format of {@link #save}.
     *
     * @param source names the input in error messages
     * @throws IllegalArgumentException if the format, version or type is wrong, or the state is invalid
     */
    public static TextTokenizer fromJson(JsonNode json, String source) {
        if (!FORMAT.equals(json.path("format").asText())) {
            throw new IllegalArgumentException(source + ": not a tokenizer file (expected \"format\": \"" + FORMAT + "\")");
        }
        if (json.path("version").asInt(-1) != VERSION) {
            throw new IllegalArgumentException(source + ": unsupported tokenizer file version " + json.path("version")
                    + " (expected " + VERSION + ")");
        }
        String type = json.path("type").asText();
        return switch (type) {
            case CharacterTokenizer.NAME -> new CharacterTokenizer(Vocabulary.fromJson(json.get("tokens"), source));
            case WordTokenizer.NAME -> new WordTokenizer(Vocabulary.fromJson(json.get("tokens"), source));
            case HuggingFaceTextTokenizer.NAME -> HuggingFaceTextTokenizer.fromJson(json, source);
            default -> throw new IllegalArgumentException(source + ": " + ClosestName.unknownNameMessage("tokenizer type", type, NAMES));
        };
    }
}
