package org.arr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TheoryCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void countPrintsExactTable() {
        assertEquals(0, run("theory", "count", "--n", "5", "--dim", "3"));

        List<String> lines = out.toString().lines().toList();
        assertEquals("n\tdim\tN_lin\tN_euc\tn!", lines.get(0));
        assertEquals(1 + 5 * 3, lines.size());
        assertTrue(lines.contains("4\t2\t12\t18\t24"), out.toString());
        assertTrue(lines.contains("5\t3\t72\t96\t120"), out.toString());
        assertTrue(lines.contains("1\t1\t1\t1\t1"), out.toString());
    }

    @Test
    void countSmallestDimensionIsNMinusOne() {
        assertEquals(0, run("theory", "count", "--n", "6", "--smallest-dim"));

        List<String> lines = out.toString().lines().toList();
        assertEquals("n\tsmallest_dim_N_lin\tsmallest_dim_N_euc", lines.get(0));
        assertEquals("6\t5\t5", lines.get(6));
    }

    @Test
    void countWithoutDimensionIsAUserError() {
        assertEquals(2, run("theory", "count", "--n", "4"));

        assertEquals("error: --dim must be >= 1 (or give --smallest-dim), got 0", err.toString().strip());
    }

    @Test
    void capacityMergesSecondProcessOutput(@TempDir Path temp) throws IOException {
        // --quick without transformers: the last sampled family (4000 permutations of 8 documents) runs in a child
        // process, everything else in this one.
        Path output = temp.resolve("capacity");
        assertEquals(0, run("theory", "capacity", "--quick", "--no-transformer", "--jobs", "2", "--out",
                output.toString()));

        List<String> summary = Files.readAllLines(output.resolve("summary.tsv"));
        assertEquals(1 + 5 + 5 + 1, summary.size(), summary.toString());
        assertTrue(summary.get(5).startsWith("complete\t7\t5040\t6\t6\t1\t"), summary.get(5));
        assertTrue(summary.get(10).startsWith("sampled(m=500)\t16\t500\t3\t"), summary.get(10));
        assertTrue(summary.get(11).startsWith("sampled(m=4000)\t8\t4000\t5\t"), summary.get(11));
        List<String> rows = Files.readAllLines(output.resolve("capacity.csv"));
        assertTrue(rows.stream().anyMatch(row -> row.startsWith("complete,counting_bound,none,7,5040,6,")), rows.toString());
        assertTrue(rows.stream().anyMatch(row -> row.startsWith("sampled(m=500),arr_construction,binary,16,500,1,1.0")),
                rows.toString());
        assertTrue(Files.size(output.resolve("capacity-complete.png")) > 10_000);
        assertTrue(Files.size(output.resolve("capacity-sampled-m-500.png")) > 10_000);
        assertTrue(Files.size(output.resolve("capacity-sampled-m-4000.png")) > 10_000);
        assertTrue(Files.exists(output.resolve("last-family.log")));
        assertTrue(Files.notExists(output.resolve("last-family")));
    }

    @Test
    void criticalNWritesTablesAndPlots(@TempDir Path temp) throws IOException {
        Path output = temp.resolve("critical");
        assertEquals(0, run("theory", "critical-n", "--k", "2", "--dims", "2..3", "--max-n", "12", "--restarts", "5",
                "--max-steps", "3000", "--seed", "1", "--out", output.toString()));

        List<String> summary = Files.readAllLines(output.resolve("critical-n.csv"));
        assertEquals("k,dim,critical_n,reached_max_n,seconds", summary.get(0));
        assertTrue(summary.get(1).startsWith("2,2,4,false,"), summary.toString());
        assertTrue(Files.size(output.resolve("critical-n.png")) > 10_000);
        assertTrue(Files.readString(output.resolve("critical-n.svg")).contains("<svg"));
        assertTrue(out.toString().contains("2\t4"), out.toString());
    }

    @Test
    void existingOutputDirectoryIsRejected(@TempDir Path temp) {
        assertEquals(2, run("theory", "critical-n", "--dims", "2", "--out", temp.toString()));

        assertTrue(err.toString().contains("already exists"), err.toString());
    }

    @Test
    void dimsParseRangesAndLists() {
        assertArrayEquals(new int[] {2, 3, 4}, TheoryCriticalNCommand.parseDims("2..4"));
        assertArrayEquals(new int[] {2, 8}, TheoryCriticalNCommand.parseDims("2, 8"));
        assertThrows(IllegalArgumentException.class, () -> TheoryCriticalNCommand.parseDims("4..2"));
        assertThrows(IllegalArgumentException.class, () -> TheoryCriticalNCommand.parseDims("two"));
        assertThrows(IllegalArgumentException.class, () -> TheoryCriticalNCommand.parseDims("0,3"));
    }

    private int run(String... args) {
        CommandLine commandLine = ArrCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }
}
