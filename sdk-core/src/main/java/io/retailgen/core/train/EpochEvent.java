package io.retailgen.core.train;

import java.time.Duration;
import java.util.Map;

/**
 * Sent when an epoch ends.
 *
 * @param epoch the epoch, 1-based
 * @param totalEpochs the number of epochs planned
 * @param steps the number of steps run in this epoch
 * @param examples the number of examples seen in this epoch
 * @param loss the mean step loss of this epoch; NaN when there were no steps or a step loss was NaN
 * @param examplesPerSecond throughput of this epoch; 0 when no time has passed
 * @param epochTime how long this epoch took
 * @param elapsed time since training started
 * @param eta estimated time until the last epoch ends; zero after the last epoch
 * @param metrics evaluation metrics reported for this epoch, sorted by name (an unmodifiable copy)
 */
public record EpochEvent(
        int epoch,
        int totalEpochs,
        int steps,
        long examples,
        double loss,
        double examplesPerSecond,
        Duration epochTime,
        Duration elapsed,
        Duration eta,
        Map<String, Double> metrics) {

    /** Validates and copies. */
    public EpochEvent {
        ProgressFormat.requireEpoch(epoch, totalEpochs);
        ProgressFormat.requireCount(steps, "steps");
        ProgressFormat.requireCount(examples, "examples");
        ProgressFormat.requireRate(examplesPerSecond);
        ProgressFormat.requireDuration(epochTime, "epochTime");
        ProgressFormat.requireDuration(elapsed, "elapsed");
        ProgressFormat.requireDuration(eta, "eta");
        metrics = ProgressFormat.copyMetrics(metrics);
    }
}
