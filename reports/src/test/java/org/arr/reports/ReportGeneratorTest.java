package org.arr.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ReportGeneratorTest {

    private static final int QUERIES = 12;
    private static final long[] SEEDS = {1, 2, 3};

    @TempDir
    Path root;

    Path sweep;

    @BeforeEach
    void writeSweep() throws IOException {
        sweep = root.resolve("sweep");
        for (long seed : SEEDS) {
            cell("ntp", null, seed, 0.40, 0).write(sweep.resolve("ntp-seed" + seed));
            cell("stoical", 1.0, seed, 0.55, 1).write(sweep.resolve("stoical-a1-seed" + seed));
            cell("stoical", 0.0, seed, 0.42, 2).write(sweep.resolve("stoical-a0-seed" + seed));
        }
        RunFixtures.run().loss("stoical", 1.0).seed(4).status("running", null).write(sweep.resolve("stoical-a1-seed4"));
        RunFixtures.run().loss("ntp", null).seed(5).status("failed", "loss became NaN at epoch 2")
                .write(sweep.resolve("ntp-seed5"));
    }

    /** Per-query nDCG of a run: a level per variant, a query effect, a seed effect and a variant-query effect. */
    static double ndcg(double level, int q, long seed, int variant) {
        return level + 0.02 * (q % 4) + 0.01 * seed + 0.003 * ((7 * q + 3 * variant) % 5);
    }

    private static RunFixtures.Run cell(String loss, Double alpha, long seed, double level, int variant) {
        double[] ndcg = new double[QUERIES];
        double[] reciprocalRank = new double[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            ndcg[q] = ndcg(level, q, seed, variant);
            reciprocalRank[q] = q % 3 == 0 ? 1.0 : 0.5;
        }
        double invalidMass = loss.equals("ntp") ? 0.30 + 0.01 * seed : 0.05 + 0.005 * seed;
        return RunFixtures.run().loss(loss, alpha).seed(seed)
                .metric("ndcg_cut_10", Arrays.stream(ndcg).average().orElseThrow())
                .metric("recip_rank", Arrays.stream(reciprocalRank).average().orElseThrow())
                .metric("invalid_rate", invalidMass / 2)
                .metric("invalid_mass", invalidMass)
                .perQuery("ndcg_cut_10", ndcg)
                .perQuery("recip_rank", reciprocalRank)
                .trainLog(new double[] {1, 2.0 - 0.1 * seed, Double.NaN}, new double[] {2, 1.5 - 0.1 * seed, level},
                        new double[] {3, 1.2 - 0.1 * seed, level + 0.05});
    }

    private ReportOptions options(Path out, String baseline, List<String> metrics, Path... inputs) {
        return new ReportOptions(List.of(inputs), out, Optional.ofNullable(baseline), metrics, 0.05,
                Set.of("seed", "name"), "./arr report test");
    }

    @Test
    void sweepReportWritesTablesPlotsAndReport() throws IOException {
        Path out = root.resolve("report");

        ReportResult result = ReportGenerator.generate(options(out, "loss.name=ntp", List.of(), sweep));

        assertEquals(3, result.variants());
        assertEquals(9, result.runsUsed());
        assertEquals(2, result.leftOut().size());
        for (String table : List.of("summary.md", "summary.tex", "summary.csv", "significance.md", "significance.tex", "significance.csv",
                "runs.csv")) {
            assertTrue(Files.size(out.resolve("tables").resolve(table)) > 0, table);
        }
        String report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(report.contains("stoical-a1-seed4"), "unfinished run listed");
        assertTrue(report.contains("status failed: loss became NaN at epoch 2"), "failed run listed with its error");
        assertTrue(report.contains("./arr run experiments/configs/wordnet.yaml --set loss.name=ntp"), report);
        assertTrue(report.contains("git commit 0123456789abcdef0123456789abcdef01234567"), report);
        assertTrue(report.contains("![ndcg_cut_10"), report);
        assertTrue(report.contains("(plots/training-loss.png)"), report);
    }

    @Test
    void summaryMeansAndIntervalsMatchHandComputation() throws IOException {
        Path out = root.resolve("report");
        ReportGenerator.generate(options(out, null, List.of("ndcg_cut_10"), sweep));

        Table summary = Table.read().csv(out.resolve("tables/summary.csv").toFile());

        // ntp: per-seed means m + 0.01·seed, so mean m + 0.02, s = 0.01; t(0.975, 2) = 4.302653 (t table).
        double m = 0;
        for (int q = 0; q < QUERIES; q++) {
            m += ndcg(0.40, q, 0, 0) / QUERIES;
        }
        int row = summary.stringColumn("variant").indexOf("loss.name=ntp");
        double halfWidth = 4.302653 * 0.01 / Math.sqrt(3);
        assertEquals(m + 0.02, summary.numberColumn("ndcg_cut_10_mean").getDouble(row), 1e-9);
        assertEquals(m + 0.02 - halfWidth, summary.numberColumn("ndcg_cut_10_ci95_low").getDouble(row), 1e-6);
        assertEquals(m + 0.02 + halfWidth, summary.numberColumn("ndcg_cut_10_ci95_high").getDouble(row), 1e-6);
        assertEquals(9, Table.read().csv(out.resolve("tables/runs.csv").toFile()).rowCount(), "unfinished runs left out");
    }

    @Test
    void significanceUsesSeedAveragedQueriesAndHolm() throws IOException {
        Path out = root.resolve("report");
        ReportGenerator.generate(options(out, "loss.name=ntp", List.of(), sweep));

        // Per-query means over seeds 1..3 (seed effect averages to 0.02), compared with Commons Math directly.
        double[] base = new double[QUERIES];
        double[] alphaOne = new double[QUERIES];
        double[] alphaZero = new double[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            base[q] = ndcg(0.40, q, 2, 0);
            alphaOne[q] = ndcg(0.55, q, 2, 1);
            alphaZero[q] = ndcg(0.42, q, 2, 2);
        }
        double pOne = new TTest().pairedTTest(alphaOne, base);
        double pZero = new TTest().pairedTTest(alphaZero, base);
        // Holm with m = 2: the smaller p doubled, the larger kept unless below that.
        double smaller = Math.min(1, 2 * Math.min(pOne, pZero));
        double larger = Math.max(smaller, Math.max(pOne, pZero));

        Table summary = Table.read().csv(out.resolve("tables/summary.csv").toFile());
        int one = rowOf(summary, "alpha=1.0");
        int zero = rowOf(summary, "alpha=0.0");
        assertEquals(pOne < pZero ? smaller : larger, summary.numberColumn("ndcg_cut_10_p_t_holm").getDouble(one), 1e-12);
        assertEquals(pZero <= pOne ? smaller : larger, summary.numberColumn("ndcg_cut_10_p_t_holm").getDouble(zero), 1e-12);
        assertTrue(summary.numberColumn("ndcg_cut_10_p_t_holm").getDouble(one) < 0.05, "large gain is significant");
        assertTrue(summary.numberColumn("recip_rank_p_t_holm").getDouble(one) == 1.0, "equal values give p = 1");

        String markdown = Files.readString(out.resolve("tables/summary.md"));
        assertTrue(markdown.contains("†"), markdown);
        assertTrue(markdown.contains("paired t-test"), markdown);
        assertTrue(markdown.contains("Holm-corrected over 2 compared variants"), markdown);
    }

    private static int rowOf(Table table, String labelPart) {
        for (int row = 0; row < table.rowCount(); row++) {
            if (table.stringColumn("variant").get(row).contains(labelPart)) {
                return row;
            }
        }
        throw new AssertionError("No variant containing " + labelPart + " in " + table.stringColumn("variant").asList());
    }

    @Test
    void plotsAreNonEmptyPngAndSvg() throws IOException {
        Path out = root.resolve("report");
        Path theory = Files.createDirectories(root.resolve("theory"));
        Files.writeString(theory.resolve("capacity.csv"), "model,docid_scheme,n,dim,fraction_realized,seconds\n"
                + "de,,3,1,0.5,0.1\nde,,3,2,1.0,0.1\nde,,4,2,0.8,0.1\nde,,4,3,1.0,0.2\nde,,5,4,1.0,0.4\n"
                + "arr,binary,3,4,1.0,1.0\narr,binary,4,4,1.0,1.2\narr,binary,5,4,1.0,1.5\n");
        Files.writeString(theory.resolve("critical_n.csv"), "dim,critical_n,seconds\n2,4,0.1\n3,6,0.3\n4,9,0.9\n");

        ReportGenerator.generate(options(out, "loss.name=ntp", List.of(), sweep, theory));

        List<String> expected = List.of("metric-ndcg_cut_10", "metric-recip_rank", "invalid-docids", "training-loss",
                "training-dev", "capacity", "critical-n");
        byte[] pngMagic = {(byte) 0x89, 'P', 'N', 'G'};
        for (String name : expected) {
            Path png = out.resolve("plots").resolve(name + ".png");
            Path svg = out.resolve("plots").resolve(name + ".svg");
            assertTrue(Files.size(png) > 2000, name + ".png is " + Files.size(png) + " bytes");
            assertArrayEquals(pngMagic, Arrays.copyOf(Files.readAllBytes(png), 4), name + ".png is a PNG");
            assertTrue(Files.readString(svg).contains("<svg"), name + ".svg is an SVG");
        }
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| de | 2 | 3 | 4 |"), report);
        assertTrue(report.contains("| arr / binary | 4 | 4 | 4 |"), report);
    }

    @Test
    void folderThatIsNotARunIsRejected() throws IOException {
        Path notes = Files.createDirectories(root.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "nothing here");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReportGenerator.generate(options(root.resolve("out"), null, List.of(), notes)));

        assertTrue(error.getMessage().contains("is not a run"), error.getMessage());
        assertTrue(error.getMessage().contains("provenance.json"), error.getMessage());
    }

    @Test
    void differentMetricSetsAreRejected() throws IOException {
        RunFixtures.run().loss("listwise", null).seed(1).metric("ndcg_cut_10", 0.5).write(sweep.resolve("listwise-seed1"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReportGenerator.generate(options(root.resolve("out"), null, List.of(), sweep)));

        assertTrue(error.getMessage().contains("different measure sets"), error.getMessage());
        assertTrue(error.getMessage().contains("--metrics ndcg_cut_10"), error.getMessage());
    }

    @Test
    void sharedMetricsCanBeChosenWithMetricsOption() throws IOException {
        RunFixtures.run().loss("listwise", null).seed(1).metric("ndcg_cut_10", 0.5).write(sweep.resolve("listwise-seed1"));

        ReportResult result = ReportGenerator.generate(options(root.resolve("out"), null, List.of("ndcg_cut_10"), sweep));

        assertEquals(4, result.variants());
    }

    @Test
    void unknownBaselineIsRejectedWithTheVariants() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReportGenerator.generate(options(root.resolve("out"), "loss.name=listwise", List.of(), sweep)));

        assertTrue(error.getMessage().contains("matches no variant"), error.getMessage());
        assertTrue(error.getMessage().contains("loss.name=stoical,loss.parameters.alpha=0.0,loss.parameters.beta=0.0"), error.getMessage());
    }

    @Test
    void onlyUnfinishedRunsAreRejected() {
        Path unfinished = sweep.resolve("stoical-a1-seed4");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReportGenerator.generate(options(root.resolve("out"), null, List.of(), unfinished)));

        assertTrue(error.getMessage().contains("None of the 1 runs finished"), error.getMessage());
        assertTrue(error.getMessage().contains("running"), error.getMessage());
        assertFalse(Files.exists(root.resolve("out").resolve("report.md")));
    }
}
