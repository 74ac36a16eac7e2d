package org.arr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code arr eval} in-process on small files whose values were computed by hand: q1 ranks d3 (rel 0),
 * d6 (unjudged), d2 (rel 2), d1 (rel 3) (the tie at 0.5 goes to the larger docid), d4 (rel 1), with d5 (rel 2)
 * unretrieved; q10 ranks two relevant documents; q2 has no relevant document; q3 is missing from the run;
 * q99 has no judgments.
 */
class EvalCommandTest {

    @TempDir
    Path folder;

    private Path qrels;
    private Path run;

    /** Standard output, standard error and exit code of one command. */
    private record Outcome(int exitCode, String out, String err) {
    }

    @BeforeEach
    void writeFiles() throws IOException {
        qrels = folder.resolve("qrels.txt");
        run = folder.resolve("run.txt");
        Files.writeString(qrels, String.join("\n",
                "q1 0 d1 3", "q1 0 d2 2", "q1 0 d3 0", "q1 0 d4 1", "q1 0 d5 2",
                "q2 0 d1 0", "q2 0 d2 0",
                "q3 0 a 1",
                "q10 0 x 1", "q10 0 y 1", ""));
        Files.writeString(run, String.join("\n",
                "q99 Q0 z 1 1 test",
                "q1 Q0 d1 1 0.5 test", "q1 Q0 d2 2 0.5 test", "q1 Q0 d3 3 0.9 test", "q1 Q0 d6 4 0.7 test",
                "q1 Q0 d4 5 0.1 test",
                "q2 Q0 d1 1 1.0 test", "q2 Q0 d9 2 2.0 test",
                "q10 Q0 x 1 1 test", "q10 Q0 y 2 1 test", ""));
    }

    private static Outcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ArrCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Outcome(exitCode, out.toString(), err.toString());
    }

    @Test
    void summaryMatchesTrecEvalFormat() {
        Outcome outcome = execute("eval", "-m", "map", "-m", "num_q", "-m", "P.5", "-mndcg_cut.3", "-m", "num_ret",
                qrels.toString(), run.toString());

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("num_q                 \tall\t3\n"
                + "num_ret               \tall\t9\n"
                + "map                   \tall\t0.4528\n"
                + "P_5                   \tall\t0.3333\n"
                + "ndcg_cut_3            \tall\t0.3967\n", outcome.out());
    }

    @Test
    void perQueryRowsInStrcmpOrder() {
        Outcome outcome = execute("eval", "-q", "-m", "map", "-m", "P.5", "-m", "ndcg_cut.3", qrels.toString(),
                run.toString());

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("map                   \tq1\t0.3583\n"
                + "P_5                   \tq1\t0.6000\n"
                + "ndcg_cut_3            \tq1\t0.1900\n"
                + "map                   \tq10\t1.0000\n"
                + "P_5                   \tq10\t0.4000\n"
                + "ndcg_cut_3            \tq10\t1.0000\n"
                + "map                   \tq2\t0.0000\n"
                + "P_5                   \tq2\t0.0000\n"
                + "ndcg_cut_3            \tq2\t0.0000\n"
                + "map                   \tall\t0.4528\n"
                + "P_5                   \tall\t0.3333\n"
                + "ndcg_cut_3            \tall\t0.3967\n", outcome.out());
    }

    @Test
    void completeAveragesOverQrelsQueries() {
        Outcome outcome = execute("eval", "-c", "-q", "-m", "num_q", "-m", "map", "-m", "P.5", "-m", "ndcg_cut.3",
                qrels.toString(), run.toString());

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertFalse(outcome.out().contains("\tq3\t"), "trec_eval 9.0.8 prints no rows for q3");
        assertTrue(outcome.out().endsWith("num_q                 \tall\t4\n"
                + "map                   \tall\t0.3396\n"
                + "P_5                   \tall\t0.2500\n"
                + "ndcg_cut_3            \tall\t0.2975\n"), outcome.out());
    }

    @Test
    void defaultMeasuresWithoutOption() {
        Outcome outcome = execute("eval", qrels.toString(), run.toString());

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().startsWith("num_q                 \tall\t3\n"
                + "num_ret               \tall\t9\n"
                + "num_rel               \tall\t6\n"
                + "num_rel_ret           \tall\t5\n"), outcome.out());
        assertTrue(outcome.out().contains("P_1000                \tall\t0.0017\n"), outcome.out());
    }

    @Test
    void gainOptionChangesNdcg() {
        Outcome linear = execute("eval", "-m", "ndcg", qrels.toString(), run.toString());
        Outcome esci = execute("eval", "--gain", "map:3=1,2=0.1,1=0.01,0=0", "-m", "ndcg", qrels.toString(),
                run.toString());

        assertEquals("ndcg                  \tall\t0.4902\n", linear.out());
        assertEquals("ndcg                  \tall\t0.4779\n", esci.out());
    }

    @Test
    void missingFileGivesOneLineError() {
        Outcome outcome = execute("eval", "-m", "map", qrels.toString(), folder.resolve("absent.run").toString());

        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("run file not found"), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertEquals("", outcome.out());
    }

    @Test
    void malformedLineNamesFileAndLine() throws IOException {
        Files.writeString(run, "q1 Q0 d1 1 0.5 test\nq1 Q0 d2 2 high test\n");

        Outcome outcome = execute("eval", "-m", "map", qrels.toString(), run.toString());

        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains(run + ":2: invalid score 'high'"), outcome.err());
        assertFalse(outcome.err().contains("\tat "), outcome.err());
    }

    @Test
    void unknownMeasureRejected() {
        Outcome outcome = execute("eval", "-m", "bpref", qrels.toString(), run.toString());

        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("Unknown measure 'bpref'"), outcome.err());
    }

    @Test
    void debugShowsStackTrace() {
        Outcome outcome = execute("eval", "--debug", "-m", "P.0", qrels.toString(), run.toString());

        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("\tat "), outcome.err());
    }
}
