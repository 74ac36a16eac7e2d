package org.arr.loss;

import java.util.Arrays;

/**
 * One teacher-forced docID with its weight {@code w} and per-position targets: contributes
 * {@code w * sum_i CE(y_i, p(. | q, t_<i))} to the loss of its group.
 *
 * @param docId the docID tokens fed to the model (teacher forcing); position {@code i} is scored at prefix
 *     {@code docId[0 .. i)}
 * @param weight {@code w >= 0}
 * @param targets one target distribution per docID position
 */
public record TrainingSequence(int[] docId, double weight, TokenTargets targets) {

    /** @throws IllegalArgumentException if the weight is negative or not finite, or targets and docID differ in length */
    public TrainingSequence {
        if (docId.length == 0) {
            throw new IllegalArgumentException("A training sequence needs a non-empty docID");
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("Sequence weight " + weight + " is not a finite value >= 0");
        }
        if (targets.positions() != docId.length) {
            throw new IllegalArgumentException("DocID " + Arrays.toString(docId) + " has " + docId.length
                    + " positions but targets for " + targets.positions());
        }
        docId = docId.clone();
    }

    @Override
    public int[] docId() {
        return docId.clone();
    }

    public int length() {
        return docId.length;
    }

    int token(int position) {
        return docId[position];
    }
}
