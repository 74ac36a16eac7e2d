package org.arr.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.arr.reports.compare.Comparison;
import org.arr.reports.load.ReportInputs;
import org.arr.reports.load.RunRecord;
import org.arr.reports.stats.PairedTests;
import org.arr.reports.table.MarkdownTables;
import org.arr.reports.table.ReportTable;
import org.arr.reports.variant.Variant;
import org.arr.reports.variant.VariantGrouping;

/** The text of {@code report.md}, assembled section by section while the files are written. */
final class ReportMarkdown {

    private final ReportOptions options;
    private final ReportInputs inputs;
    private final StringBuilder compared = new StringBuilder();
    private final StringBuilder tables = new StringBuilder();
    private final Map<String, StringBuilder> plotSections = new LinkedHashMap<>();
    private final StringBuilder commands = new StringBuilder();
    private final StringBuilder theoryTables = new StringBuilder();

    ReportMarkdown(ReportOptions options, ReportInputs inputs) {
        this.options = options;
        this.inputs = inputs;
    }

    /** Describes the variants, the runs left out and the commands that produced the runs. */
    void runs(VariantGrouping grouping, Comparison comparison, List<RunRecord> leftOut) {
        int used = grouping.variants().stream().mapToInt(variant -> variant.runs().size()).sum();
        compared.append(used).append(" finished run").append(used == 1 ? "" : "s").append(" in ")
                .append(grouping.variants().size()).append(" variant").append(grouping.variants().size() == 1 ? "" : "s")
                .append(". Runs are grouped by the resolved-config keys whose values differ between them");
        compared.append(grouping.differingKeys().isEmpty() ? " (none differ, so all runs form one variant)"
                : ": `" + String.join("`, `", grouping.differingKeys()) + "`");
        compared.append("; ignored keys: `").append(String.join("`, `", new TreeSet<>(options.ignoredKeys()))).append("`.");
        compared.append(" Measures: `").append(String.join("`, `", comparison.metrics())).append("`.\n\n");

        compared.append("| Variant | Seeds | Run directories |\n|:---|:---|:---|\n");
        for (Variant variant : comparison.variants()) {
            List<String> folders = variant.runs().stream().map(run -> "`" + run.folder() + "`").toList();
            compared.append("| ").append(cell(variant.label()))
                    .append(comparison.baseline().map(variant::equals).orElse(false) ? " (baseline)" : "")
                    .append(" | ").append(variant.seeds().stream().map(String::valueOf).toList())
                    .append(" | ").append(String.join("<br>", folders)).append(" |\n");
        }

        if (!leftOut.isEmpty()) {
            compared.append("\n**Left out** (never averaged in):\n\n");
            for (RunRecord run : leftOut) {
                String reason = run.isFinished() ? "duplicate: its variant has a later finished run with seed " + run.seed()
                        : "status " + run.status() + (run.message() == null ? "" : ": " + run.message());
                compared.append("- `").append(run.folder()).append("`: ").append(reason).append('\n');
            }
        }

        Map<String, List<String>> byCommand = new LinkedHashMap<>();
        for (Variant variant : comparison.variants()) {
            for (RunRecord run : variant.runs()) {
                String command = commandOf(run) + (run.gitCommit() == null ? "" : "\n# git commit " + run.gitCommit());
                byCommand.computeIfAbsent(command, c -> new ArrayList<>()).add(run.folder().getFileName().toString());
            }
        }
        byCommand.forEach((command, folders) -> commands.append("Runs ").append(String.join(", ", folders))
                .append(":\n\n```\n").append(command).append("\n```\n\n"));
    }

    void table(ReportTable table, String kind) {
        tables.append("### ").append(kind.equals("summary") ? "Summary" : "Significance tests").append("\n\n")
                .append(MarkdownTables.write(table))
                .append("\nAlso as `").append(ReportGenerator.TABLES).append('/').append(table.label()).append(".csv`")
                .append(" and `").append(ReportGenerator.TABLES).append('/').append(table.label()).append(".tex`.\n\n");
    }

    void plot(String section, String caption, String name) {
        plotSections.computeIfAbsent(section, s -> new StringBuilder())
                .append("![").append(caption).append("](").append(ReportGenerator.PLOTS).append('/').append(name)
                .append(".png)\n\n*").append(caption).append("* (vector: `").append(ReportGenerator.PLOTS).append('/')
                .append(name).append(".svg`)\n\n");
    }

    void capacity(Path file, Map<String, Map<Integer, Integer>> smallest, String name) {
        TreeSet<Integer> ns = new TreeSet<>();
        smallest.values().forEach(byN -> ns.addAll(byN.keySet()));
        theoryTables.append("Smallest dimension that realizes every ranking, from `").append(file).append("`:\n\n| Series |");
        ns.forEach(n -> theoryTables.append(" n=").append(n).append(" |"));
        theoryTables.append("\n|:---|");
        ns.forEach(n -> theoryTables.append("---:|"));
        theoryTables.append('\n');
        smallest.forEach((series, byN) -> {
            theoryTables.append("| ").append(cell(series)).append(" |");
            ns.forEach(n -> theoryTables.append(' ').append(byN.containsKey(n) ? byN.get(n).toString() : "none").append(" |"));
            theoryTables.append('\n');
        });
        theoryTables.append("\n\"none\": no tried dimension realized every query at that n.\n\n");
        plot("Theory", "Smallest dimension that realizes every ranking against n, with the counting bound dim = n - 1",
                name);
    }

    String render() {
        StringBuilder out = new StringBuilder("# Report\n\n");
        out.append("Made with:\n\n```\n").append(options.commandLine()).append("\n```\n\n");
        out.append("Inputs: ").append(String.join(", ", options.inputs().stream().map(p -> "`" + p + "`").toList()))
                .append(" (").append(inputs.runs().size()).append(" run directories, ")
                .append(inputs.capacityFiles().size() + inputs.criticalNFiles().size()).append(" theory files).\n\n");
        if (compared.length() > 0) {
            out.append("## What was compared\n\n").append(compared).append('\n');
            out.append("## Results\n\n").append(tables);
            out.append("## How the statistics are computed\n\n").append(methods()).append('\n');
        }
        if (theoryTables.length() > 0) {
            out.append("## Theory tables\n\n").append(theoryTables);
        }
        plotSections.forEach((section, body) -> out.append("## ").append(section).append("\n\n").append(body));
        if (commands.length() > 0) {
            out.append("## Commands that produced the runs\n\nFrom each run's provenance.\n\n").append(commands);
        }
        return out.toString();
    }

    private String methods() {
        return "- Mean and 95% confidence interval over seeds: mean ± t(0.975, n-1) · s / √n with the sample standard"
                + " deviation s (Student t). A variant with one seed has no interval.\n"
                + "- Significance against the baseline, per measure, on per-query values: each variant's value for a"
                + " query is first averaged over its seeds, then queries are paired by id (queries present in both"
                + " variants). Paired t-test (two-sided) and Wilcoxon signed-rank test (two-sided; zero differences"
                + " dropped; exact p-value when at most " + PairedTests.MAX_EXACT_PAIRS + " non-zero differences"
                + " remain without ties, otherwise the normal approximation with continuity correction), both from"
                + " Apache Commons Math 3.6.1.\n"
                + "- Holm's step-down correction over the compared variants, per measure and test; marked when the"
                + " adjusted p ≤ " + options.alpha() + ".\n";
    }

    /** Formats the command line of a run as a shell command. */
    static String commandOf(RunRecord run) {
        if (run.commandLine().isEmpty()) {
            return "(command line not recorded)";
        }
        List<String> quoted = run.commandLine().stream().map(ReportMarkdown::shellQuote).toList();
        String command = String.join(" ", quoted);
        String first = run.commandLine().get(0);
        return first.equals("arr") || first.endsWith("/arr") ? command : "./arr " + command;
    }

    private static String shellQuote(String argument) {
        if (argument.matches("[A-Za-z0-9_./:=,@+-]+")) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
