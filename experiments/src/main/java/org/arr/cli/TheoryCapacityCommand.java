package org.arr.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.arr.theory.construction.BinaryTreeConstruction;
import org.arr.theory.experiment.CapacityExperiment;
import org.arr.theory.experiment.CapacityRow;
import org.arr.theory.plot.CapacityPlot;
import org.arr.theory.transformer.TransformerCapacity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arr theory capacity}: smallest dimension that realizes every ranking, for the free-embedding dual encoder,
 * the autoregressive construction and the counting bound; writes {@code capacity.csv} and one plot per task family.
 */
@Command(
        name = "capacity",
        mixinStandardHelpOptions = true,
        description = {
            "Measures the smallest dimension that realizes every ranking against the number of documents n, on the "
                    + "complete ranking task (all n! permutations) and on sampled permutations: Cover's counting bound, "
                    + "a dual encoder with free embeddings (dimension search), the binary-docID autoregressive "
                    + "construction with a 1-dimensional hidden state (exact check), and causal transformers of one "
                    + "fixed dModel with binary and with atomic docIDs, trained and checked exactly.",
            "Writes capacity.csv (task, model, docid_scheme, n, queries, dim, fraction_realized, seconds) and "
                    + "capacity-<task>.png/.svg into the output directory, and prints a summary table (also written "
                    + "to summary.tsv)."
        })
final class TheoryCapacityCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TheoryCapacityCommand.class);

    private static final String SUMMARY_FILE = "summary.tsv";
    private static final String CHILD_PART = "last-family";
    private static final String SUMMARY_HEADER = "task\tn\tqueries\tcounting_bound_dim\tde_free_embeddings_dim"
            + "\tarr_construction_dim\tarr_construction_fraction\tarr_transformer_binary_fraction"
            + "\tarr_transformer_atomic_fraction";

    @Option(names = "--quick", description = "Small settings: complete task n = 3..7, 500 sampled permutations for "
            + "n = 6, 8, 10, 12, 16 and 4000 for n = 8, 2 restarts of at most 2000 Adam steps per dual-encoder fit, "
            + "and transformers on complete n = 3..7 and sampled n = 6 (joint phase of at most 2000 steps) and, with "
            + "binary docIDs only, on sampled n = 8 (4000 steps); up to 10 repair rounds and 2 restarts.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (must not exist). Default: runs/theory-capacity-<timestamp>.")
    Path out;

    @Option(names = "--no-transformer", description = "Skip the trained causal transformers (binary and atomic "
            + "docIDs, full-batch ListMLE on sequence log-probabilities, transductive, checked exactly).")
    boolean noTransformer;

    @Option(names = "--d-model", description = "Transformer hidden size (default: "
            + TransformerCapacity.Settings.DEFAULT_D_MODEL + ").")
    Integer dModel;

    @Option(names = "--layers", description = "Transformer layers (default: 2).")
    Integer layers;

    @Option(names = "--heads", description = "Attention heads, a divisor of --d-model (default: 1).")
    Integer heads;

    @Option(names = "--transformer-steps", description = "Maximum full-batch steps of a transformer's joint phase "
            + "per restart (default: 2000 with --quick, else 4000). The 4000 sampled permutations of n = 8 keep their "
            + "own limit (4000 with --quick, else 6000).")
    Integer transformerSteps;

    @Option(names = "--repair-rounds", description = "Rounds of the repair phase, which redraws and refits the "
            + "embeddings of the queries a transformer does not realize, with the network fixed; 0 skips it "
            + "(default: 10).")
    Integer repairRounds;

    @Option(names = "--jobs", paramLabel = "N", description = "Processes. With 2 or more, the last sampled-permutations "
            + "family runs in a second process, in parallel with the other tasks; its log goes to last-family.log "
            + "in the output directory (default: 2 on a machine with at least 2 cores, else 1).")
    Integer jobs;

    /** Task families that this process runs; a parent process runs {@code rest} and starts its child with {@code last}. */
    enum Part { all, rest, last }

    @Option(names = "--part", hidden = true, defaultValue = "all")
    Part part;

    @Option(names = "--seed", defaultValue = "13", description = "Seed of the sampled permutations and the "
            + "embedding initializations (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        CapacityExperiment.Config config = quick ? CapacityExperiment.Config.quick(seed)
                : CapacityExperiment.Config.full(seed);
        if (noTransformer) {
            config = config.withTransformer(null);
        } else {
            TransformerCapacity.Settings base = config.transformer();
            config = config.withTransformer(new TransformerCapacity.Settings(dModel != null ? dModel : base.dModel(),
                    layers != null ? layers : base.layers(), heads != null ? heads : base.heads(), base.mlpRatio(),
                    base.queryLength(), transformerSteps != null ? transformerSteps : base.maxSteps(),
                    base.learningRate(), base.finalLearningRate(), base.embeddingRateFactor(), base.margin(),
                    base.patience(), repairRounds != null ? repairRounds : base.repairRounds(), base.repairSteps(),
                    base.repairLearningRate(), base.restarts(), base.seed()));
        }
        int processes = jobs != null ? jobs : Math.min(2, Runtime.getRuntime().availableProcessors());
        if (processes < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + processes);
        }
        TransformerCapacity.Settings transformer = config.transformer();
        if (transformer != null && transformer.dModel() % transformer.heads() != 0) {
            throw new IllegalArgumentException("--d-model " + transformer.dModel() + " is not a multiple of --heads "
                    + transformer.heads() + "; choose a number of heads that divides the hidden size");
        }
        OutputDirectory directory = OutputDirectory.create(out, "theory-capacity");
        boolean split = part == Part.all && processes >= 2 && !config.sampled().isEmpty();
        if (split || part == Part.rest) {
            config = config.withoutLastFamily();
        } else if (part == Part.last) {
            config = config.lastFamilyOnly();
        }
        LOG.info("Capacity experiment ({} settings), seed {}{}", quick ? "quick" : "full", seed,
                split ? ", the last sampled-permutations family in a second process" : "");

        Path staging = directory.staging();
        Path childOut = staging.resolve(CHILD_PART);
        Path childLog = staging.resolve(CHILD_PART + ".log");
        Process child = split ? startLastFamily(childOut, childLog) : null;
        List<String> rows = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        try {
            // The child's stderr goes to a file, where progress-bar frames would only add noise.
            CapacityExperiment.Report report = new CapacityExperiment(config, part != Part.last).run();
            for (CapacityRow row : report.rows()) {
                rows.add(row.toCsv());
            }
            for (CapacityExperiment.FamilyResult family : report.families()) {
                CapacityPlot.write(family.title(), family.curves(), staging, "capacity-" + fileName(family.task()));
            }
            summary.addAll(summaryLines(report));
            if (child != null) {
                mergeLastFamily(child, childOut, childLog, staging, rows, summary);
                child = null;
            }
        } finally {
            if (child != null) {
                child.destroy();
            }
        }

        List<String> csv = new ArrayList<>();
        csv.add(CapacityRow.CSV_HEADER);
        csv.addAll(rows);
        Files.write(staging.resolve("capacity.csv"), csv);
        List<String> table = new ArrayList<>();
        table.add(SUMMARY_HEADER);
        table.addAll(summary);
        Files.write(staging.resolve(SUMMARY_FILE), table);
        Path written = directory.commit();

        PrintWriter stdout = spec.commandLine().getOut();
        table.forEach(stdout::println);
        double seconds = (System.nanoTime() - start) / 1e9;
        stdout.printf(Locale.ROOT, "wrote %s (wall time %.1f s)%n", written, seconds);
        stdout.flush();
        LOG.info("Capacity experiment finished in {} s, output in {}", String.format(Locale.ROOT, "%.1f", seconds), written);
        return 0;
    }

    /** Starts this command in a child process for the last sampled-permutations family, writing into {@code out}. */
    private Process startLastFamily(Path out, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of("theory", "capacity", "--part", "last", "--jobs", "1", "--seed",
                Long.toString(seed), "--out", out.toString()));
        if (quick) {
            command.add("--quick");
        }
        if (noTransformer) {
            command.add("--no-transformer");
        }
        addOption(command, "--d-model", dModel);
        addOption(command, "--layers", layers);
        addOption(command, "--heads", heads);
        addOption(command, "--transformer-steps", transformerSteps);
        addOption(command, "--repair-rounds", repairRounds);
        LOG.info("Started the last sampled-permutations family in a second process; its log is {}", log);
        return new ProcessBuilder(ChildCommand.of(command)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile()).start();
    }

    private static void addOption(List<String> command, String name, Integer value) {
        if (value != null) {
            command.add(name);
            command.add(value.toString());
        }
    }

    /**
     * Waits for the child process and moves its CSV rows, summary lines and plots into this run's output.
     *
     * @throws IllegalStateException if the child failed (its log is kept in the output directory)
     */
    private static void mergeLastFamily(Process child, Path childOut, Path childLog, Path staging, List<String> rows,
            List<String> summary) throws IOException {
        int code;
        try {
            code = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the process of the last family", e);
        }
        if (code != 0) {
            throw new IllegalStateException("The process of the last sampled-permutations family exited with code "
                    + code + "; see its log " + childLog + " (the partial output stays in " + staging + ")");
        }
        List<String> childRows = Files.readAllLines(childOut.resolve("capacity.csv"));
        rows.addAll(childRows.subList(1, childRows.size()));
        List<String> childSummary = Files.readAllLines(childOut.resolve(SUMMARY_FILE));
        summary.addAll(childSummary.subList(1, childSummary.size()));
        try (Stream<Path> files = Files.list(childOut)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("capacity-")) {
                    Files.move(file, staging.resolve(name));
                } else {
                    Files.delete(file);
                }
            }
        }
        Files.delete(childOut);
    }

    /** Returns one TSV line per task and n: the counting bound, the dual encoder and the construction dimension. */
    private static List<String> summaryLines(CapacityExperiment.Report report) {
        List<String> lines = new ArrayList<>();
        for (CapacityExperiment.FamilyResult family : report.families()) {
            for (CapacityExperiment.SizeResult size : family.sizes()) {
                String construction = size.constructionFraction() == 1.0
                        ? Integer.toString(BinaryTreeConstruction.HIDDEN_DIMENSION) : "none";
                lines.add(family.task() + "\t" + size.n() + "\t" + size.queries() + "\t" + size.countingBoundDim()
                        + "\t" + (size.dualEncoderDim() > 0 ? Integer.toString(size.dualEncoderDim()) : "none") + "\t"
                        + construction + "\t" + fraction(size.constructionFraction()) + "\t"
                        + fraction(size.transformerBinaryFraction()) + "\t" + fraction(size.transformerAtomicFraction()));
            }
        }
        return lines;
    }

    private static String fraction(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String fileName(String task) {
        return task.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }
}
