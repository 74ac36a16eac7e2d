package org.arr.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code arr theory}: exact counting bounds and capacity experiments for dual encoders and autoregressive rankers. */
@Command(
        name = "theory",
        mixinStandardHelpOptions = true,
        description = "Counting bounds and capacity experiments: dual encoders versus autoregressive rankers.",
        subcommands = {
            TheoryCountCommand.class,
            TheoryCapacityCommand.class,
            TheoryCriticalNCommand.class
        })
public final class TheoryCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
