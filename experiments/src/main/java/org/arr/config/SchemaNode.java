package org.arr.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A node of a config schema: a section of named children, a typed setting, a free-form map that a
 * component validates itself, or a section whose keys depend on the value of a sibling setting.
 */
sealed interface SchemaNode permits SchemaNode.Section, Setting, SchemaNode.OpenMap, SchemaNode.DependentSection {

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
     * A section whose schema depends on an earlier sibling setting, e.g. the parameters of the loss named by
     * {@code loss.name}.
     *
     * @param siblingKey the key of the setting, which must come earlier in the same section
     * @param schemaFor the schema for a sibling value, or empty when that value has no schema (already reported
     *     as an invalid value by the sibling's own check)
     */
    record DependentSection(String siblingKey, Function<String, Optional<Section>> schemaFor) implements SchemaNode {
    }
}
