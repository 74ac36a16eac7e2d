package org.arr.docid;

import java.util.Set;

/**
 * Options of the docID schemes. Each scheme reads only the fields it needs and records them in
 * {@link DocIds#parameters()}.
 *
 * @param base number of digit tokens {@code b} ({@code sequential}, {@code random}) and of clusters per level
 *     ({@code semantic}); in {@code [2, 65536]}
 * @param seed seed of every random choice ({@code random} permutation, {@code semantic} projection and k-means)
 * @param semanticDimensions rank of the truncated SVD of the TF-IDF matrix ({@code semantic}); at least 1
 * @param semanticMaxTerms the TF-IDF vocabulary keeps the terms with the highest document frequency, up to
 *     this many ({@code semantic}); at least 1
 * @param kmeansMaxIterations maximum Lloyd iterations per k-means run ({@code semantic}); at least 1
 * @param textTokenizer {@code char} or {@code word}: how the {@code text} scheme tokenizes document names
 * @param textMaxTokens names longer than this many tokens are cut ({@code text}); at least 1
 * @param taxonomyTokens {@code label} (one token per node label) or {@code child-index} (the position of the
 *     node among its siblings) for the {@code taxonomy} scheme
 */
public record DocIdOptions(int base, long seed, int semanticDimensions, int semanticMaxTerms, int kmeansMaxIterations,
        String textTokenizer, int textMaxTokens, String taxonomyTokens) {

    /** The largest accepted {@link #base}. */
    public static final int MAX_BASE = 1 << 16;

    /** The accepted values of {@link #textTokenizer}. */
    public static final Set<String> TEXT_TOKENIZERS = Set.of("char", "word");

    /** The accepted values of {@link #taxonomyTokens}. */
    public static final Set<String> TAXONOMY_TOKENS = Set.of(TaxonomyScheme.LABEL_TOKENS, TaxonomyScheme.CHILD_INDEX_TOKENS);

    /**
     * Checks every range.
     *
     * @throws IllegalArgumentException naming the field, the value and the allowed range
     */
    public DocIdOptions {
        if (base < 2 || base > MAX_BASE) {
            throw new IllegalArgumentException("base must be in [2, " + MAX_BASE + "], got " + base);
        }
        if (semanticDimensions < 1) {
            throw new IllegalArgumentException("semanticDimensions must be at least 1, got " + semanticDimensions);
        }
        if (semanticMaxTerms < 1) {
            throw new IllegalArgumentException("semanticMaxTerms must be at least 1, got " + semanticMaxTerms);
        }
        if (kmeansMaxIterations < 1) {
            throw new IllegalArgumentException("kmeansMaxIterations must be at least 1, got " + kmeansMaxIterations);
        }
        if (!TEXT_TOKENIZERS.contains(textTokenizer)) {
            throw new IllegalArgumentException("textTokenizer must be 'char' or 'word', got '" + textTokenizer + "'");
        }
        if (textMaxTokens < 1) {
            throw new IllegalArgumentException("textMaxTokens must be at least 1, got " + textMaxTokens);
        }
        if (!TAXONOMY_TOKENS.contains(taxonomyTokens)) {
            throw new IllegalArgumentException("taxonomyTokens must be 'label' or 'child-index', got '" + taxonomyTokens + "'");
        }
    }

    /**
     * Returns the defaults: base 10, seed 42, 64 SVD dimensions over at most 2,000 terms, 100 k-means
     * iterations, character tokens for names cut at 64 tokens, one token per taxonomy label.
     */
    public static DocIdOptions defaults() {
        return new DocIdOptions(10, 42L, 64, 2000, 100, "char", 64, TaxonomyScheme.LABEL_TOKENS);
    }

    public DocIdOptions withBase(int newBase) {
        return new DocIdOptions(newBase, seed, semanticDimensions, semanticMaxTerms, kmeansMaxIterations, textTokenizer, textMaxTokens, taxonomyTokens);
    }

    public DocIdOptions withSeed(long newSeed) {
        return new DocIdOptions(base, newSeed, semanticDimensions, semanticMaxTerms, kmeansMaxIterations, textTokenizer, textMaxTokens, taxonomyTokens);
    }

    public DocIdOptions withSemantic(int dimensions, int maxTerms, int maxIterations) {
        return new DocIdOptions(base, seed, dimensions, maxTerms, maxIterations, textTokenizer, textMaxTokens, taxonomyTokens);
    }

    public DocIdOptions withText(String tokenizer, int maxTokens) {
        return new DocIdOptions(base, seed, semanticDimensions, semanticMaxTerms, kmeansMaxIterations, tokenizer, maxTokens, taxonomyTokens);
    }

    public DocIdOptions withTaxonomyTokens(String tokens) {
        return new DocIdOptions(base, seed, semanticDimensions, semanticMaxTerms, kmeansMaxIterations, textTokenizer, textMaxTokens, tokens);
    }
}
