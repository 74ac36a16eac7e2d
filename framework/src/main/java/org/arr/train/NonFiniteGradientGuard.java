package org.arr.train;

/**
 * Decides whether an optimizer update may use the current gradients. An update whose global gradient norm is not
 * finite, although its loss was, is skipped (as mixed-precision loss scaling skips overflowing steps); more than
 * {@link #MAX_CONSECUTIVE_SKIPPED_STEPS} such updates in a row mean training has diverged.
 *
 * <p>NOTE: isolated non-finite gradient norms after a finite loss were seen on busy 2-core CPU machines and did
 * not recur on rerun; their cause is not known.
 */
public final class NonFiniteGradientGuard {

    /** Non-finite gradient norms in a row that are skipped before training must stop. */
    public static final int MAX_CONSECUTIVE_SKIPPED_STEPS = 3;

    private int consecutiveSkipped;
    private long skipped;

    /** Returns whether the update with this gradient norm may be applied; counts it as skipped when not. */
    public boolean accept(double gradientNorm) {
        if (Double.isFinite(gradientNorm)) {
            consecutiveSkipped = 0;
            return true;
        }
        consecutiveSkipped++;
        skipped++;
        return false;
    }

    /** Returns whether more than {@link #MAX_CONSECUTIVE_SKIPPED_STEPS} updates in a row were skipped. */
    public boolean diverged() {
        return consecutiveSkipped > MAX_CONSECUTIVE_SKIPPED_STEPS;
    }

    /** Returns the number of updates skipped so far. */
    public long skipped() {
        return skipped;
    }
}
