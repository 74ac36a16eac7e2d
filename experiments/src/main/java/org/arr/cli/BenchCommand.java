package org.arr.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.arr.config.ConfigLoader;
import org.arr.config.ExperimentSpec;
import org.arr.experiment.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code arr bench}: training and decoding throughput and peak memory of a config's model. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {
            "Measure training and decoding speed and peak memory of a model.",
            "Training throughput (tokens/s, steps/s), decoding throughput (queries/s at the config's beam width), peak"
                    + " heap and peak resident memory for the model and task of a config. Prints a table; writes nothing"
                    + " but temporary checkpoints."
        })
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", defaultValue = "experiments/configs/quickstart.yaml",
            description = "Experiment config whose model size and task are measured. Default: ${DEFAULT-VALUE}.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config value, e.g. --set model.dModel=128.")
    java.util.List<String> overrides = new java.util.ArrayList<>();

    @Option(names = "--epochs", defaultValue = "2",
            description = "Training epochs to time, after one untimed warm-up epoch. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--queries", defaultValue = "200", description = "Test queries to decode at most. Default: ${DEFAULT-VALUE}.")
    int queries;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (epochs < 1 || queries < 1) {
            throw new IllegalArgumentException("--epochs and --queries must be at least 1");
        }
        ExperimentSpec experiment = ConfigLoader.load(config, overrides).spec();
        Path scratch = Files.createTempDirectory("arr-bench");
        Benchmark.Figures figures;
        try {
            figures = Benchmark.run(experiment, epochs, queries, scratch);
        } finally {
            deleteRecursively(scratch);
        }

        ExperimentSpec.Model model = experiment.model();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "model          layers %d, dModel %d, heads %d, mlpRatio %d, %,d parameters%n", model.layers(),
                model.dModel(), model.heads(), model.mlpRatio(), figures.parameters());
        out.printf(Locale.ROOT, "task           %s, docIDs %s, %d training groups, batch %d%n", experiment.dataset().spec(),
                experiment.docids().scheme(), figures.trainingGroups(), experiment.train().batchSize());
        out.printf(Locale.ROOT, "train          %,.0f tokens/s, %.2f steps/s (mean of %d epoch%s after a warm-up epoch)%n",
                figures.trainTokensPerSecond(), figures.trainStepsPerSecond(), figures.timedEpochs(),
                figures.timedEpochs() == 1 ? "" : "s");
        out.printf(Locale.ROOT, "decode         %.2f queries/s at beam width %d (%d queries, constrained)%n",
                figures.decodeQueriesPerSecond(), figures.beamWidth(), figures.decodeQueries());
        out.printf(Locale.ROOT, "peak heap      %.1f MiB%n", figures.peakHeapBytes() / 1048576.0);
        out.printf(Locale.ROOT, "peak resident  %s%n", figures.peakResidentBytes() < 0 ? "unavailable"
                : String.format(Locale.ROOT, "%.1f MiB (VmHWM)", figures.peakResidentBytes() / 1048576.0));
        out.printf(Locale.ROOT, "cpus           %d available to the JVM%n", Runtime.getRuntime().availableProcessors());
        out.flush();
        return 0;
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to delete " + folder, e);
        }
    }
}
