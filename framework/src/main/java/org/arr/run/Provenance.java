package org.arr.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The origin and outcome of a run, stored as {@code provenance.json} in its folder. Immutable; the
 * {@code with...} methods return updated copies.
 *
 * @param status current state of the run
 * @param message the error of a failed run, the reason of an interrupted one, otherwise null
 * @param configHash short hash of the resolved config (also in the folder name)
 * @param seed the experiment seed
 * @param commandLine the arguments the run was started with
 * @param startTime when the run was first started (ISO-8601 UTC)
 * @param endTime when the run last ended (finished, failed or interrupted), or null while it runs
 * @param resumedAt when the run was resumed, oldest first
 * @param environment software and machine the run was started on
 */
@JsonPropertyOrder({"status", "message", "configHash", "seed", "commandLine", "startTime", "endTime", "resumedAt", "environment"})
public record Provenance(RunStatus status, String message, String configHash, long seed, List<String> commandLine,
        String startTime, String endTime, List<String> resumedAt, Environment environment) {

    public Provenance {
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
        resumedAt = resumedAt == null ? List.of() : List.copyOf(resumedAt);
    }

    /** Returns the provenance of a run that starts now. */
    public static Provenance started(String configHash, long seed, List<String> commandLine, Instant now,
            Environment environment) {
        return new Provenance(RunStatus.RUNNING, null, configHash, seed, commandLine, now.toString(), null, List.of(),
                environment);
    }

    /** Returns this provenance with a new status, message and end time. */
    public Provenance withEnd(RunStatus newStatus, String newMessage, Instant now) {
        return new Provenance(newStatus, newMessage, configHash, seed, commandLine, startTime, now.toString(), resumedAt,
                environment);
    }

    /** Returns this provenance marked as running again, with the resume time recorded and the last end cleared. */
    public Provenance withResume(Instant now) {
        List<String> resumes = new ArrayList<>(resumedAt);
        resumes.add(now.toString());
        return new Provenance(RunStatus.RUNNING, null, configHash, seed, commandLine, startTime, null, resumes, environment);
    }

    /** Returns whether the run completed; its folder must then never be written again. */
    @JsonIgnore
    public boolean isFinished() {
        return status == RunStatus.FINISHED;
    }
}
