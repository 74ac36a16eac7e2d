package org.arr.model;

/**
 * Validation shared by the model configs. Every message names the field with its {@code model.} config key prefix,
 * the rejected value and the allowed range.
 */
public final class ModelConfigChecks {

    private ModelConfigChecks() {
    }

    /**
     * Checks that an integer field is at least {@code minimum}.
     *
     * @param field the field name after {@code model.}
     * @throws IllegalArgumentException if {@code value < minimum}
     */
    public static void requireAtLeast(String field, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException("model." + field + " = " + value + " is invalid; expected an integer >= " + minimum);
        }
    }

    /**
     * Checks the transformer fields in this order: {@code layers}, {@code dModel}, {@code heads} and {@code mlpRatio}
     * are at least 1, {@code dModel} is a multiple of {@code heads}, and {@code dropout} is in {@code [0, 1)}.
     *
     * @throws IllegalArgumentException naming the first invalid field, its value and the allowed range
     */
    public static void requireTransformerShape(int layers, int dModel, int heads, int mlpRatio, double dropout) {
        requireAtLeast("layers", layers, 1);
        requireAtLeast("dModel", dModel, 1);
        requireAtLeast("heads", heads, 1);
        requireAtLeast("mlpRatio", mlpRatio, 1);
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("model.dModel = " + dModel + " must be a multiple of model.heads = " + heads
                    + "; choose dModel = " + (dModel / heads + 1) * heads + " or a number of heads that divides " + dModel);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("model.dropout = " + dropout + " is outside the allowed range [0, 1)");
        }
    }
}
