package org.arr.config;

/**
 * A validated config with its resolved YAML (every key, defaults filled in) and a short hash of that text.
 *
 * @param spec the validated settings
 * @param yaml the resolved config as YAML; reading it back gives the same spec and hash
 * @param hash the first 8 hex digits of the SHA-256 of {@code yaml}, naming run folders
 */
public record ResolvedConfig(ExperimentSpec spec, String yaml, String hash) {
}
