package org.arr.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.arr.loss.RankingLoss;
import org.arr.loss.TrainingBatch;
import org.arr.loss.TrainingGroup;
import org.arr.model.ArrModel;
import org.arr.model.Autograd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an {@link ArrModel} with a {@link RankingLoss}: AdamW, linear warm-up then the configured decay, global
 * gradient-norm clipping, shuffled mini-batches of whole training groups, dev evaluation with early stopping,
 * and a checkpoint after every epoch.
 *
 * <p>Reproducibility: epoch {@code e} shuffles with, and seeds the engine (dropout) from, a seed derived from
 * {@code (config.seed, e)}, and checkpoints hold the AdamW moments, so a resumed run applies the same updates
 * as an uninterrupted one. On CPU the same config and seed give identical parameters.
 *
 * <p>Files in the checkpoint folder: {@value Checkpoints#LAST} (last completed epoch) and {@value Checkpoints#BEST}
 * (parameters of the best dev epoch). When a dev evaluation ran, the model has the best epoch's parameters on
 * return; otherwise it has the last epoch's.
 */
public final class ArrTrainer {


    private static final Logger LOG = LoggerFactory.getLogger(ArrTrainer.class);

    private final TrainerConfig config;

    public ArrTrainer(TrainerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public TrainerConfig config() {
        return config;
    }

    /**
     * Trains the model in place.
     *
     * @param model the model; its parameters are updated
     * @param loss the loss whose {@link RankingLoss#loss} is minimized
     * @param groups training groups built once with the loss (and any indexing examples)
     * @param checkpointDirectory folder for the checkpoint files (created when missing)
     * @param resume continue from {@value Checkpoints#LAST} in the folder when it exists
     * @param evaluator dev metric (higher is better), or null for no evaluation and no early stopping
     * @param epochListener receives a record after every epoch (e.g. to append to a CSV log), or null
     * @return the summary of the whole run, including epochs before a resume
     * @throws NonFiniteLossException if the loss or gradient norm becomes NaN or infinite; the last good
     *     checkpoint stays on disk
     * @throws InvalidCheckpointException if resuming from a corrupt checkpoint or one written for another
     *     model, trainer config or number of training groups
     * @throws IllegalArgumentException if there are no training groups
     */
    public TrainingSummary train(ArrModel model, RankingLoss loss, List<TrainingGroup> groups, Path checkpointDirectory,
            boolean resume, DevEvaluator evaluator, Consumer<EpochRecord> epochListener) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("No training groups: the training split has no query with a relevant document");
        }
        long started = System.nanoTime();
        Path lastFile = checkpointDirectory.resolve(Checkpoints.LAST);
        Path bestFile = checkpointDirectory.resolve(Checkpoints.BEST);
        List<Parameter> parameters = trainableParameters(model);

        try (NDManager optimizerManager = model.manager().newSubManager()) {
            AdamW optimizer = new AdamW(config, optimizerManager);
            Progress progress = resume ? restore(model, optimizer, optimizerManager, parameters, groups.size(), lastFile)
                    : Progress.fresh(config.seed());
            boolean resumed = progress.epochsCompleted > 0;
            attachGradients(parameters);

            int batchesPerEpoch = (groups.size() + config.batchSize() - 1) / config.batchSize();
            int totalSteps = config.epochs() * batchesPerEpoch;
            Tracker learningRate = Schedules.learningRate(config, totalSteps);
            LOG.info("Training started: {} groups, {} batches per epoch, epochs {}..{} of {}, {} parameters, loss {}, seed {}",
                    groups.size(), batchesPerEpoch, progress.epochsCompleted + 1, config.epochs(), config.epochs(),
                    model.parameterCount(), loss.name(), config.seed());

            boolean stoppedEarly = progress.patienceExhausted(config);
            try (ProgressBar bar = progressBar(totalSteps, progress.optimizerSteps)) {
                for (int epoch = progress.epochsCompleted + 1; epoch <= config.epochs() && !stoppedEarly; epoch++) {
                    EpochRecord record = runEpoch(epoch, model, loss, groups, parameters, optimizer, learningRate, progress, bar, lastFile);
                    double metric = Double.NaN;
                    if (evaluator != null && (epoch % config.evaluateEvery() == 0 || epoch == config.epochs())) {
                        metric = evaluate(evaluator, epoch, progress, model, optimizer, groups.size(), bestFile);
                    }
                    progress.devMetrics.add(Double.isNaN(metric) ? null : metric);
                    Checkpoints.write(lastFile, progress.toState(model, config, groups.size()), model, optimizer.state());

                    record = new EpochRecord(epoch, record.loss(), metric, record.learningRate(), record.seconds(), record.tokensPerSecond());
                    LOG.info("Epoch {}/{}: loss {}, dev metric {}, lr {}, {} s, {} tokens/s", epoch, config.epochs(),
                            String.format("%.5f", record.loss()), Double.isNaN(metric) ? "-" : String.format("%.5f", metric),
                            String.format("%.3g", record.learningRate()), String.format("%.1f", record.seconds()),
                            String.format("%.0f", record.tokensPerSecond()));
                    if (epochListener != null) {
                        epochListener.accept(record);
                    }
                    stoppedEarly = progress.patienceExhausted(config) && epoch < config.epochs();
                    if (stoppedEarly) {
                        LOG.info("Early stopping after epoch {}: no dev improvement in {} evaluations (best {} at epoch {})",
                                epoch, config.patience(), progress.bestMetric, progress.bestEpoch);
                    }
                }
            }

            if (progress.bestEpoch > 0) {
                Checkpoints.loadParameters(bestFile, model);
            }
            double wallSeconds = (System.nanoTime() - started) / 1e9;
            LOG.info("Training finished: {} epochs, best epoch {} (dev metric {}), {} s", progress.epochsCompleted,
                    progress.bestEpoch, progress.bestMetric, String.format("%.1f", wallSeconds));
            List<Double> devMetrics = new ArrayList<>();
            for (Double metric : progress.devMetrics) {
                devMetrics.add(metric == null ? Double.NaN : metric);
            }
            return new TrainingSummary(progress.epochsCompleted, progress.bestEpoch,
                    progress.bestMetric == null ? Double.NaN : progress.bestMetric, progress.epochLosses, devMetrics,
                    stoppedEarly, resumed, progress.optimizerSteps, wallSeconds,
                    progress.trainingSeconds > 0 ? progress.tokens / progress.trainingSeconds : 0, lastFile,
                    progress.bestEpoch > 0 ? bestFile : null);
        } catch (NonFiniteLossException e) {
            throw e;
        } catch (RuntimeException e) {
            // Callers report the failure; an epoch callback may also stop training on purpose (arr bench does).
            LOG.debug("Training stopped: {}", e.getMessage(), e);
            throw e;
        }
    }

    /** Runs the steps of one epoch and returns its record (dev metric NaN). */
    private EpochRecord runEpoch(int epoch, ArrModel model, RankingLoss loss, List<TrainingGroup> groups, List<Parameter> parameters,
            AdamW optimizer, Tracker learningRate, Progress progress, ProgressBar bar, Path lastFile) {
        long epochSeed = epochSeed(config.seed(), epoch);
        Engine.getInstance().setRandomSeed(ArrModel.foldSeed(epochSeed));
        int[] order = permutation(groups.size(), epochSeed);
        int batches = (groups.size() + config.batchSize() - 1) / config.batchSize();
        double weightedLoss = 0;
        double totalWeight = 0;
        long tokens = 0;
        float rate = 0;
        long epochStart = System.nanoTime();

        for (int b = 0; b < batches; b++) {
            List<TrainingGroup> batchGroups = new ArrayList<>(config.batchSize());
            for (int i = b * config.batchSize(); i < Math.min(groups.size(), (b + 1) * config.batchSize()); i++) {
                batchGroups.add(groups.get(order[i]));
            }
            long step = progress.optimizerSteps + 1;
            rate = learningRate.getNewValue((int) step);

            try (NDManager stepManager = model.manager().newSubManager()) {
                TrainingBatch batch = TrainingBatch.build(stepManager, batchGroups, model.config().docIdVocabularySize(),
                        model.config().maxQueryLength());
                float value;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray lossValue = loss.loss(model, batch, true);
                    value = lossValue.getFloat();
                    if (!Float.isFinite(value)) {
                        throw nonFinite("loss", value, epoch, step, b, batches, lastFile, progress);
                    }
                    collector.backward(lossValue);
                }
                Autograd.disable();
                double norm = clipGradients(parameters, config.clipGradientNorm());
                if (progress.gradientGuard.accept(norm)) {
                    optimizer.update(parameters, rate, step);
                } else if (progress.gradientGuard.diverged()) {
                    throw nonFinite("gradient norm", norm, epoch, step, b, batches, lastFile, progress);
                } else {
                    LOG.warn("Gradient norm is {} at epoch {}, step {} (loss {}); skipping this update ({} skipped so far)",
                            norm, epoch, step, value, progress.gradientGuard.skipped());
                }
                zeroGradients(parameters);

                weightedLoss += value * batch.totalWeight();
                totalWeight += batch.totalWeight();
                tokens += batch.tokens();
            }
            progress.optimizerSteps = step;
            if (bar != null) {
                bar.step();
                bar.setExtraMessage(String.format(" epoch %d loss %.4f", epoch, weightedLoss / totalWeight));
            }
        }

        double seconds = (System.nanoTime() - epochStart) / 1e9;
        double epochLoss = weightedLoss / totalWeight;
        progress.epochsCompleted = epoch;
        progress.epochLosses.add(epochLoss);
        progress.trainingSeconds += seconds;
        progress.tokens += tokens;
        return new EpochRecord(epoch, epochLoss, Double.NaN, rate, seconds, seconds > 0 ? tokens / seconds : 0);
    }

    private double evaluate(DevEvaluator evaluator, int epoch, Progress progress, ArrModel model, AdamW optimizer, int groups,
            Path bestFile) {
        double metric = evaluator.evaluate(epoch);
        if (Double.isNaN(metric)) {
            LOG.warn("Dev metric after epoch {} is NaN; counting it as no improvement", epoch);
        }
        if (!Double.isNaN(metric) && (progress.bestMetric == null || metric > progress.bestMetric)) {
            progress.bestMetric = metric;
            progress.bestEpoch = epoch;
            progress.evaluationsWithoutImprovement = 0;
            Checkpoints.write(bestFile, progress.toState(model, config, groups), model, new ai.djl.ndarray.NDList());
        } else {
            progress.evaluationsWithoutImprovement++;
        }
        return metric;
    }

    private NonFiniteLossException nonFinite(String quantity, double value, int epoch, long step, int batch, int batches, Path lastFile,
            Progress progress) {
        String checkpoint = progress.epochsCompleted > 0
                ? "The last good checkpoint is " + lastFile + " (epoch " + progress.epochsCompleted + ")"
                : "No epoch completed, so there is no checkpoint";
        String message = "Training " + quantity + " became " + value + " at epoch " + epoch + ", step " + step + " (batch " + (batch + 1)
                + " of " + batches + "); training stopped. " + checkpoint
                + ". Lower train.learningRate or train.gradClip, then rerun.";
        LOG.error(message);
        return new NonFiniteLossException(message, epoch, step, progress.epochsCompleted > 0 ? lastFile : null);
    }

    /** Clips the global gradient L2 norm to {@code maxNorm} (when > 0) and returns the norm before clipping. */
    public static double clipGradients(List<Parameter> parameters, double maxNorm) {
        try (NDScope scope = new NDScope()) {
            List<NDArray> gradients = new ArrayList<>(parameters.size());
            NDArray squares = null;
            for (Parameter parameter : parameters) {
                NDArray gradient = parameter.getArray().getGradient();
                gradients.add(gradient);
                NDArray sum = gradient.square().sum();
                squares = squares == null ? sum : squares.add(sum);
            }
            double norm = Math.sqrt(squares.getFloat());
            if (maxNorm > 0 && norm > maxNorm && Double.isFinite(norm)) {
                float scale = (float) (maxNorm / (norm + 1e-6));
                for (NDArray gradient : gradients) {
                    gradient.muli(scale);
                }
            }
            return norm;
        }
    }

    /** Sets every gradient to 0; assignment rather than subtraction, so infinite entries are cleared too. */
    public static void zeroGradients(List<Parameter> parameters) {
        try (NDScope scope = new NDScope()) {
            NDIndex all = new NDIndex("...");
            for (Parameter parameter : parameters) {
                parameter.getArray().getGradient().set(all, 0f);
            }
        }
    }

    private static List<Parameter> trainableParameters(ArrModel model) {
        List<Parameter> parameters = new ArrayList<>();
        for (Pair<String, Parameter> entry : model.parameters()) {
            if (entry.getValue().requiresGradient()) {
                parameters.add(entry.getValue());
            }
        }
        return parameters;
    }

    private static void attachGradients(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            parameter.getArray().setRequiresGradient(true);
        }
    }

    private Progress restore(ArrModel model, AdamW optimizer, NDManager optimizerManager, List<Parameter> parameters, int groups,
            Path lastFile) {
        if (!Files.exists(lastFile)) {
            LOG.warn("No checkpoint at {}; starting training from the first epoch", lastFile);
            return Progress.fresh(config.seed());
        }
        Checkpoints.Contents contents = Checkpoints.read(lastFile);
        TrainingState state = contents.state();
        requireSame(lastFile, "model config", state.modelConfig(), model.config().toString());
        requireSame(lastFile, "trainer config", state.trainerConfig(), config.resumeKey());
        requireSame(lastFile, "number of training groups", Integer.toString(state.groups()), Integer.toString(groups));
        try {
            model.loadParameters(new ByteArrayInputStream(contents.parameters()));
            optimizer.load(Checkpoints.decodeOptimizer(optimizerManager, contents.optimizer()), trainableParameters(model));
        } catch (IOException | RuntimeException e) {
            throw new InvalidCheckpointException(lastFile, "contains parameters or optimizer state that do not match this model: "
                    + e.getMessage(), e);
        }
        parameters.clear();
        parameters.addAll(trainableParameters(model));
        LOG.info("Resuming from {} after epoch {} (step {})", lastFile, state.epochsCompleted(), state.optimizerSteps());
        return Progress.of(state);
    }

    private static void requireSame(Path file, String setting, String stored, String current) {
        if (!stored.equals(current)) {
            throw new InvalidCheckpointException(file, "was written for a different " + setting + " (" + differences(stored, current)
                    + "). Resume with the original settings or start a new run", null);
        }
    }

    /** Lists the {@code name=value} entries of two record strings that differ, as {@code name: stored -> current}. */
    static String differences(String stored, String current) {
        String[] before = entries(stored);
        String[] after = entries(current);
        if (before.length != after.length) {
            return "stored " + stored + ", current " + current;
        }
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.length; i++) {
            if (!before[i].equals(after[i])) {
                String name = before[i].contains("=") ? before[i].substring(0, before[i].indexOf('=')) : "value";
                changed.add(name + ": " + before[i].substring(before[i].indexOf('=') + 1) + " -> "
                        + after[i].substring(after[i].indexOf('=') + 1));
            }
        }
        return String.join(", ", changed);
    }

    private static String[] entries(String record) {
        int open = record.indexOf('[');
        int close = record.lastIndexOf(']');
        String body = open >= 0 && close > open ? record.substring(open + 1, close) : record;
        return body.split(", ");
    }

    private ProgressBar progressBar(int totalSteps, long done) {
        if (!config.progressBar()) {
            return null;
        }
        return new ProgressBarBuilder()
                .setTaskName("train")
                .setInitialMax(totalSteps)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(500)
                .setUnit(" steps", 1)
                .startsFrom(done, Duration.ZERO)
                .build();
    }

    /** Derives the seed of one epoch; a resumed run derives the same seeds. */
    static long epochSeed(long seed, int epoch) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * epoch)).nextLong();
    }

    /** Returns a Fisher-Yates permutation of {@code 0 .. n-1} drawn from {@code seed}. */
    static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** Mutable progress of a run, converted to and from {@link TrainingState}. */
    private static final class Progress {
        int epochsCompleted;
        long optimizerSteps;
        final NonFiniteGradientGuard gradientGuard = new NonFiniteGradientGuard();
        Double bestMetric;
        int bestEpoch;
        int evaluationsWithoutImprovement;
        long seed;
        final List<Double> epochLosses = new ArrayList<>();
        final List<Double> devMetrics = new ArrayList<>();
        double trainingSeconds;
        long tokens;

        static Progress fresh(long seed) {
            Progress progress = new Progress();
            progress.seed = seed;
            return progress;
        }

        static Progress of(TrainingState state) {
            Progress progress = fresh(state.seed());
            progress.epochsCompleted = state.epochsCompleted();
            progress.optimizerSteps = state.optimizerSteps();
            progress.bestMetric = state.bestMetric();
            progress.bestEpoch = state.bestEpoch();
            progress.evaluationsWithoutImprovement = state.evaluationsWithoutImprovement();
            progress.epochLosses.addAll(state.epochLosses());
            progress.devMetrics.addAll(state.devMetrics());
            progress.trainingSeconds = state.trainingSeconds();
            progress.tokens = state.tokens();
            return progress;
        }

        boolean patienceExhausted(TrainerConfig config) {
            return config.patience() > 0 && evaluationsWithoutImprovement >= config.patience();
        }

        TrainingState toState(ArrModel model, TrainerConfig config, int groups) {
            return new TrainingState(epochsCompleted, optimizerSteps, bestMetric, bestEpoch, evaluationsWithoutImprovement, seed,
                    epochLosses, devMetrics, trainingSeconds, tokens, model.config().toString(), config.resumeKey(), groups);
        }
    }
}
