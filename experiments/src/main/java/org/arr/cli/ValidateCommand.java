package org.arr.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.arr.config.ResolvedConfig;
import org.arr.config.sweep.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code arr validate}: checks an experiment config and prints it resolved, with every default filled in; for a sweep,
 * checks every cell and prints the resolved sweep definition.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {
            "Check an experiment config without running it.",
            "Prints the resolved config (defaults filled in) or every error found. For a sweep config, checks every"
                    + " cell and prints the sweep definition."
        })
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions configOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<Sweep> sweep = configOptions.loadSweep();
        if (sweep.isPresent()) {
            spec.commandLine().getOut().print(sweep.get().yaml());
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().println("Sweep is valid: " + sweep.get().cells().size() + " cells in "
                    + sweep.get().variants().size() + " variants, each checked as a full config (hash " + sweep.get().hash() + ").");
            return 0;
        }

        ResolvedConfig resolved = configOptions.load();
        spec.commandLine().getOut().print(resolved.yaml());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println("Config is valid (hash " + resolved.hash() + ").");
        return 0;
    }
}
