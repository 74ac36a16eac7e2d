package org.arr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {

    @TempDir
    Path folder;

    /** Standard output, standard error and exit code of one command. */
    private record Outcome(int exitCode, String out, String err) {
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

    private Path write(String yaml) throws IOException {
        Path file = folder.resolve("config.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void validConfigPrintsResolvedYaml() throws IOException {
        Path file = write("name: tiny\ndataset: {spec: limit-small}\ndocids: {scheme: atomic}\n");

        Outcome outcome = execute("validate", file.toString(), "--set", "train.epochs=3");

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().startsWith("name: tiny\n"), outcome.out());
        assertTrue(outcome.out().contains("  epochs: 3\n"), outcome.out());
        assertTrue(outcome.err().startsWith("Config is valid (hash "), outcome.err());
    }

    @Test
    void invalidConfigListsEveryErrorAndExitsTwo() throws IOException {
        Path file = write("name: tiny\ndataset: {spec: limit-small}\ndocids: {scheme: atomic}\n"
                + "model: {layers: 0}\ntrain: {epcohs: 3}\n");

        Outcome outcome = execute("validate", file.toString(), "--set", "eval.topk=5");

        assertEquals(2, outcome.exitCode());
        assertEquals("", outcome.out());
        String err = outcome.err();
        assertTrue(err.startsWith("error: Invalid config " + file + " (3 errors):"), err);
        assertTrue(err.contains("model.layers: invalid value 0; allowed range is [1, 64]"), err);
        assertTrue(err.contains("train.epcohs: unknown key; did you mean 'epochs'?"), err);
        assertTrue(err.contains("eval.topk: unknown key; did you mean 'topK'?"), err);
        assertTrue(err.contains("(from --set eval.topk=5)"), err);
        assertTrue(!err.contains("at org."), "no stack trace: " + err);
    }

    @Test
    void yamlSyntaxErrorNamesLineAndColumn() throws IOException {
        Path file = write("name: tiny\ndataset:\n  spec: [limit-small\n");

        Outcome outcome = execute("validate", file.toString());

        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().startsWith("error: " + file + ":"), outcome.err());
        assertTrue(outcome.err().contains("invalid YAML at column"), outcome.err());
    }

    @Test
    void shippedConfigsAreValid() {
        for (String config : new String[] {"quickstart.yaml", "limit-small-arr.yaml"}) {
            Path file = Path.of("configs", config);

            Outcome outcome = execute("validate", file.toString());

            assertEquals(0, outcome.exitCode(), config + ": " + outcome.err());
        }
    }
}
