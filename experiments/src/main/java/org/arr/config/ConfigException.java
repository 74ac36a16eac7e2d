package org.arr.config;

import java.util.List;

/**
 * An experiment config that failed validation. The message lists every error found, one per line, so a
 * user can fix them all at once.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    /**
     * @param source where the config came from (a file name), used in the first line of the message
     * @param errors the problems, at least one
     */
    public ConfigException(String source, List<ConfigError> errors) {
        super(format(source, errors));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String format(String source, List<ConfigError> errors) {
        StringBuilder message = new StringBuilder("Invalid config ").append(source).append(" (")
                .append(errors.size()).append(errors.size() == 1 ? " error):" : " errors):");
        for (ConfigError error : errors) {
            message.append(System.lineSeparator()).append("  ").append(error);
        }
        return message.toString();
    }
}
