package org.arr.data;

import java.util.Map;

/**
 * Turns files (or built-in data) into a {@link RankingTask}. Loaders are chosen by name from a registry,
 * so configs name {@code beir}, {@code wordnet}, ... and never a class.
 */
public interface DatasetLoader {

    /** Returns the registry name, e.g. {@code beir}. */
    String name();

    /** Returns a one-line description for {@code arr datasets list}. */
    String description();

    /**
     * Loads a task.
     *
     * @param argument the part of a dataset spec after the first colon ({@code beir:PATH} gives {@code PATH}),
     *     or an empty string
     * @param options loader-specific options from the experiment config; unknown keys are rejected
     * @throws InputFormatException if a file is missing or malformed
     * @throws IllegalArgumentException if the argument or an option is invalid
     */
    RankingTask load(String argument, Map<String, Object> options);
}
