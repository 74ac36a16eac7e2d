package org.arr.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code arr} command line: one subcommand per task a researcher runs. */
@Command(
        name = "arr",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Autoregressive ranking (ARR) research framework: datasets, training, evaluation, theory checks.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DatasetsCommand.class,
            EvalCommand.class,
            GenerateEvalDataCommand.class,
            TheoryCommand.class,
            ReportCommand.class,
            RunCommand.class,
            BenchCommand.class,
            ValidateCommand.class
        })
public final class ArrCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ArrCommand.class);

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors (by default only a one-line message is shown).")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Builds the command line with the shared error handling: user errors print one line, exit code 2. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ArrCommand());
        commandLine.setExecutionExceptionHandler(ArrCommand::handleExecutionException);
        return commandLine;
    }

    private static int handleExecutionException(Exception error, CommandLine commandLine,
            CommandLine.ParseResult parseResult) {
        boolean debug = parseResult.hasMatchedOption("--debug")
                || parseResult.subcommands().stream().anyMatch(sub -> sub.hasMatchedOption("--debug"));
        LOG.debug("Command failed", error);
        PrintWriter err = commandLine.getErr();
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        err.println(commandLine.getColorScheme().errorText("error: " + message));
        if (debug) {
            error.printStackTrace(err);
        } else if (!isUserError(error)) {
            err.println("(run again with --debug to see the stack trace)");
        }
        err.flush();
        return isUserError(error) ? 2 : 1;
    }

    /** Errors caused by input the user can fix; anything else is reported as an internal failure. */
    private static boolean isUserError(Exception error) {
        return error instanceof IllegalArgumentException
                || error instanceof org.arr.data.InputFormatException
                || error instanceof org.arr.train.NonFiniteLossException
                || error instanceof java.nio.file.NoSuchFileException
                || error instanceof java.util.NoSuchElementException
                || error instanceof java.io.UncheckedIOException;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
