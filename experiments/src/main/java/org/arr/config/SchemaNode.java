package org.arr.config;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A node of a config schema: a section of named children, a typed setting, a free-form map that a
 * component validates itself, or a component chosen by name with its options.
 */
sealed interface SchemaNode permits SchemaNode.Section, Setting, SchemaNode.OpenMap, SchemaNode.Component {

    /** A mapping with a fixed set of keys, in the order the resolved config lists them. */
    record Section(Map<String, SchemaNode> children) implements SchemaNode {

        public Section {
            children = Collections.unmodifiableMap(new LinkedHashMap<>(children));
        }

        static Builder builder() {
            return new Builder();
        }

        /** Collects children in insertion order. */
        static final class Builder {

            private final Map<String, SchemaNode> children = new LinkedHashMap<>();

            Builder add(String key, SchemaNode node) {
                children.put(key, node);
                return this;
            }

            Section build() {
                return new Section(children);
            }
        }
    }

    /**
     * A mapping with arbitrary keys, handed as-is to a component chosen by name (a dataset loader, a docID
     * scheme), which rejects the keys it does not know when it is built.
     */
    record OpenMap() implements SchemaNode {
    }

    /**
     * A component chosen by name whose other keys are its options, checked by the component itself, e.g.
     * {@code loss: {name: stoical, alpha: 0.5}}.
     *
     * @param nameKey the key that names the component
     * @param defaultName the name used when the key is absent
     * @param names the valid names
     * @param check builds or checks the component from its name and options, throwing
     *     {@link IllegalArgumentException} with a message that names the bad option
     */
    record Component(String nameKey, String defaultName, Supplier<Collection<String>> names,
            BiConsumer<String, Map<String, Object>> check) implements SchemaNode {
    }
}
