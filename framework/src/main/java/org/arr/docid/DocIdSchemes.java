package org.arr.docid;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.arr.util.ClosestName;

/** Registry of the docID schemes by name: atomic, random, semantic, sequential, taxonomy, text. */
public final class DocIdSchemes {

    private static final Map<String, DocIdScheme> SCHEMES = new TreeMap<>();

    static {
        register(new AtomicScheme());
        register(new SequentialScheme());
        register(new RandomScheme());
        register(new SemanticScheme());
        register(new TaxonomyScheme());
        register(new TextScheme());
    }

    private DocIdSchemes() {
    }

    private static void register(DocIdScheme scheme) {
        SCHEMES.put(scheme.name(), scheme);
    }

    /** Returns the registered names in alphabetical order. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(SCHEMES.keySet());
    }

    /**
     * Returns the scheme of a name.
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the known names and the closest one
     */
    public static DocIdScheme byName(String name) {
        DocIdScheme scheme = SCHEMES.get(name);
        if (scheme == null) {
            throw new IllegalArgumentException(ClosestName.unknownNameMessage("docID scheme", name, SCHEMES.keySet()));
        }
        return scheme;
    }
}
