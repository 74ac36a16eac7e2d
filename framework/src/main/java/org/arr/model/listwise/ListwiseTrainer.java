package org.arr.model.listwise;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.arr.model.ArrModel;
import org.arr.model.Autograd;
import org.arr.train.AdamW;
import org.arr.train.ArrTrainer;
import org.arr.train.NonFiniteGradientGuard;
import org.arr.train.Schedules;
import org.arr.train.TrainerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a model on listwise examples with the ARR trainer's optimization parts: per epoch a seeded shuffle of the
 * queries, then per batch the loss, backward, global gradient-norm clipping ({@link ArrTrainer#clipGradients}) and
 * an {@link AdamW} step at the learning rate of {@link Schedules#learningRate} (warm-up, then decay).
 *
 * <p>TODO: dev evaluation, early stopping ({@code evaluateEvery}, {@code patience}) and checkpoints for resuming
 * are not done here yet; every epoch runs and the model keeps the last epoch's parameters.
 */
public final class ListwiseTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ListwiseTrainer.class);

    private final TrainerConfig config;

    public ListwiseTrainer(TrainerConfig config) {
        this.config = config;
    }

    /**
     * Trains the parameters in place.
     *
     * @param parameters the model's parameters
     * @param modelManager the manager that owns them; each batch and the optimizer state use sub-managers of it
     * @return the mean loss of each epoch
     * @throws IllegalArgumentException if there are no examples
     * @throws IllegalStateException if the loss or the gradient norm becomes NaN or infinite
     */
    public List<Double> train(List<Parameter> parameters, NDManager modelManager, BatchLoss loss, List<ListwiseExample> examples) {
        return train(parameters, modelManager, loss, examples, null);
    }

    /**
     * Trains the parameters in place, reporting every finished epoch.
     *
     * @param epochListener receives each epoch's number (from 1), mean loss, last learning rate and wall seconds, or
     *     null
     * @return the mean loss of each epoch
     * @throws IllegalArgumentException if there are no examples
     * @throws IllegalStateException if the loss or the gradient norm becomes NaN or infinite
     */
    public List<Double> train(List<Parameter> parameters, NDManager modelManager, BatchLoss loss, List<ListwiseExample> examples,
            EpochListener epochListener) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("No training queries: the training split has no query with a relevant document");
        }
        Random random = new Random(config.seed());
        Engine.getInstance().setRandomSeed(ArrModel.foldSeed(config.seed()));
        for (Parameter parameter : parameters) {
            parameter.getArray().setRequiresGradient(true);
        }

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        int batches = (examples.size() + config.batchSize() - 1) / config.batchSize();
        int totalSteps = batches * config.epochs();
        Tracker learningRate = Schedules.learningRate(config, totalSteps);
        LOG.info("Training started: {} queries, {} batches per epoch, {} epochs, seed {}", examples.size(), batches,
                config.epochs(), config.seed());

        List<Double> epochLosses = new ArrayList<>();
        NonFiniteGradientGuard gradientGuard = new NonFiniteGradientGuard();
        long step = 0;
        try (NDManager optimizerManager = modelManager.newSubManager();
                ProgressBar bar = config.progressBar() ? new ProgressBarBuilder().setTaskName("train")
                        .setInitialMax(totalSteps).setStyle(ProgressBarStyle.ASCII).build() : null) {
            AdamW optimizer = new AdamW(config, optimizerManager);
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                Collections.shuffle(order, random);
                double total = 0;
                float rate = 0;
                for (int b = 0; b < batches; b++) {
                    List<ListwiseExample> batch = new ArrayList<>(config.batchSize());
                    for (int i = b * config.batchSize(); i < Math.min(examples.size(), (b + 1) * config.batchSize()); i++) {
                        batch.add(examples.get(order.get(i)));
                    }
                    step++;
                    rate = learningRate.getNewValue((int) step);
                    double batchLoss = step(parameters, modelManager, loss, batch, random, optimizer, rate, step, epoch,
                            gradientGuard);
                    total += batchLoss * batch.size();
                    if (bar != null) {
                        bar.step();
                    }
                }

                double mean = total / examples.size();
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                epochLosses.add(mean);
                LOG.info("Epoch {}/{}: loss {}, lr {}, {} s", epoch, config.epochs(), String.format("%.5f", mean),
                        String.format("%.3g", rate), String.format("%.1f", seconds));
                if (epochListener != null) {
                    epochListener.epochFinished(epoch, mean, rate, seconds);
                }
            }
        }
        return epochLosses;
    }

    private double step(List<Parameter> parameters, NDManager modelManager, BatchLoss loss, List<ListwiseExample> batch,
            Random random, AdamW optimizer, float rate, long step, int epoch, NonFiniteGradientGuard gradientGuard) {
        try (NDManager scope = modelManager.newSubManager()) {
            float value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray lossValue = loss.loss(scope, batch, random);
                value = lossValue.getFloat();
                if (!Float.isFinite(value)) {
                    LOG.error("Loss is {} at step {} (epoch {}); stopping", value, step, epoch);
                    throw new IllegalStateException("Training loss became " + value + " at step " + step + " (epoch " + epoch
                            + "); lower train.learningRate or raise model.encoder.temperature");
                }
                collector.backward(lossValue);
            }
            Autograd.disable();

            double norm = ArrTrainer.clipGradients(parameters, config.clipGradientNorm());
            if (gradientGuard.accept(norm)) {
                optimizer.update(parameters, rate, step);
            } else if (gradientGuard.diverged()) {
                LOG.error("Gradient norm is {} at step {} (epoch {}); stopping", norm, step, epoch);
                throw new IllegalStateException("Gradient norm became " + norm + " at step " + step + "; lower train.learningRate");
            } else {
                LOG.warn("Gradient norm is {} at step {} (epoch {}); skipping this update ({} skipped so far)", norm, step,
                        epoch, gradientGuard.skipped());
            }
            ArrTrainer.zeroGradients(parameters);
            return value;
        }
    }

    /** Receives the result of each finished epoch. */
    @FunctionalInterface
    public interface EpochListener {

        /** Called after epoch {@code epoch} (from 1) with its mean loss, last learning rate and wall seconds. */
        void epochFinished(int epoch, double meanLoss, double learningRate, double seconds);
    }
}
