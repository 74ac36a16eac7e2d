package org.arr.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.arr.config.ConfigLoader;
import org.arr.config.ResolvedConfig;
import org.arr.config.sweep.Sweep;
import org.arr.config.sweep.SweepLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The experiment config argument and its {@code --set} overrides, shared by the commands that read a config. */
final class ConfigOptions {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "Experiment config (YAML), e.g. experiments/configs/quickstart.yaml.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config value, e.g. --set train.epochs=5 or --set eval.metrics=[ndcg_cut.10,map];"
                    + " the value is read as YAML. Repeatable; later ones win.")
    List<String> overrides = new ArrayList<>();

    /** Loads and validates the config with the overrides. */
    ResolvedConfig load() {
        return ConfigLoader.load(config, overrides);
    }

    /** Loads the config's sweep with every cell validated, or returns empty when it defines no sweep. */
    Optional<Sweep> loadSweep() {
        return SweepLoader.load(config, overrides);
    }
}
