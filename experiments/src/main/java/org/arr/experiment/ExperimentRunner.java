package org.arr.experiment;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.arr.config.ExperimentSpec;
import org.arr.config.ResolvedConfig;
import org.arr.cost.RankingCost;
import org.arr.data.Qrels;
import org.arr.data.RankingTask;
import org.arr.data.Run;
import org.arr.data.Splits;
import org.arr.metric.GainFunction;
import org.arr.metric.Measure;
import org.arr.run.Environment;
import org.arr.run.Provenance;
import org.arr.run.RunDirectory;
import org.arr.run.RunStatus;
import org.arr.tokenize.TextTokenizers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one experiment end to end: opens the run folder, loads and splits the dataset, builds tokenizer and
 * docIDs, evaluates the reference rankers, trains the model, decodes the test queries, evaluates the run with
 * trec_eval {@code -c} semantics and writes every result file. The run ends {@code finished}, {@code failed}
 * (with the error) or {@code interrupted}; a finished run folder is never touched.
 */
public final class ExperimentRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    /**
     * How to run.
     *
     * @param runsRoot parent of {@code <name>/<timestamp>-<hash>/} folders (used unless {@code out} is set)
     * @param out the run folder, or null for a new folder under {@code runsRoot}
     * @param resume continue an unfinished run: the one in {@code out}, or the newest one of this config
     * @param commandLine the arguments, for provenance
     * @param projectVersion version of this program, for provenance
     * @param progressBars draw progress bars on stderr
     * @param stopAfterEpoch stop training after this epoch and mark the run interrupted (0: never); lets tests
     *     interrupt a run at a known point
     */
    public record Options(Path runsRoot, Path out, boolean resume, List<String> commandLine, String projectVersion,
            boolean progressBars, int stopAfterEpoch) {

        public Options {
            commandLine = List.copyOf(commandLine);
        }
    }

    /**
     * The outcome of a run.
     *
     * @param folder the run folder
     * @param status {@code finished} or {@code interrupted} (a failure is thrown instead)
     * @param metrics the contents of {@code metrics.json} and {@code timing.json}; empty unless finished
     * @param summary the printed summary table; empty unless finished
     */
    public record Result(Path folder, RunStatus status, Map<String, Double> metrics, String summary) {
    }

    /** Thrown from the epoch hook to stop training at {@link Options#stopAfterEpoch}. */
    private static final class StopRequested extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StopRequested(int epoch) {
            super("stopped after epoch " + epoch + " as requested");
        }
    }

    private final Clock clock;

    public ExperimentRunner(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs an experiment.
     *
     * @throws IllegalArgumentException if the run folder cannot be used (finished run, unfinished run without
     *     resume, another config) or a component rejects its settings
     * @throws org.arr.train.InvalidCheckpointException if a resumed run's checkpoint is corrupt
     * @throws RuntimeException any failure during the run, after the run is marked failed
     */
    public Result run(ResolvedConfig config, Options options) {
        ExperimentSpec spec = config.spec();
        Provenance start = Provenance.started(config.hash(), spec.seed(), options.commandLine(), clock.instant(),
                Environment.capture(options.projectVersion(), engineVersion()));

        try (RunDirectory run = openRunDirectory(config, options, start);
                RunLogFile log = RunLogFile.attach(run.path().resolve(RunDirectory.RUN_LOG))) {
            run.markInterruptedOnShutdown();
            LOG.info("{} run '{}' (config hash {}) in {}", run.resumed() ? "Resuming" : "Starting", spec.name(), config.hash(),
                    run.path());
            try {
                Result result = execute(spec, run, options);
                run.finish();
                return result;
            } catch (StopRequested stop) {
                run.interrupt(stop.getMessage());
                return new Result(run.path(), RunStatus.INTERRUPTED, Map.of(), "");
            } catch (RuntimeException | Error e) {
                run.fail(describe(e));
                throw e;
            }
        }
    }

    private Result execute(ExperimentSpec spec, RunDirectory run, Options options) {
        PreparedTask prepared = PreparedTask.prepare(spec);
        RankingTask task = prepared.task();
        Qrels testQrels = prepared.qrels(Splits.TEST);
        List<String> testIds = prepared.queryIds(Splits.TEST);
        RunFiles.writeTestQrels(run, testQrels);
        RunFiles.writeDocIds(run, task.corpus(), prepared.docIds());
        run.write(RunFiles.TOKENIZER, temporary -> TextTokenizers.save(prepared.tokenizer(), temporary));

        List<Measure> measures = spec.eval().measures();
        GainFunction gain = gain(spec, task);
        Map<String, TestEvaluation> references = new LinkedHashMap<>();
        for (ReferenceRanker ranker : List.of(new RandomRanker(spec.seed()), new PopularityRanker())) {
            Run reference = ranker.rank(task, testIds, spec.eval().topK());
            references.put(ranker.name(), TestEvaluation.evaluate(reference, testQrels, measures, gain));
        }
        RunFiles.writeReferences(run, references);

        IntConsumer epochHook = epoch -> {
            if (options.stopAfterEpoch() > 0 && epoch >= options.stopAfterEpoch()) {
                throw new StopRequested(epoch);
            }
        };
        Run testRun;
        ValidityStats validity;
        RankingCost cost;
        if (BaselineStage.handles(spec.model().type())) {
            BaselineStage.Output output = new BaselineStage(spec, prepared, options.runsRoot())
                    .run(run, options.progressBars(), epochHook);
            testRun = output.run();
            validity = ValidityStats.none();
            cost = output.cost();
        } else {
            ArrStage.Output output = new ArrStage(spec, prepared).run(run, options.progressBars(), epochHook);
            testRun = output.run();
            validity = output.validity();
            cost = output.cost();
        }
        LOG.info("Cost per query: {} forward passes, {} FLOPs (estimate), {} ms", String.format("%.2f", cost.forwardPassesPerQuery()),
                String.format("%.3e", cost.flopsPerQuery()), String.format("%.3f", cost.msPerQuery()));

        TestEvaluation evaluation = TestEvaluation.evaluate(testRun, testQrels, measures, gain);
        RunFiles.writeRun(run, testRun);
        RunFiles.writePerQuery(run, evaluation, validity);
        RunFiles.writeMetrics(run, evaluation, validity, cost.toMetrics());
        LOG.info("Reproduce the test measures with: arr eval -c{} --gain {} {} {}", measureOptions(spec), gain,
                run.path().resolve(RunFiles.TEST_QRELS), run.path().resolve(RunDirectory.RUN));

        String table = SummaryTable.format(spec.model().type(), evaluation, validity, cost.toMetrics(), references);
        Map<String, Double> metrics = new LinkedHashMap<>(evaluation.summary());
        metrics.put(RunFiles.INVALID_RATE, validity.invalidRate());
        metrics.put(RunFiles.INVALID_MASS, validity.invalidMass());
        metrics.putAll(cost.toMetrics());
        return new Result(run.path(), RunStatus.FINISHED, metrics, table);
    }

    private RunDirectory openRunDirectory(ResolvedConfig config, Options options, Provenance start) {
        if (options.out() != null) {
            return RunDirectory.open(options.out(), config.yaml(), start, options.resume(), clock);
        }
        if (options.resume()) {
            return RunDirectory.resumeLatest(options.runsRoot(), config.spec().name(), config.yaml(), config.hash(), clock);
        }
        return RunDirectory.create(options.runsRoot(), config.spec().name(), config.yaml(), start, clock);
    }

    /** Returns the nDCG gain of the config: the dataset's gain table, or trec_eval's linear or the exponential gain. */
    static GainFunction gain(ExperimentSpec spec, RankingTask task) {
        return switch (spec.eval().gain()) {
            case "linear" -> GainFunction.LINEAR;
            case "exp" -> GainFunction.EXPONENTIAL;
            default -> task.gainMap().map(GainFunction::ofTable).orElse(GainFunction.LINEAR);
        };
    }

    private static String measureOptions(ExperimentSpec spec) {
        StringBuilder text = new StringBuilder();
        for (String measure : spec.eval().metrics()) {
            text.append(" -m ").append(measure);
        }
        return text.toString();
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Returns the deep learning engine and its version, e.g. {@code PyTorch 2.7.1}, or null when it fails to load. */
    private static String engineVersion() {
        try {
            ai.djl.engine.Engine engine = ai.djl.engine.Engine.getInstance();
            return engine.getEngineName() + " " + engine.getVersion();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.warn("Deep learning engine unavailable: {}", e.getMessage());
            return null;
        }
    }
}
