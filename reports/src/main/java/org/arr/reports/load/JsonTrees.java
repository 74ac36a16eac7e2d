package org.arr.reports.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/** Flattens nested JSON or YAML objects to dotted keys, e.g. {@code {loss: {alpha: 1}}} to {@code loss.alpha}. */
final class JsonTrees {

    private JsonTrees() {
    }

    /**
     * Calls {@code sink} with each leaf under {@code node}: objects are descended into, keys joined with
     * {@code .}; arrays and scalars are leaves.
     */
    static void forEachLeaf(JsonNode node, String prefix, BiConsumer<String, JsonNode> sink) {
        if (!node.isObject()) {
            sink.accept(prefix, node);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            forEachLeaf(field.getValue(), key, sink);
        }
    }

    /** Returns the text a leaf is shown as in variant labels: scalars as written, arrays as JSON. */
    static String leafText(JsonNode leaf) {
        if (leaf.isValueNode() || leaf.isNull()) {
            return leaf.asText();
        }
        return leaf.toString();
    }
}
