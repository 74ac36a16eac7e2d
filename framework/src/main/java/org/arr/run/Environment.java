package org.arr.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The software and machine a run was started on. Fields that cannot be determined are null.
 *
 * @param gitCommit {@code git rev-parse HEAD} of the working directory, or null outside a git checkout
 * @param gitDirty whether {@code git status --porcelain} lists changes, or null outside a git checkout
 * @param projectVersion version of this project's jar
 * @param javaVersion {@code java.version}
 * @param javaVendor {@code java.vendor}
 * @param djlVersion DJL version
 * @param engine deep learning engine name and version, e.g. {@code PyTorch 2.7.1}
 * @param os operating system name, version and architecture
 * @param cpuCount processors available to the JVM
 * @param maxHeapBytes the JVM's maximum heap
 * @param hostname the machine's host name
 */
@JsonPropertyOrder({"gitCommit", "gitDirty", "projectVersion", "javaVersion", "javaVendor", "djlVersion", "engine", "os",
    "cpuCount", "maxHeapBytes", "hostname"})
public record Environment(String gitCommit, Boolean gitDirty, String projectVersion, String javaVersion, String javaVendor,
        String djlVersion, String engine, String os, int cpuCount, long maxHeapBytes, String hostname) {

    private static final Logger LOG = LoggerFactory.getLogger(Environment.class);
    private static final long GIT_TIMEOUT_SECONDS = 10;

    /**
     * Captures the environment of this JVM.
     *
     * @param projectVersion version of the calling application, or null when unknown
     * @param engine engine name and version (the caller loads the engine), or null when no engine is used
     */
    public static Environment capture(String projectVersion, String engine) {
        String commit = git("rev-parse", "HEAD");
        String status = commit == null ? null : git("status", "--porcelain");
        return new Environment(
                commit,
                status == null ? null : !status.isBlank(),
                projectVersion,
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                currentDjlVersion(),
                engine,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                currentHostname());
    }

    private static String currentDjlVersion() {
        try {
            return ai.djl.engine.Engine.getDjlVersion();
        } catch (RuntimeException e) {
            LOG.debug("DJL version unavailable", e);
            return null;
        }
    }

    /** Returns the trimmed output of a git command in the working directory, or null when it fails. */
    private static String git(String... arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                LOG.warn("git {} timed out after {} s; provenance has no git information", arguments[0], GIT_TIMEOUT_SECONDS);
                return null;
            }
            return process.exitValue() == 0 ? new String(output, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            LOG.debug("git is not available: {}", e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Reads the host name from the environment or the kernel, without any network lookup. */
    private static String currentHostname() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        for (String file : List.of("/proc/sys/kernel/hostname", "/etc/hostname")) {
            try {
                String name = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            } catch (IOException e) {
                LOG.debug("Cannot read {}: {}", file, e.getMessage());
            }
        }
        return null;
    }
}
