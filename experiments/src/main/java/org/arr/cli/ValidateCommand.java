package org.arr.cli;

import java.util.concurrent.Callable;
import org.arr.config.ResolvedConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code arr validate}: checks an experiment config and prints it resolved, with every default filled in. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an experiment config without running it; print the resolved config (defaults filled in)"
                + " or every error found.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions configOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ResolvedConfig resolved = configOptions.load();
        spec.commandLine().getOut().print(resolved.yaml());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println("Config is valid (hash " + resolved.hash() + ").");
        return 0;
    }
}
