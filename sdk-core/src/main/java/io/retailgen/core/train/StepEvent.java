package io.retailgen.core.train;

import java.time.Duration;

/**
 * Sent after each training step (one batch).
 *
 * @param epoch the epoch, 1-based
 * @param totalEpochs the number of epochs planned
 * @param step the step within the epoch, 1-based (may exceed {@code stepsPerEpoch} when the plan was too low)
 * @param stepsPerEpoch the number of steps planned per epoch
 * @param globalStep the number of steps since training started, including this one
 * @param totalSteps the number of steps planned in all epochs
 * @param loss the loss of this step; NaN or infinite when training diverged
 * @param examples the number of examples in this step
 * @param examplesPerSecond throughput of the current epoch so far; 0 when no time has passed
 * @param elapsed time since training started
 * @param eta estimated time until the last epoch ends, from the average pace so far
 */
public record StepEvent(
        int epoch,
        int totalEpochs,
        int step,
        int stepsPerEpoch,
        long globalStep,
        long totalSteps,
        double loss,
        long examples,
        double examplesPerSecond,
        Duration elapsed,
        Duration eta) {

    /** Validates. */
    public StepEvent {
        ProgressFormat.requireEpoch(epoch, totalEpochs);
        if (step < 1 || stepsPerEpoch < 1 || globalStep < step || totalSteps < 1) {
            throw new IllegalArgumentException("bad step counts: step " + step + "/" + stepsPerEpoch
                    + ", global " + globalStep + "/" + totalSteps + " (all must be >= 1, global >= step)");
        }
        ProgressFormat.requireCount(examples, "examples");
        ProgressFormat.requireRate(examplesPerSecond);
        ProgressFormat.requireDuration(elapsed, "elapsed");
        ProgressFormat.requireDuration(eta, "eta");
    }

    /** @return the fraction of the current epoch done, in [0, 1] */
    public double epochFraction() {
        return Math.min(1.0, step / (double) stepsPerEpoch);
    }
}
