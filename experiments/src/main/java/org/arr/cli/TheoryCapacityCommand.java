package org.arr.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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
                    + "capacity-<task>.png/.svg into the output directory, and prints a summary table."
        })
final class TheoryCapacityCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TheoryCapacityCommand.class);

    @Option(names = "--quick", description = "Small settings: complete task n = 3..7, 500 sampled permutations for "
            + "n = 6, 8, 10, 12, 16 and 1600 for n = 7, 2 restarts of at most 2000 Adam steps per dual-encoder fit, "
            + "and transformers on the tasks with n <= 7 and at most 1600 queries (all but the complete n = 7 task).")
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

    @Option(names = "--transformer-steps", description = "Maximum full-batch steps per transformer restart "
            + "(default: 4000 with --quick, else 6000).")
    Integer transformerSteps;

    @Option(names = "--seed", defaultValue = "13", description = "Seed of the sampled permutations and the "
            + "embedding initializations (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        OutputDirectory directory = OutputDirectory.create(out, "theory-capacity");
        CapacityExperiment.Config config = quick ? CapacityExperiment.Config.quick(seed)
                : CapacityExperiment.Config.full(seed);
        if (noTransformer) {
            config = config.withTransformer(null);
        } else {
            TransformerCapacity.Settings base = config.transformer();
            config = config.withTransformer(new TransformerCapacity.Settings(dModel != null ? dModel : base.dModel(),
                    layers != null ? layers : base.layers(), heads != null ? heads : base.heads(), base.mlpRatio(),
                    base.queryLength(), transformerSteps != null ? transformerSteps : base.maxSteps(),
                    base.learningRate(), base.finalLearningRate(), base.patience(), base.restarts(), base.seed()));
        }
        LOG.info("Capacity experiment ({} settings), seed {}", quick ? "quick" : "full", seed);

        CapacityExperiment.Report report = new CapacityExperiment(config).run();

        List<String> lines = new ArrayList<>();
        lines.add(CapacityRow.CSV_HEADER);
        for (CapacityRow row : report.rows()) {
            lines.add(row.toCsv());
        }
        Files.write(directory.staging().resolve("capacity.csv"), lines);
        for (CapacityExperiment.FamilyResult family : report.families()) {
            CapacityPlot.write(family.title(), family.curves(), directory.staging(), "capacity-" + fileName(family.task()));
        }
        Path written = directory.commit();

        PrintWriter stdout = spec.commandLine().getOut();
        printSummary(report, stdout);
        double seconds = (System.nanoTime() - start) / 1e9;
        stdout.printf(Locale.ROOT, "wrote %s (wall time %.1f s)%n", written, seconds);
        stdout.flush();
        LOG.info("Capacity experiment finished in {} s, output in {}", String.format(Locale.ROOT, "%.1f", seconds), written);
        return 0;
    }

    /** Prints one TSV row per task and n: the counting bound, the dual encoder and the construction dimension. */
    private static void printSummary(CapacityExperiment.Report report, PrintWriter stdout) {
        stdout.println("task\tn\tqueries\tcounting_bound_dim\tde_free_embeddings_dim\tarr_construction_dim"
                + "\tarr_construction_fraction\tarr_transformer_binary_fraction\tarr_transformer_atomic_fraction");
        for (CapacityExperiment.FamilyResult family : report.families()) {
            for (CapacityExperiment.SizeResult size : family.sizes()) {
                String construction = size.constructionFraction() == 1.0
                        ? Integer.toString(BinaryTreeConstruction.HIDDEN_DIMENSION) : "none";
                stdout.println(family.task() + "\t" + size.n() + "\t" + size.queries() + "\t" + size.countingBoundDim()
                        + "\t" + (size.dualEncoderDim() > 0 ? Integer.toString(size.dualEncoderDim()) : "none") + "\t"
                        + construction + "\t" + fraction(size.constructionFraction()) + "\t"
                        + fraction(size.transformerBinaryFraction()) + "\t" + fraction(size.transformerAtomicFraction()));
            }
        }
    }

    private static String fraction(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String fileName(String task) {
        return task.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }
}
