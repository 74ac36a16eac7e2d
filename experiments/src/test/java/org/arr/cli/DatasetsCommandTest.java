package org.arr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DatasetsCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void listNamesEveryLoader() {
        assertEquals(0, run("datasets", "list"));

        for (String name : new String[] {"limit-small", "beir", "wordnet", "esci", "trec", "synthetic"}) {
            assertTrue(out.toString().contains(System.lineSeparator() + name + " ")
                    || out.toString().startsWith(name + " "), name + " missing from: " + out);
        }
    }

    @Test
    void describeLimitSmall() {
        assertEquals(0, run("datasets", "describe", "limit-small"));

        String text = out.toString();
        assertTrue(text.contains("documents            46" + System.lineSeparator()), text);
        assertTrue(text.contains("queries              1000 (1000 with judgments)"), text);
        assertTrue(text.contains("judgments            2000"), text);
        assertTrue(text.contains("  grade 1            2000"), text);
        assertTrue(text.contains("relevant per query   mean 2.00, min 2, max 2"), text);
    }

    @Test
    void describeWithOptionsAndGrades() {
        assertEquals(0, run("datasets", "describe", "synthetic:complete", "-o", "n=3"));

        String text = out.toString();
        assertTrue(text.contains("queries              6 (6 with judgments)"), text);
        assertTrue(text.contains("  grade 3            6"), text);
        assertTrue(text.contains("  grade 1            6"), text);
        assertTrue(text.contains("relevant per query   mean 3.00, min 3, max 3"), text);
    }

    @Test
    void userErrorPrintsOneLine() {
        assertEquals(2, run("datasets", "describe", "synthetic:complete", "-o", "n=abc"));

        assertEquals("error: Option 'n' of dataset synthetic:complete must be an integer >= 1, got 'abc'",
                err.toString().strip());
        assertEquals("", out.toString());
    }

    private int run(String... args) {
        CommandLine commandLine = ArrCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        return commandLine.execute(args);
    }
}
