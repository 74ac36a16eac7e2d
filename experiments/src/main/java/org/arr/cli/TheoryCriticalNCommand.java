package org.arr.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.arr.theory.capacity.FitSettings;
import org.arr.theory.experiment.CriticalNExperiment;
import org.arr.theory.plot.CriticalNPlot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arr theory critical-n}: LIMIT's free-embedding experiment (Weller et al., arXiv 2508.21038), the largest
 * corpus for which free embeddings of each dimension realize every top-{@code k} set.
 */
@Command(
        name = "critical-n",
        mixinStandardHelpOptions = true,
        description = {
            "Reproduces LIMIT's free-embedding experiment: for each dimension, the largest n for which free query and "
                    + "document embeddings, trained with InfoNCE and Adam, put every one of the C(n, k) k-subsets on top "
                    + "of its query (galloping then binary search over n).",
            "Writes critical-n.csv, critical-n-probes.csv and critical-n.png/.svg, and prints dim and critical n as TSV."
        })
final class TheoryCriticalNCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TheoryCriticalNCommand.class);

    @Option(names = "--k", defaultValue = "2", description = "Relevant documents per query (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--dims", required = true, paramLabel = "RANGE",
            description = "Dimensions to search: a range like 2..12 or a comma list like 2,4,8.")
    String dims;

    @Option(names = "--max-n", defaultValue = "64", description = "Largest n tried (default: ${DEFAULT-VALUE}).")
    int maxN;

    @Option(names = "--max-steps", defaultValue = "5000",
            description = "Maximum Adam steps per restart (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--learning-rate", defaultValue = "0.05", description = "Adam step size (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--patience", defaultValue = "500", description = "Stop a restart after this many steps without a "
            + "new query realized (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--restarts", defaultValue = "3", description = "Restarts per fit (default: ${DEFAULT-VALUE}).")
    int restarts;

    @Option(names = "--seed", defaultValue = "13", description = "Seed of the first restart (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (must not exist). Default: runs/theory-critical-n-<timestamp>.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        CriticalNExperiment.Config config = new CriticalNExperiment.Config(k, parseDims(dims), maxN,
                new FitSettings(maxSteps, learningRate, patience, restarts, seed));
        OutputDirectory directory = OutputDirectory.create(out, "theory-critical-n");

        CriticalNExperiment.Report report = new CriticalNExperiment(config).run();

        List<String> summary = new ArrayList<>();
        summary.add("k,dim,critical_n,reached_max_n,seconds");
        for (CriticalNExperiment.DimensionResult result : report.results()) {
            summary.add(String.format(Locale.ROOT, "%d,%d,%d,%b,%.3f", k, result.dim(), result.criticalN(),
                    result.reachedMaxN(), result.seconds()));
        }
        Files.write(directory.staging().resolve("critical-n.csv"), summary);
        List<String> probes = new ArrayList<>();
        probes.add("k,dim,n,queries,fraction_realized,seconds");
        for (CriticalNExperiment.Probe probe : report.probes()) {
            probes.add(String.format(Locale.ROOT, "%d,%d,%d,%d,%.6f,%.3f", k, probe.dim(), probe.n(), probe.queries(),
                    probe.fractionRealized(), probe.seconds()));
        }
        Files.write(directory.staging().resolve("critical-n-probes.csv"), probes);

        double[] coefficients = report.polynomialFit(3);
        double[][] fitted = coefficients.length == 0 ? null : evaluate(coefficients, report);
        CriticalNPlot.write(report, fitted, "least-squares polynomial fit: " + polynomial(coefficients),
                directory.staging(), "critical-n");
        Path written = directory.commit();

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("dim\tcritical_n");
        for (CriticalNExperiment.DimensionResult result : report.results()) {
            stdout.println(result.dim() + "\t" + (result.reachedMaxN() ? ">=" : "") + result.criticalN());
        }
        if (coefficients.length > 0) {
            stdout.println("fit: critical n = " + polynomial(coefficients));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        stdout.printf(Locale.ROOT, "wrote %s (wall time %.1f s)%n", written, seconds);
        stdout.flush();
        LOG.info("Critical-n experiment finished in {} s, output in {}", String.format(Locale.ROOT, "%.1f", seconds),
                written);
        return 0;
    }

    /**
     * Parses {@code a..b} or a comma list into dimensions.
     *
     * @throws IllegalArgumentException if the text is neither form or a value is not a positive integer
     */
    static int[] parseDims(String text) {
        try {
            String trimmed = text.trim();
            if (trimmed.contains("..")) {
                String[] bounds = trimmed.split("\\.\\.", -1);
                if (bounds.length != 2) {
                    throw new IllegalArgumentException("Invalid --dims '" + text + "': expected one range a..b");
                }
                int from = Integer.parseInt(bounds[0].trim());
                int to = Integer.parseInt(bounds[1].trim());
                if (from < 1 || to < from) {
                    throw new IllegalArgumentException("Invalid --dims '" + text + "': a range a..b needs 1 <= a <= b");
                }
                return java.util.stream.IntStream.rangeClosed(from, to).toArray();
            }
            int[] values = java.util.Arrays.stream(trimmed.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            for (int value : values) {
                if (value < 1) {
                    throw new IllegalArgumentException("Invalid --dims '" + text + "': dimensions must be >= 1");
                }
            }
            return values;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid --dims '" + text + "': expected a range like 2..12 or a list "
                    + "like 2,4,8", e);
        }
    }

    private static double[][] evaluate(double[] coefficients, CriticalNExperiment.Report report) {
        int from = report.results().stream().mapToInt(CriticalNExperiment.DimensionResult::dim).min().orElseThrow();
        int to = report.results().stream().mapToInt(CriticalNExperiment.DimensionResult::dim).max().orElseThrow();
        int points = 100;
        double[][] curve = new double[2][points + 1];
        for (int i = 0; i <= points; i++) {
            double dim = from + (to - from) * i / (double) points;
            double value = 0;
            for (int power = coefficients.length - 1; power >= 0; power--) {
                value = value * dim + coefficients[power];
            }
            curve[0][i] = dim;
            curve[1][i] = value;
        }
        return curve;
    }

    private static String polynomial(double[] coefficients) {
        StringBuilder text = new StringBuilder();
        for (int power = 0; power < coefficients.length; power++) {
            if (power > 0) {
                text.append(coefficients[power] < 0 ? " - " : " + ");
            } else if (coefficients[power] < 0) {
                text.append('-');
            }
            text.append(String.format(Locale.ROOT, "%.4g", Math.abs(coefficients[power])));
            if (power == 1) {
                text.append(" d");
            } else if (power > 1) {
                text.append(" d^").append(power);
            }
        }
        return text.toString();
    }
}
