package org.arr.config;

/**
 * One problem found in an experiment config.
 *
 * @param path dotted path of the offending key, e.g. {@code train.epochs}; empty for the whole document
 * @param message what is wrong and what is allowed
 */
public record ConfigError(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
