package org.arr.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.arr.cost.RankingCost;
import org.arr.data.Run;
import org.arr.data.trec.TrecRunFile;
import org.arr.run.RunDirectory;

/**
 * The run a cross encoder re-ranks, with the cost per query its run folder recorded (when it has one).
 *
 * @param run the first-stage ranked lists
 * @param source the file the run was read from
 * @param costPerQuery {@code forward_passes_per_query}, {@code flops_per_query} and {@code ms_per_query} from the
 *     first stage's {@code metrics.json} and {@code timing.json}; empty when the files or the fields are missing
 */
record FirstStageRun(Run run, Path source, Map<String, Double> costPerQuery) {

    /**
     * Resolves {@code reference}: a {@code run.trec} file, a run folder, or a run name whose newest finished folder
     * under {@code runsRoot} is used.
     *
     * @throws IllegalArgumentException if nothing matches, naming the places searched
     */
    static FirstStageRun resolve(String reference, Path runsRoot) {
        Path path = Path.of(reference);
        Path runFile;
        if (Files.isRegularFile(path)) {
            runFile = path;
        } else if (Files.isRegularFile(path.resolve(RunDirectory.RUN))) {
            runFile = path.resolve(RunDirectory.RUN);
        } else {
            Path folder = newestFinished(runsRoot.resolve(reference)).orElseThrow(() -> new IllegalArgumentException(
                    "eval.rerankRun '" + reference + "' is not a run file, a run folder, or the name of a finished run under "
                            + runsRoot + "; run the dual-encoder config first or give the path of its run.trec"));
            runFile = folder.resolve(RunDirectory.RUN);
        }
        return new FirstStageRun(TrecRunFile.read(runFile), runFile, readCost(runFile.resolveSibling(RunDirectory.METRICS)));
    }

    private static Optional<Path> newestFinished(Path parent) {
        if (!Files.isDirectory(parent)) {
            return Optional.empty();
        }
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> children = Files.list(parent)) {
            children.filter(Files::isDirectory).forEach(folders::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list run folders in " + parent, e);
        }
        folders.sort(Comparator.comparing((Path folder) -> folder.getFileName().toString()).reversed());
        for (Path folder : folders) {
            try {
                if (Files.isRegularFile(folder.resolve(RunDirectory.RUN)) && RunDirectory.readProvenance(folder).isFinished()) {
                    return Optional.of(folder);
                }
            } catch (IOException | IllegalArgumentException e) {
                // A folder without readable provenance is not a finished run; the next one may be.
                continue;
            }
        }
        return Optional.empty();
    }

    private static Map<String, Double> readCost(Path metricsFile) {
        if (!Files.isRegularFile(metricsFile)) {
            return Map.of();
        }
        try {
            Map<String, Double> metrics = new java.util.HashMap<>(RunFiles.readMetrics(Files.readString(metricsFile, StandardCharsets.UTF_8)));
            Path timingFile = metricsFile.resolveSibling(RunFiles.TIMING);
            if (Files.isRegularFile(timingFile)) {
                metrics.putAll(RunFiles.readMetrics(Files.readString(timingFile, StandardCharsets.UTF_8)));
            }
            List<String> names = List.of(RankingCost.FORWARD_PASSES_PER_QUERY, RankingCost.FLOPS_PER_QUERY, RankingCost.MS_PER_QUERY);
            for (String name : names) {
                if (metrics.get(name) == null) {
                    return Map.of();
                }
            }
            return Map.of(names.get(0), metrics.get(names.get(0)), names.get(1), metrics.get(names.get(1)), names.get(2),
                    metrics.get(names.get(2)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid JSON in " + metricsFile + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + metricsFile, e);
        }
    }
}
