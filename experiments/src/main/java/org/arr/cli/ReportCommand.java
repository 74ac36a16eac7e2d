package org.arr.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.arr.reports.ReportGenerator;
import org.arr.reports.ReportOptions;
import org.arr.reports.ReportResult;
import org.arr.reports.load.RunFileLayout;
import org.arr.reports.load.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arr report}: tables, significance tests and plots over run directories, sweeps and theory outputs. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Aggregate run directories into tables (Markdown, CSV, LaTeX), significance tests and plots (PNG, SVG).",
            "Runs are grouped into variants by their resolved-config differences (seed excluded); each measure gets"
                + " its mean and 95%% confidence interval over seeds. Unfinished runs are listed and left out."
        })
public final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN_OR_SWEEP_DIR",
            description = "Run directories, sweep folders (searched for run directories, e.g. the shards of a sweep),"
                + " or theory CSV files and folders (*capacity*.csv, *critical*.csv).")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder for report.md, tables/ and plots/ (created; earlier report files are replaced).")
    Path out;

    @Option(names = "--baseline", paramLabel = "VARIANT",
            description = "Variant to test the others against: its label as printed in the report, or key=value pairs"
                + " that pick one variant, e.g. loss.name=ntp.")
    String baseline;

    @Option(names = "--metrics", split = ",", paramLabel = "LIST",
            description = "Measures to report, as named in metrics.json, e.g. ndcg_cut_10,recall_10,invalid_mass"
                + " (default: every measure the runs share).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "P",
            description = "Significance level for the Holm-adjusted p-values (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--ignore-key", paramLabel = "KEY",
            description = "Config key (dotted path) that does not tell variants apart, in addition to seed and name;"
                + " repeatable.")
    List<String> ignoredKeys = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Set<String> ignored = new LinkedHashSet<>(List.of(RunFileLayout.SEED_CONFIG_KEY, RunFileLayout.NAME_CONFIG_KEY));
        ignored.addAll(ignoredKeys);
        List<String> arguments = spec.commandLine().getParseResult().originalArgs();
        int start = arguments.indexOf(spec.name()) + 1;
        String commandLine = "./arr report " + String.join(" ", arguments.subList(start, arguments.size()));
        ReportOptions options = new ReportOptions(inputs, out, Optional.ofNullable(baseline), metrics, alpha, ignored,
                commandLine);

        ReportResult result = ReportGenerator.generate(options);

        var stdout = spec.commandLine().getOut();
        stdout.println("Report: " + result.reportFile() + " (" + result.variants() + " variants, " + result.runsUsed()
                + " runs, " + result.files().size() + " files)");
        if (!result.leftOut().isEmpty()) {
            stdout.println("Left out " + result.leftOut().size() + " run(s):");
            for (RunRecord run : result.leftOut()) {
                stdout.println("  " + run.folder() + " (" + (run.isFinished() ? "duplicate seed " + run.seed()
                        : run.status()) + ")");
            }
        }
        stdout.flush();
        return 0;
    }
}
