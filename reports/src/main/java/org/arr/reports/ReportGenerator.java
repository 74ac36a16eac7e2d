package org.arr.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arr.reports.compare.Comparison;
import org.arr.reports.compare.MetricSelection;
import org.arr.reports.load.InputDiscovery;
import org.arr.reports.load.ReportInputs;
import org.arr.reports.load.RunRecord;
import org.arr.reports.plot.ChartFiles;
import org.arr.reports.plot.MetricCharts;
import org.arr.reports.plot.TheoryCharts;
import org.arr.reports.plot.TrainingCurveCharts;
import org.arr.reports.table.LatexTables;
import org.arr.reports.table.MarkdownTables;
import org.arr.reports.table.ReportTable;
import org.arr.reports.table.SummaryTables;
import org.arr.reports.variant.Variant;
import org.arr.reports.variant.VariantGrouping;
import org.knowm.xchart.XYChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Builds a report from run directories and theory CSVs: tables in Markdown, CSV and LaTeX under
 * {@code tables/}, charts as PNG and SVG under {@code plots/}, and {@code report.md} tying them together.
 */
public final class ReportGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(ReportGenerator.class);

    static final String TABLES = "tables";
    static final String PLOTS = "plots";
    static final String REPORT = "report.md";

    private ReportGenerator() {
    }

    /**
     * Reads the inputs, computes the statistics and writes every file.
     *
     * @throws IllegalArgumentException on bad input: a path that is not a run, no finished run, runs with
     *     different measure sets, or a baseline that matches no variant
     * @throws org.arr.data.InputFormatException if a file of a run or a theory CSV is malformed
     * @throws IOException if a file cannot be read or written
     */
    public static ReportResult generate(ReportOptions options) throws IOException {
        LOG.info("Report over {} into {}", options.inputs(), options.out());
        ReportInputs inputs = InputDiscovery.discover(options.inputs());
        List<RunRecord> finished = inputs.runs().stream().filter(RunRecord::isFinished).toList();
        List<RunRecord> leftOut = new ArrayList<>(inputs.runs().stream().filter(run -> !run.isFinished()).toList());
        leftOut.forEach(run -> LOG.warn("Leaving out unfinished run {} (status {}{})", run.folder(), run.status(),
                run.message() == null ? "" : ": " + run.message()));
        if (!inputs.runs().isEmpty() && finished.isEmpty()) {
            throw new IllegalArgumentException("None of the " + inputs.runs().size() + " runs finished, so there is"
                    + " nothing to compare; unfinished: " + describe(leftOut) + ". Resume them with 'arr run --resume'");
        }

        Files.createDirectories(options.out());
        List<Path> written = new ArrayList<>();
        ReportMarkdown markdown = new ReportMarkdown(options, inputs);

        Comparison comparison = null;
        VariantGrouping grouping = null;
        if (!finished.isEmpty()) {
            grouping = VariantGrouping.of(finished, options.ignoredKeys());
            leftOut.addAll(grouping.duplicates());
            grouping.duplicates().forEach(run -> LOG.warn("Leaving out {}: its variant has a later run with seed {}",
                    run.folder(), run.seed()));
            List<RunRecord> used = grouping.variants().stream().flatMap(variant -> variant.runs().stream()).toList();
            List<String> metrics = MetricSelection.select(used, options.metrics());
            Optional<Variant> baseline = options.baseline().map(grouping::find);
            comparison = Comparison.compute(grouping.variants(), metrics, baseline, options.alpha());

            markdown.runs(grouping, comparison, leftOut);
            writeRunTables(options.out(), grouping, comparison, markdown, written);
            writeRunCharts(options.out(), comparison, markdown, written);
        }
        writeTheory(options.out(), inputs, markdown, written);

        Path reportFile = options.out().resolve(REPORT);
        Files.writeString(reportFile, markdown.render(), StandardCharsets.UTF_8);
        written.add(reportFile);
        LOG.info("Report written to {} ({} files)", reportFile, written.size());
        int variantCount = grouping == null ? 0 : grouping.variants().size();
        int runsUsed = grouping == null ? 0 : grouping.variants().stream().mapToInt(v -> v.runs().size()).sum();
        return new ReportResult(reportFile, written, variantCount, runsUsed, leftOut);
    }

    private static void writeRunTables(Path out, VariantGrouping grouping, Comparison comparison,
            ReportMarkdown markdown, List<Path> written) throws IOException {
        Path tables = out.resolve(TABLES);
        Files.createDirectories(tables);
        ReportTable summary = SummaryTables.summary(comparison);
        written.addAll(writeTable(tables, summary));
        Path summaryCsv = tables.resolve("summary.csv");
        SummaryTables.summaryCsv(comparison).write().csv(summaryCsv.toFile());
        written.add(summaryCsv);
        markdown.table(summary, "summary");

        if (comparison.baseline().isPresent()) {
            ReportTable significance = SummaryTables.significance(comparison);
            written.addAll(writeTable(tables, significance));
            Path significanceCsv = tables.resolve("significance.csv");
            SummaryTables.significanceCsv(comparison).write().csv(significanceCsv.toFile());
            written.add(significanceCsv);
            markdown.table(significance, "significance");
        }

        Path runsCsv = tables.resolve("runs.csv");
        runsTable(grouping, comparison.metrics()).write().csv(runsCsv.toFile());
        written.add(runsCsv);
    }

    /** Writes {@code label.md} and {@code label.tex}. */
    private static List<Path> writeTable(Path folder, ReportTable table) throws IOException {
        Path md = folder.resolve(table.label() + ".md");
        Path tex = folder.resolve(table.label() + ".tex");
        Files.writeString(md, MarkdownTables.write(table), StandardCharsets.UTF_8);
        Files.writeString(tex, LatexTables.write(table), StandardCharsets.UTF_8);
        return List.of(md, tex);
    }

    /** Returns one row per run used: folder, variant, seed and every reported measure. */
    static Table runsTable(VariantGrouping grouping, List<String> metrics) {
        StringColumn folder = StringColumn.create("run");
        StringColumn variantColumn = StringColumn.create("variant");
        DoubleColumn seed = DoubleColumn.create("seed");
        List<DoubleColumn> metricColumns = metrics.stream().map(DoubleColumn::create).toList();
        for (Variant variant : grouping.variants()) {
            for (RunRecord run : variant.runs()) {
                folder.append(run.folder().toString());
                variantColumn.append(variant.label());
                seed.append(run.seed());
                for (int m = 0; m < metrics.size(); m++) {
                    metricColumns.get(m).append(run.metrics().get(metrics.get(m)));
                }
            }
        }
        Table table = Table.create("runs", folder, variantColumn, seed);
        metricColumns.forEach(table::addColumns);
        return table;
    }

    private static void writeRunCharts(Path out, Comparison comparison, ReportMarkdown markdown, List<Path> written)
            throws IOException {
        Path plots = out.resolve(PLOTS);
        List<String> invalid = comparison.metrics().stream().filter(metric -> metric.contains("invalid")).toList();
        for (String metric : comparison.metrics()) {
            if (invalid.contains(metric)) {
                continue;
            }
            String name = "metric-" + ChartFiles.fileNamePart(metric);
            written.addAll(ChartFiles.write(MetricCharts.metricBars(comparison, metric), plots, name));
            markdown.plot("Measures", metric + ": mean per variant with 95% confidence interval over seeds", name);
        }
        if (!invalid.isEmpty()) {
            written.addAll(ChartFiles.write(MetricCharts.invalidBars(comparison, invalid), plots, "invalid-docids"));
            markdown.plot("Measures", "Invalid docIDs per variant: " + String.join(", ", invalid), "invalid-docids");
        }

        Optional<XYChart> loss = TrainingCurveCharts.curves(comparison.variants(), "loss",
                "Training loss (line: mean over seeds; band: min to max)", "training loss (mean over the epoch, nats)");
        if (loss.isPresent()) {
            written.addAll(ChartFiles.write(loss.get(), plots, "training-loss"));
            markdown.plot("Training curves", "Training loss against epoch", "training-loss");
        }
        Optional<String> devColumn = TrainingCurveCharts.devColumn(comparison.variants());
        if (devColumn.isPresent()) {
            String measure = devColumn.get().substring("dev_".length());
            Optional<XYChart> dev = TrainingCurveCharts.curves(comparison.variants(), devColumn.get(),
                    "Dev " + measure + " (line: mean over seeds; band: min to max)", measure + " on the dev split");
            if (dev.isPresent()) {
                written.addAll(ChartFiles.write(dev.get(), plots, "training-dev"));
                markdown.plot("Training curves", "Dev " + measure + " against epoch", "training-dev");
            }
        }
    }

    private static void writeTheory(Path out, ReportInputs inputs, ReportMarkdown markdown, List<Path> written)
            throws IOException {
        Path plots = out.resolve(PLOTS);
        for (int i = 0; i < inputs.capacityFiles().size(); i++) {
            Path file = inputs.capacityFiles().get(i);
            Map<String, Map<Integer, Integer>> smallest = TheoryCharts.smallestDimensions(TheoryCharts.read(file), file);
            String name = inputs.capacityFiles().size() == 1 ? "capacity" : "capacity-" + (i + 1);
            written.addAll(ChartFiles.write(TheoryCharts.capacity(smallest), plots, name));
            markdown.capacity(file, smallest, name);
        }
        for (int i = 0; i < inputs.criticalNFiles().size(); i++) {
            Path file = inputs.criticalNFiles().get(i);
            String name = inputs.criticalNFiles().size() == 1 ? "critical-n" : "critical-n-" + (i + 1);
            written.addAll(ChartFiles.write(TheoryCharts.criticalN(TheoryCharts.read(file), file), plots, name));
            markdown.plot("Theory", "Critical n against dimension, from " + file, name);
        }
    }

    static String describe(List<RunRecord> runs) {
        List<String> parts = new ArrayList<>();
        for (RunRecord run : runs) {
            parts.add(run.folder() + " (" + run.status() + (run.message() == null ? "" : ": " + run.message()) + ")");
        }
        return String.join(", ", parts);
    }
}
