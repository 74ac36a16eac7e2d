package org.arr.reports.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.arr.reports.compare.Comparison;
import org.arr.reports.compare.MetricComparison;
import org.arr.reports.stats.ConfidenceInterval;
import org.arr.reports.stats.PairedComparison;
import org.arr.reports.variant.Variant;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Builds the summary and significance tables of a {@link Comparison}. */
public final class SummaryTables {

    private SummaryTables() {
    }

    /**
     * Builds the summary table: one row per variant (baseline first), one column per measure with
     * {@code mean ± CI half width} and significance markers, the best mean of each column in bold.
     */
    public static ReportTable summary(Comparison comparison) {
        List<String> headers = new ArrayList<>(List.of("Variant", "Seeds"));
        headers.addAll(comparison.metrics());

        List<List<Cell>> rows = new ArrayList<>();
        for (Variant variant : comparison.variants()) {
            List<Cell> row = new ArrayList<>();
            boolean isBaseline = comparison.baseline().map(variant::equals).orElse(false);
            row.add(Cell.of(variant.label() + (isBaseline ? " (baseline)" : "")));
            row.add(Cell.of(variant.runs().size() == 1 ? "1 (no CI)" : Integer.toString(variant.runs().size())));
            for (String metric : comparison.metrics()) {
                row.add(valueCell(comparison, variant, metric));
            }
            rows.add(row);
        }
        return new ReportTable("summary", summaryCaption(comparison), headers, rows, 2);
    }

    private static Cell valueCell(Comparison comparison, Variant variant, String metric) {
        ConfidenceInterval interval = comparison.interval(variant, metric);
        String text = Numbers.format(interval.mean());
        if (interval.hasInterval()) {
            text += " ± " + Numbers.format(interval.halfWidth());
        }
        List<Cell.Marker> markers = new ArrayList<>();
        Optional<MetricComparison> test = comparison.comparison(variant, metric);
        if (test.isPresent() && test.get().tSignificant(comparison.alpha())) {
            markers.add(Cell.Marker.T_TEST);
        }
        if (test.isPresent() && test.get().wilcoxonSignificant(comparison.alpha())) {
            markers.add(Cell.Marker.WILCOXON);
        }
        return new Cell(text, isBest(comparison, variant, metric), markers);
    }

    private static boolean isBest(Comparison comparison, Variant variant, String metric) {
        boolean lower = MetricDirection.lowerIsBetter(metric);
        double best = comparison.variants().stream()
                .mapToDouble(other -> comparison.interval(other, metric).mean())
                .reduce(lower ? Double::min : Double::max)
                .orElseThrow();
        return comparison.variants().size() > 1 && comparison.interval(variant, metric).mean() == best;
    }

    /** Returns the caption: seeds, interval, tests, correction, level and the direction of the bold values. */
    public static String summaryCaption(Comparison comparison) {
        int[] seeds = comparison.seedRange();
        String seedText = seeds[0] == seeds[1] ? seeds[0] + " seed" + (seeds[0] == 1 ? "" : "s") + " per variant"
                : seeds[0] + " to " + seeds[1] + " seeds per variant";
        StringBuilder caption = new StringBuilder("Mean ± 95% confidence interval (Student t) over ").append(seedText)
                .append(seeds[0] == 1 ? "; a variant with 1 seed shows its mean only (no interval)." : ".");

        if (comparison.baseline().isPresent()) {
            int compared = comparison.variants().size() - 1;
            String level = String.format(Locale.ROOT, "%.2f", comparison.alpha());
            caption.append(" Against the baseline ").append(comparison.baseline().get().label())
                    .append(" on per-query values averaged over seeds, Holm-corrected over ").append(compared)
                    .append(" compared variant").append(compared == 1 ? "" : "s").append(" per measure at p ≤ ")
                    .append(level).append(": † paired t-test, ‡ Wilcoxon signed-rank test (")
                    .append(comparison.wilcoxonMethods().stream().map(PairedComparison.WilcoxonMethod::description)
                            .collect(Collectors.joining(", ")))
                    .append(").");
            List<String> untested = comparison.metrics().stream()
                    .filter(metric -> comparison.variants().stream().allMatch(v -> comparison.comparison(v, metric).isEmpty()))
                    .toList();
            if (!untested.isEmpty()) {
                caption.append(" Not tested (no per-query values): ").append(String.join(", ", untested)).append('.');
            }
        }
        List<String> lower = comparison.metrics().stream().filter(MetricDirection::lowerIsBetter).toList();
        caption.append(" Bold: best mean per column");
        if (!lower.isEmpty()) {
            caption.append(" (lower is better for ").append(String.join(", ", lower)).append(")");
        }
        caption.append('.');
        return caption.toString();
    }

    /**
     * Builds the table of every test: per compared variant and measure the pairs, mean difference, t statistic,
     * raw and Holm-adjusted p-values of both tests and the Wilcoxon method.
     */
    public static ReportTable significance(Comparison comparison) {
        List<String> headers = List.of("Variant", "Measure", "Queries", "Mean diff.", "t", "p (t)", "p (t, Holm)",
                "p (Wilcoxon)", "p (Wilcoxon, Holm)", "Wilcoxon method");
        List<List<Cell>> rows = new ArrayList<>();
        for (Variant variant : comparison.variants()) {
            for (String metric : comparison.metrics()) {
                Optional<MetricComparison> found = comparison.comparison(variant, metric);
                if (found.isEmpty()) {
                    continue;
                }
                MetricComparison test = found.get();
                PairedComparison paired = test.test();
                rows.add(List.of(Cell.of(variant.label()), Cell.of(metric), Cell.of(Integer.toString(paired.pairs())),
                        Cell.of(Numbers.format(paired.meanDifference())), Cell.of(Numbers.format(paired.tStatistic())),
                        Cell.of(Numbers.formatP(paired.tPValue())),
                        new Cell(Numbers.formatP(test.tPValueHolm()), test.tSignificant(comparison.alpha()), List.of()),
                        Cell.of(Numbers.formatP(paired.wilcoxonPValue())),
                        new Cell(Numbers.formatP(test.wilcoxonPValueHolm()), test.wilcoxonSignificant(comparison.alpha()),
                                List.of()),
                        Cell.of(paired.wilcoxonMethod().description())));
            }
        }
        String caption = "Paired tests against the baseline "
                + comparison.baseline().map(Variant::label).orElse("(none)")
                + " on per-query values averaged over seeds; mean difference is variant minus baseline. Holm's"
                + " correction runs over the compared variants per measure and test; bold: adjusted p ≤ "
                + String.format(Locale.ROOT, "%.2f", comparison.alpha()) + ".";
        return new ReportTable("significance", caption, headers, rows, 2);
    }

    /** Builds the machine-readable significance table with raw numbers, one row per compared variant and measure. */
    public static Table significanceCsv(Comparison comparison) {
        StringColumn variantColumn = StringColumn.create("variant");
        StringColumn metricColumn = StringColumn.create("metric");
        IntColumn pairs = IntColumn.create("queries");
        DoubleColumn difference = DoubleColumn.create("mean_difference");
        DoubleColumn t = DoubleColumn.create("t");
        DoubleColumn pT = DoubleColumn.create("p_t");
        DoubleColumn pTHolm = DoubleColumn.create("p_t_holm");
        DoubleColumn pW = DoubleColumn.create("p_wilcoxon");
        DoubleColumn pWHolm = DoubleColumn.create("p_wilcoxon_holm");
        StringColumn method = StringColumn.create("wilcoxon_method");

        for (Variant variant : comparison.variants()) {
            for (String metric : comparison.metrics()) {
                Optional<MetricComparison> found = comparison.comparison(variant, metric);
                if (found.isEmpty()) {
                    continue;
                }
                PairedComparison test = found.get().test();
                variantColumn.append(variant.label());
                metricColumn.append(metric);
                pairs.append(test.pairs());
                difference.append(test.meanDifference());
                t.append(test.tStatistic());
                pT.append(test.tPValue());
                pTHolm.append(found.get().tPValueHolm());
                pW.append(test.wilcoxonPValue());
                pWHolm.append(found.get().wilcoxonPValueHolm());
                method.append(test.wilcoxonMethod().description());
            }
        }
        return Table.create("significance", variantColumn, metricColumn, pairs, difference, t, pT, pTHolm, pW, pWHolm,
                method);
    }

    /**
     * Builds the machine-readable summary: per variant the seeds, and per measure the mean, interval bounds,
     * standard deviation and Holm-adjusted p-values (NaN where not applicable).
     */
    public static Table summaryCsv(Comparison comparison) {
        Table table = Table.create("summary");
        StringColumn variantColumn = StringColumn.create("variant");
        StringColumn seedsColumn = StringColumn.create("seeds");
        IntColumn countColumn = IntColumn.create("n_seeds");
        table.addColumns(variantColumn, seedsColumn, countColumn);
        for (Variant variant : comparison.variants()) {
            variantColumn.append(variant.label());
            seedsColumn.append(variant.seeds().stream().map(String::valueOf).collect(Collectors.joining(" ")));
            countColumn.append(variant.runs().size());
        }

        for (String metric : comparison.metrics()) {
            DoubleColumn mean = DoubleColumn.create(metric + "_mean");
            DoubleColumn low = DoubleColumn.create(metric + "_ci95_low");
            DoubleColumn high = DoubleColumn.create(metric + "_ci95_high");
            DoubleColumn sd = DoubleColumn.create(metric + "_sd");
            DoubleColumn pT = DoubleColumn.create(metric + "_p_t_holm");
            DoubleColumn pW = DoubleColumn.create(metric + "_p_wilcoxon_holm");
            for (Variant variant : comparison.variants()) {
                ConfidenceInterval interval = comparison.interval(variant, metric);
                mean.append(interval.mean());
                low.append(interval.lower());
                high.append(interval.upper());
                sd.append(interval.standardDeviation());
                Optional<MetricComparison> test = comparison.comparison(variant, metric);
                pT.append(test.map(MetricComparison::tPValueHolm).orElse(Double.NaN));
                pW.append(test.map(MetricComparison::wilcoxonPValueHolm).orElse(Double.NaN));
            }
            table.addColumns(mean, low, high, sd, pT, pW);
        }
        return table;
    }
}
