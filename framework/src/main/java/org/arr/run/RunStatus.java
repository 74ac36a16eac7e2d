package org.arr.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The state of a run, as stored in the {@code status} field of {@code provenance.json}. */
public enum RunStatus {
    /** Started and not yet ended, or ended by a crash that left no other status. */
    RUNNING,
    /** Completed; its folder is never written again. */
    FINISHED,
    /** Stopped by an error; the message is stored with it. */
    FAILED,
    /** Stopped by the user (Ctrl-C) or a test hook; {@code --resume} continues it. */
    INTERRUPTED;

    /** Returns the lower-case name written to JSON. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a label written by {@link #label()}.
     *
     * @throws IllegalArgumentException for any other text
     */
    @JsonCreator
    public static RunStatus fromLabel(String label) {
        for (RunStatus status : values()) {
            if (status.label().equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown run status '" + label + "'; expected running, finished, failed or interrupted");
    }
}
