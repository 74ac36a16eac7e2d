package org.arr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, "Decoupled Weight Decay Regularization", ICLR 2019).
 * For update {@code t} with gradient {@code g}:
 * {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2},
 * {@code w = w (1 - lr lambda) - lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)}.
 * Weight decay {@code lambda} applies to parameters with at least two dimensions (matrices and embedding
 * tables), not to biases and LayerNorm parameters.
 *
 * <p>Written here rather than taken from DJL because its moment estimates must go into checkpoints, so a
 * resumed run continues exactly where it stopped.
 */
public final class AdamW {

    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final NDManager stateManager;
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();

    public AdamW(TrainerConfig config, NDManager stateManager) {
        this.beta1 = (float) config.beta1();
        this.beta2 = (float) config.beta2();
        this.epsilon = (float) config.adamEpsilon();
        this.weightDecay = (float) config.weightDecay();
        this.stateManager = stateManager;
    }

    /**
     * Applies update {@code step} (1-based) to every parameter from its gradient. Call with autograd off.
     */
    public void update(List<Parameter> parameters, float learningRate, long step) {
        ensureState(parameters);
        float correction1 = (float) (1 - Math.pow(beta1, step));
        float correction2 = (float) (1 - Math.pow(beta2, step));
        try (NDScope scope = new NDScope()) {
            for (int p = 0; p < parameters.size(); p++) {
                NDArray weight = parameters.get(p).getArray();
                NDArray gradient = weight.getGradient();
                NDArray m = firstMoments.get(p);
                NDArray v = secondMoments.get(p);

                m.muli(beta1).addi(gradient.mul(1 - beta1));
                v.muli(beta2).addi(gradient.square().muli(1 - beta2));
                NDArray denominator = v.div(correction2).sqrt().addi(epsilon);
                NDArray change = m.div(correction1).divi(denominator).muli(learningRate);

                if (weightDecay > 0 && weight.getShape().dimension() >= 2) {
                    weight.muli(1 - learningRate * weightDecay);
                }
                weight.subi(change);
            }
        }
    }

    private void ensureState(List<Parameter> parameters) {
        if (!firstMoments.isEmpty()) {
            return;
        }
        for (Parameter parameter : parameters) {
            NDArray weight = parameter.getArray();
            firstMoments.add(stateManager.zeros(weight.getShape(), weight.getDataType()));
            secondMoments.add(stateManager.zeros(weight.getShape(), weight.getDataType()));
        }
    }

    /** Returns the moment estimates, all first moments then all second moments (empty before the first update). */
    public NDList state() {
        NDList state = new NDList();
        state.addAll(firstMoments);
        state.addAll(secondMoments);
        return state;
    }

    /**
     * Replaces the moment estimates with ones from {@link #state}.
     *
     * @throws IllegalArgumentException if the number or shapes of the arrays do not match the parameters
     */
    public void load(NDList state, List<Parameter> parameters) {
        firstMoments.clear();
        secondMoments.clear();
        if (state.isEmpty()) {
            return;
        }
        if (state.size() != 2 * parameters.size()) {
            throw new IllegalArgumentException("Optimizer state contains " + state.size() + " arrays, expected "
                    + 2 * parameters.size());
        }
        for (int p = 0; p < parameters.size(); p++) {
            NDArray m = state.get(p);
            NDArray v = state.get(parameters.size() + p);
            if (!m.getShape().equals(parameters.get(p).getArray().getShape()) || !v.getShape().equals(m.getShape())) {
                throw new IllegalArgumentException("Optimizer state of parameter " + parameters.get(p).getName() + " has shape "
                        + m.getShape() + ", expected " + parameters.get(p).getArray().getShape());
            }
            m.attach(stateManager);
            v.attach(stateManager);
            firstMoments.add(m);
            secondMoments.add(v);
        }
    }
}
