package org.arr.reports.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.arr.data.InputFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Reads one run directory into a {@link RunRecord}. */
public final class RunReader {

    private static final Logger LOG = LoggerFactory.getLogger(RunReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RunReader() {
    }

    /** Returns whether {@code folder} is a run directory, i.e. contains a provenance file. */
    public static boolean isRun(Path folder) {
        return Files.isRegularFile(folder.resolve(RunFileLayout.PROVENANCE));
    }

    /**
     * Reads the provenance and config of a run and, when it finished, its summary metrics, per-query values and
     * training log.
     *
     * @throws IllegalArgumentException if the folder is not a run directory
     * @throws InputFormatException if a file is malformed or a finished run lacks its metrics
     * @throws IOException if a file cannot be read
     */
    public static RunRecord read(Path folder) throws IOException {
        if (!isRun(folder)) {
            throw new IllegalArgumentException(folder + " is not a run directory: it has no " + RunFileLayout.PROVENANCE);
        }
        Path provenanceFile = folder.resolve(RunFileLayout.PROVENANCE);
        JsonNode provenance = readJson(provenanceFile);
        String status = provenance.path(RunFileLayout.STATUS_FIELD).asText("");
        if (status.isEmpty()) {
            throw new InputFormatException(provenanceFile, 1, "missing field '" + RunFileLayout.STATUS_FIELD + "'");
        }

        Map<String, String> config = readConfig(folder.resolve(RunFileLayout.CONFIG));
        long seed = seedOf(provenance, config, provenanceFile);
        List<String> commandLine = new ArrayList<>();
        provenance.path(RunFileLayout.COMMAND_LINE_FIELD).forEach(argument -> commandLine.add(argument.asText()));
        JsonNode environment = provenance.path(RunFileLayout.ENVIRONMENT_FIELD);
        String gitCommit = textOrNull(environment.path(RunFileLayout.GIT_COMMIT_FIELD));
        if (gitCommit != null && environment.path(RunFileLayout.GIT_DIRTY_FIELD).asBoolean(false)) {
            gitCommit = gitCommit + " (with uncommitted changes)";
        }
        String message = textOrNull(provenance.path(RunFileLayout.MESSAGE_FIELD));
        String endTime = textOrNull(provenance.path(RunFileLayout.END_TIME_FIELD));

        boolean finished = RunFileLayout.STATUS_FINISHED.equalsIgnoreCase(status);
        Map<String, Double> metrics = Map.of();
        Map<String, Map<String, Double>> perQuery = Map.of();
        Optional<Table> trainLog = Optional.empty();
        if (finished) {
            metrics = readMetrics(folder.resolve(RunFileLayout.METRICS));
            Path perQueryFile = folder.resolve(RunFileLayout.PER_QUERY);
            perQuery = Files.isRegularFile(perQueryFile) ? PerQueryReader.read(perQueryFile) : Map.of();
            Path trainLogFile = folder.resolve(RunFileLayout.TRAIN_LOG);
            trainLog = Files.isRegularFile(trainLogFile) ? Optional.of(readTrainLog(trainLogFile)) : Optional.empty();
        }
        return new RunRecord(folder, status.toLowerCase(java.util.Locale.ROOT), message, seed, config, commandLine,
                gitCommit, endTime, metrics, perQuery, trainLog);
    }

    private static long seedOf(JsonNode provenance, Map<String, String> config, Path provenanceFile) {
        JsonNode seed = provenance.path(RunFileLayout.SEED_FIELD);
        if (seed.canConvertToLong()) {
            return seed.asLong();
        }
        String configSeed = config.get(RunFileLayout.SEED_CONFIG_KEY);
        try {
            return Long.parseLong(configSeed);
        } catch (NumberFormatException | NullPointerException e) {
            throw new InputFormatException(provenanceFile, 1, "missing integer field '" + RunFileLayout.SEED_FIELD
                    + "', and the config has no integer '" + RunFileLayout.SEED_CONFIG_KEY + "' either");
        }
    }

    private static Map<String, String> readConfig(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException(file, 0, "missing resolved config; every run directory made by arr run has one");
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InputFormatException(file, lineOf(e), "invalid YAML: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InputFormatException(file, 1, "expected a YAML mapping of config sections");
        }
        Map<String, String> flat = new TreeMap<>();
        JsonTrees.forEachLeaf(tree, "", (key, leaf) -> flat.put(key, JsonTrees.leafText(leaf)));
        return flat;
    }

    private static Map<String, Double> readMetrics(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException(file, 0, "missing summary metrics of a run marked finished;"
                    + " the run directory is incomplete");
        }
        JsonNode tree = readJson(file);
        if (!tree.isObject()) {
            throw new InputFormatException(file, 1, "expected a JSON object from measure name to number");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        JsonTrees.forEachLeaf(tree, "", (key, leaf) -> {
            if (leaf.isNumber()) {
                metrics.put(key, leaf.doubleValue());
            } else {
                LOG.debug("{}: skipping non-numeric entry {}", file, key);
            }
        });
        return metrics;
    }

    /**
     * Reads the training log with every column as a number; an empty cell (an epoch without dev evaluation)
     * is a missing value.
     */
    static Table readTrainLog(Path file) throws IOException {
        Table table;
        try {
            table = Table.read().usingOptions(CsvReadOptions.builder(file.toFile())
                    .columnTypes(column -> ColumnType.DOUBLE)
                    .tableName(file.toString()));
        } catch (RuntimeException e) {
            throw new InputFormatException(file, 0, "invalid training log: " + e.getMessage(), e);
        }
        for (String required : List.of(RunFileLayout.EPOCH_COLUMN, RunFileLayout.LOSS_COLUMN)) {
            if (!table.columnNames().contains(required)) {
                throw new InputFormatException(file, 1, "missing column '" + required + "'; found " + table.columnNames());
            }
        }
        return table;
    }

    private static JsonNode readJson(Path file) throws IOException {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InputFormatException(file, lineOf(e), "invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static long lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
