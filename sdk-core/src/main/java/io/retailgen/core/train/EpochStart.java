package io.retailgen.core.train;

import java.time.Duration;

/**
 * Sent when an epoch starts.
 *
 * @param epoch the epoch, 1-based
 * @param totalEpochs the number of epochs planned
 * @param elapsed time since training started, at the start of this epoch
 */
public record EpochStart(int epoch, int totalEpochs, Duration elapsed) {

    /** Validates. */
    public EpochStart {
        ProgressFormat.requireEpoch(epoch, totalEpochs);
        ProgressFormat.requireDuration(elapsed, "elapsed");
    }
}
