package org.arr.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.arr.config.ResolvedConfig;
import org.arr.config.sweep.Shard;
import org.arr.config.sweep.Sweep;
import org.arr.experiment.ExperimentRunner;
import org.arr.experiment.sweep.CellRunner;
import org.arr.run.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arr run}: trains and evaluates the model of an experiment config and writes a run folder; for a sweep config,
 * runs every cell (or one shard of them) through {@link SweepExecution}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Train and evaluate the model of an experiment config.",
            "Loads and splits the dataset, builds docIDs, trains the model, decodes the test queries with beam search,"
                    + " evaluates them (trec_eval -c semantics) and prints the model's measures next to a random and a"
                    + " popularity ranker.",
            "Results go to runs/<name>/<UTC time>-<config hash>/ (or --out): config.yaml, provenance.json,"
                    + " train_log.csv, checkpoints/, run.trec, test.qrels, per_query.tsv, metrics.json, timing.json, run.log.",
            "A config with a sweep: section runs every cell into runs/<name>/sweep-<hash>/<cell id>/ (or --out DIR/<cell"
                    + " id>/), then prints mean ± std over seeds per variant and writes sweep.yaml and summary.csv there."
                    + " Rerunning skips finished cells and resumes unfinished ones; a failed cell does not stop the others."
        })
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run folder to use instead of a new one under --runs; must be new or empty, or hold an"
                    + " unfinished run together with --resume. For a sweep: the sweep folder, new, empty or of the same"
                    + " sweep.")
    Path out;

    @Option(names = "--resume",
            description = "Continue an unfinished run from its last checkpoint: the one in --out, or else the newest"
                    + " unfinished run of this config under --runs. A sweep always resumes its unfinished cells.")
    boolean resume;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
            description = "Parent folder of run folders. Default: ${DEFAULT-VALUE}.")
    Path runsRoot;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only the I-th of N slices of a sweep's cells, e.g. 2/4, so a job array can split a sweep:"
                    + " cell k (counted from 0 in sweep order) belongs to slice (k mod N) + 1. Every slice writes into the"
                    + " same sweep folder.")
    String shard;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Run a sweep's cells in N processes at once (each with one PyTorch thread unless"
                    + " ARR_TORCH_THREADS says otherwise); each process takes the next unfinished cell. Default:"
                    + " ${DEFAULT-VALUE}. Use about one job per core.")
    int jobs;

    @Option(names = "--claim-cells", hidden = true,
            description = "Take cells through claim files in the sweep folder (set by --jobs for its child processes).")
    boolean claimCells;

    @Option(names = "--no-progress", negatable = false, description = "Do not draw progress bars.")
    boolean noProgress;

    @Option(names = "--stop-after-epoch", paramLabel = "N", hidden = true, defaultValue = "0",
            description = "Stop training after epoch N and mark the run interrupted (for testing --resume).")
    int stopAfterEpoch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Optional<Sweep> sweep = configOptions.loadSweep();
        Shard selected = SweepExecution.shard(shard, sweep, configOptions.config);
        List<String> commandLine = new ArrayList<>();
        commandLine.add("arr");
        commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        if (jobs > 1 && sweep.isEmpty()) {
            throw new IllegalArgumentException("--jobs " + jobs + " runs the cells of a sweep in parallel, but "
                    + configOptions.config + " has no sweep: section; run it without --jobs");
        }
        if (jobs > 1 && shard != null) {
            throw new IllegalArgumentException("Use either --jobs (parallel jobs on this machine) or --shard (one slice per"
                    + " machine), not both");
        }
        if (jobs > 1) {
            Path folder = (out != null ? out : sweep.get().defaultFolder(runsRoot)).toAbsolutePath();
            return SweepExecution.runJobs(sweep.get(), folder, jobs, childArguments(folder), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        if (sweep.isPresent()) {
            CellRunner cellRunner = (cellConfig, cellFolder, resumeCell) -> new ExperimentRunner(Clock.systemUTC())
                    .run(cellConfig, options(cellFolder, resumeCell, commandLine));
            return SweepExecution.run(sweep.get(), out, runsRoot, selected, cellRunner, claimCells, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }

        ResolvedConfig config = configOptions.load();
        ExperimentRunner.Result result = new ExperimentRunner(Clock.systemUTC()).run(config, options(out, resume, commandLine));

        if (result.status() == RunStatus.INTERRUPTED) {
            spec.commandLine().getErr().println("Run stopped before it finished; continue it with --resume. Folder: "
                    + result.folder());
            return 0;
        }
        spec.commandLine().getOut().println("Test measures (" + config.spec().name() + "):");
        spec.commandLine().getOut().print(result.summary());
        spec.commandLine().getOut().println("Run folder: " + result.folder());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Returns this command's arguments without {@code --jobs}, for a child job that claims cells in {@code folder}. */
    private List<String> childArguments(Path folder) {
        List<String> arguments = new ArrayList<>();
        arguments.add("run");
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        int first = !original.isEmpty() && original.get(0).equals("run") ? 1 : 0;
        for (int i = first; i < original.size(); i++) {
            String argument = original.get(i);
            if (argument.equals("--jobs") || argument.equals("--out")) {
                i++;
            } else if (!argument.startsWith("--jobs=") && !argument.startsWith("--out=")) {
                arguments.add(argument);
            }
        }
        arguments.addAll(List.of("--out", folder.toString(), "--claim-cells"));
        if (!arguments.contains("--no-progress")) {
            arguments.add("--no-progress");
        }
        return arguments;
    }

    private ExperimentRunner.Options options(Path folder, boolean resumeRun, List<String> commandLine) {
        return new ExperimentRunner.Options(runsRoot, folder, resumeRun, commandLine,
                ArrCommand.class.getPackage().getImplementationVersion(), !noProgress, stopAfterEpoch);
    }
}
