package org.arr.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Hugging Face {@code tokenizer.json} run by DJL's native tokenizers library (bundled in the
 * {@code ai.djl.huggingface:tokenizers} jar, so nothing is downloaded). Registry name {@value #NAME}.
 *
 * <p>Ids: a Hugging Face id {@code h} becomes {@code h + 2}, which frees ids 0 (padding) and 1 (unknown)
 * for the {@link TextTokenizer} contract; the model's own unknown token (the {@code unk_token} of WordLevel,
 * WordPiece and BPE models, the {@code unk_id} of Unigram models) maps to {@link #UNKNOWN}, which leaves its
 * shifted id unused. {@link #encode} adds no special tokens such as {@code [CLS]}, because the ranking model
 * inserts its own separator, and never truncates (DJL would otherwise cut at the model's maximum length, 512
 * by default). The vocabulary size is read from the JSON: the largest id of {@code model.vocab}
 * and {@code added_tokens}, plus one, plus two.
 *
 * <p>The instance owns native memory: close it when done (DJL also frees it when the object is collected).
 */
public final class HuggingFaceTextTokenizer implements TextTokenizer, AutoCloseable {

    public static final String NAME = "huggingface";

    private static final Logger LOG = LoggerFactory.getLogger(HuggingFaceTextTokenizer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OFFSET = 2;

    private final JsonNode definition;
    private final HuggingFaceTokenizer tokenizer;
    private final String[] tokenTexts;
    private final long unknownId;

    private HuggingFaceTextTokenizer(JsonNode definition, String source) {
        this.definition = definition.deepCopy();
        Map<Long, String> vocabulary = readVocabulary(definition, source);
        long maxId = vocabulary.keySet().stream().mapToLong(Long::longValue).max().orElseThrow(
                () -> new IllegalArgumentException(source + ": the tokenizer has an empty vocabulary (model.vocab)"));
        if (maxId + 1 + OFFSET > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(source + ": vocabulary id " + maxId + " is too large");
        }
        this.tokenTexts = new String[(int) maxId + 1 + OFFSET];
        tokenTexts[PADDING] = Vocabulary.PADDING_TOKEN;
        tokenTexts[UNKNOWN] = Vocabulary.UNKNOWN_TOKEN;
        vocabulary.forEach((id, text) -> tokenTexts[(int) (id + OFFSET)] = text);
        this.unknownId = unknownId(definition.path("model"), vocabulary);

        Map<String, String> options = new HashMap<>();
        options.put("addSpecialTokens", "false");
        options.put("truncation", "false");
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(JSON.writeValueAsBytes(definition)), options);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": failed to load the tokenizer: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            LOG.error("DJL failed to load the Hugging Face tokenizer from {}", source, e);
            throw new IllegalArgumentException(source + ": DJL failed to load the tokenizer: " + e.getMessage(), e);
        }
        LOG.info("Loaded Hugging Face tokenizer from {} ({} ids)", source, tokenTexts.length);
    }

    /**
     * Loads a {@code tokenizer.json} file from a local path.
     *
     * @throws IllegalArgumentException if the file is missing, is not JSON, or has no {@code model.vocab}
     * @throws UncheckedIOException if reading the file fails
     */
    public static HuggingFaceTextTokenizer load(Path tokenizerJson) {
        if (!Files.isRegularFile(tokenizerJson)) {
            throw new IllegalArgumentException("Hugging Face tokenizer file not found: " + tokenizerJson
                    + " (expected the path of a tokenizer.json file)");
        }
        JsonNode definition;
        try {
            definition = JSON.readTree(tokenizerJson.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(tokenizerJson + ": invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + tokenizerJson, e);
        }
        return new HuggingFaceTextTokenizer(definition, tokenizerJson.toString());
    }

    /**
     * Rebuilds a tokenizer from the {@code tokenizer} field written by {@link #toJson}.
     *
     * @throws IllegalArgumentException if the field is missing or not a valid tokenizer definition
     */
    static HuggingFaceTextTokenizer fromJson(JsonNode json, String source) {
        JsonNode definition = json.get("tokenizer");
        if (definition == null || !definition.isObject()) {
            throw new IllegalArgumentException(source + ": missing object field 'tokenizer' (the tokenizer.json content)");
        }
        return new HuggingFaceTextTokenizer(definition, source);
    }

    private static Map<Long, String> readVocabulary(JsonNode definition, String source) {
        JsonNode vocab = definition.path("model").path("vocab");
        Map<Long, String> vocabulary = new HashMap<>();
        if (vocab.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                vocabulary.put(entry.getValue().asLong(), entry.getKey());
            }
        } else if (vocab.isArray()) {
            // Unigram models list [piece, score] pairs; the id is the position.
            for (int id = 0; id < vocab.size(); id++) {
                vocabulary.put((long) id, vocab.get(id).path(0).asText());
            }
        } else {
            throw new IllegalArgumentException(source + ": expected 'model.vocab' to be an object or an array");
        }
        for (JsonNode added : definition.path("added_tokens")) {
            vocabulary.put(added.path("id").asLong(), added.path("content").asText());
        }
        return vocabulary;
    }

    private static long unknownId(JsonNode model, Map<Long, String> vocabulary) {
        if (model.path("unk_id").isIntegralNumber()) {
            return model.get("unk_id").asLong();
        }
        String unknownToken = model.path("unk_token").asText(null);
        if (unknownToken != null) {
            for (Map.Entry<Long, String> entry : vocabulary.entrySet()) {
                if (entry.getValue().equals(unknownToken)) {
                    return entry.getKey();
                }
            }
        }
        return -1;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int vocabularySize() {
        return tokenTexts.length;
    }

    @Override
    public int[] encode(String text) {
        long[] hfIds = tokenizer.encode(text, false, false).getIds();
        int[] ids = new int[hfIds.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = hfIds[i] == unknownId ? UNKNOWN : (int) (hfIds[i] + OFFSET);
        }
        return ids;
    }

    @Override
    public String tokenText(int id) {
        if (id < 0 || id >= tokenTexts.length) {
            throw new IndexOutOfBoundsException("Token id " + id + " is outside [0, " + tokenTexts.length + ")");
        }
        return tokenTexts[id];
    }

    /** Returns {@code {"type": "huggingface", "tokenizer": <the tokenizer.json content>}}. */
    @Override
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", NAME);
        json.set("tokenizer", definition.deepCopy());
        return json;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
