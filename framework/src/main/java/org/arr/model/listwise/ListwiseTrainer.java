package org.arr.model.listwise;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a model on listwise examples: per epoch a seeded shuffle of the queries, then per batch the loss, backward,
 * global gradient-norm clipping and a DJL AdamW step with a constant learning rate.
 *
 * <p>TODO: use the ARR trainer's optimizer, learning-rate schedule, checkpoints and early stopping once they accept
 * models other than {@code ArrModel}; this loop has none of the last three.
 */
public final class ListwiseTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ListwiseTrainer.class);

    private final TrainingOptions options;

    public ListwiseTrainer(TrainingOptions options) {
        this.options = options;
    }

    /**
     * Trains the parameters in place.
     *
     * @param parameters the model's parameters
     * @param modelManager the manager that owns them; each batch runs in a sub-manager of it
     * @return the mean loss of each epoch
     * @throws IllegalArgumentException if there are no examples
     * @throws IllegalStateException if the loss becomes NaN or infinite
     */
    public List<Double> train(List<Parameter> parameters, NDManager modelManager, BatchLoss loss, List<ListwiseExample> examples) {
        return train(parameters, modelManager, loss, examples, null);
    }

    /**
     * Trains the parameters in place, reporting every finished epoch.
     *
     * @param epochListener receives each epoch's number (from 1), mean loss and wall seconds, or null
     * @return the mean loss of each epoch
     * @throws IllegalArgumentException if there are no examples
     * @throws IllegalStateException if the loss or the gradient norm becomes NaN or infinite
     */
    public List<Double> train(List<Parameter> parameters, NDManager modelManager, BatchLoss loss, List<ListwiseExample> examples,
            EpochListener epochListener) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("No training queries: the training split has no query with a relevant document");
        }
        Random random = new Random(options.seed());
        Engine.getInstance().setRandomSeed(ArrModel.foldSeed(options.seed()));
        Optimizer optimizer = Optimizer.adamW()
                .optLearningRateTracker(Tracker.fixed((float) options.learningRate()))
                .optWeightDecays((float) options.weightDecay())
                .build();
        for (Parameter parameter : parameters) {
            parameter.getArray().setRequiresGradient(true);
        }

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        int batches = (examples.size() + options.batchSize() - 1) / options.batchSize();
        LOG.info("Training started: {} queries, {} batches per epoch, {} epochs, seed {}", examples.size(), batches,
                options.epochs(), options.seed());
        List<Double> epochLosses = new ArrayList<>();
        try (ProgressBar bar = options.progressBar() ? new ProgressBarBuilder().setTaskName("train")
                .setInitialMax((long) batches * options.epochs()).setStyle(ProgressBarStyle.ASCII).build() : null) {
            for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                Collections.shuffle(order, random);
                double total = 0;
                for (int b = 0; b < batches; b++) {
                    List<ListwiseExample> batch = new ArrayList<>(options.batchSize());
                    for (int i = b * options.batchSize(); i < Math.min(examples.size(), (b + 1) * options.batchSize()); i++) {
                        batch.add(examples.get(order.get(i)));
                    }
                    total += step(parameters, modelManager, loss, batch, random, optimizer, epoch) * batch.size();
                    if (bar != null) {
                        bar.step();
                    }
                }
                double mean = total / examples.size();
                epochLosses.add(mean);
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                LOG.info("Epoch {}/{}: loss {}, {} s", epoch, options.epochs(), String.format("%.5f", mean),
                        String.format("%.1f", seconds));
                if (epochListener != null) {
                    epochListener.epochFinished(epoch, mean, seconds);
                }
            }
        }
        return epochLosses;
    }

    private double step(List<Parameter> parameters, NDManager modelManager, BatchLoss loss, List<ListwiseExample> batch,
            Random random, Optimizer optimizer, int epoch) {
        try (NDManager scope = modelManager.newSubManager()) {
            float value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray lossValue = loss.loss(scope, batch, random);
                value = lossValue.getFloat();
                if (!Float.isFinite(value)) {
                    LOG.error("Loss is {} in epoch {}; stopping", value, epoch);
                    throw new IllegalStateException("Training loss became " + value + " in epoch " + epoch
                            + "; lower train.learningRate or raise model.encoder.temperature");
                }
                collector.backward(lossValue);
            }
            Autograd.disable();
            clip(parameters);

            // DJL's optimizer keeps its moment estimates on the weights' manager, so an NDScope here would free them.
            // Each gradient handle is closed instead, which leaves the gradient tensor itself in place.
            for (Parameter parameter : parameters) {
                NDArray weight = parameter.getArray();
                NDArray gradient = weight.getGradient();
                optimizer.update(parameter.getId(), weight, gradient);
                gradient.subi(gradient);
                gradient.close();
            }
            return value;
        }
    }

    /** Receives the result of each finished epoch. */
    @FunctionalInterface
    public interface EpochListener {

        /** Called after epoch {@code epoch} (from 1) with its mean loss and wall seconds. */
        void epochFinished(int epoch, double meanLoss, double seconds);
    }

    /** Scales every gradient by {@code min(1, maxNorm / ||g||)}, where {@code ||g||} is the L2 norm over all of them. */
    private void clip(List<Parameter> parameters) {
        try (NDScope scope = new NDScope()) {
            double squares = 0;
            for (Parameter parameter : parameters) {
                NDArray gradient = parameter.getArray().getGradient();
                squares += gradient.square().sum().getFloat();
            }
            double norm = Math.sqrt(squares);
            if (!Double.isFinite(norm)) {
                throw new IllegalStateException("Gradient norm became " + norm + "; lower train.learningRate");
            }
            if (norm > options.clipGradientNorm()) {
                float factor = (float) (options.clipGradientNorm() / norm);
                for (Parameter parameter : parameters) {
                    parameter.getArray().getGradient().muli(factor);
                }
            }
        }
    }
}
