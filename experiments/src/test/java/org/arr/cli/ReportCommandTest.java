package org.arr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

    @TempDir
    Path root;

    private Path writeRun(String folder, String loss, long seed, double ndcg) throws Exception {
        Path run = Files.createDirectories(root.resolve("sweep").resolve(folder));
        Files.writeString(run.resolve("config.yaml"), "name: demo\nloss:\n  name: " + loss + "\nseed: " + seed + "\n");
        Files.writeString(run.resolve("provenance.json"), "{\"status\": \"finished\", \"seed\": " + seed
                + ", \"commandLine\": [\"run\", \"demo.yaml\"], \"endTime\": \"2025-01-01T00:00:00Z\"}");
        Files.writeString(run.resolve("metrics.json"), "{\"ndcg_cut_10\": " + ndcg + "}");
        Files.writeString(run.resolve("per_query.tsv"), "query_id\tndcg_cut_10\nq1\t" + ndcg + "\nq2\t" + (ndcg / 2) + "\n");
        return run;
    }

    private int execute(StringWriter out, StringWriter err, String... args) {
        CommandLine commandLine = ArrCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void reportOverSweepWritesReport() throws Exception {
        writeRun("ntp-1", "ntp", 1, 0.4);
        writeRun("ntp-2", "ntp", 2, 0.5);
        writeRun("stoical-1", "stoical", 1, 0.6);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = execute(out, err, "report", root.resolve("sweep").toString(), "--out", root.resolve("out").toString(),
                "--baseline", "loss.name=ntp");

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("2 variants, 3 runs"), out.toString());
        String report = Files.readString(root.resolve("out/report.md"));
        assertTrue(report.contains("./arr report " + root.resolve("sweep") + " --out"), report);
        assertTrue(report.contains("./arr run demo.yaml"), report);
        assertTrue(Files.readString(root.resolve("out/tables/summary.md")).contains("1 (no CI)"));
    }

    @Test
    void unknownBaselineExitsWithTwo() throws Exception {
        writeRun("ntp-1", "ntp", 1, 0.4);
        writeRun("stoical-1", "stoical", 1, 0.6);
        StringWriter err = new StringWriter();

        int exit = execute(new StringWriter(), err, "report", root.resolve("sweep").toString(), "--out",
                root.resolve("out").toString(), "--baseline", "bm25");

        assertEquals(2, exit);
        assertTrue(err.toString().contains("error: Baseline 'bm25' matches no variant"), err.toString());
        assertTrue(err.toString().contains("loss.name=stoical"), err.toString());
    }
}
