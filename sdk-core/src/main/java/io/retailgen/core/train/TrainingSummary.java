package io.retailgen.core.train;

import java.time.Duration;
import java.util.Map;

/**
 * Sent once when training ends, whether all planned epochs ran or training stopped early.
 *
 * @param epochs the number of epochs that ended
 * @param totalEpochs the number of epochs planned
 * @param steps the number of steps run
 * @param examples the number of examples seen
 * @param loss the mean loss of the last epoch that ended, else of the last step; NaN when nothing ran
 * @param examplesPerSecond overall throughput; 0 when no time has passed
 * @param elapsed the total training time
 * @param metrics the metrics of the last epoch that ended (an unmodifiable copy, sorted by name)
 */
public record TrainingSummary(
        int epochs,
        int totalEpochs,
        long steps,
        long examples,
        double loss,
        double examplesPerSecond,
        Duration elapsed,
        Map<String, Double> metrics) {

    /** Validates and copies. */
    public TrainingSummary {
        if (totalEpochs < 1 || epochs < 0 || epochs > totalEpochs) {
            throw new IllegalArgumentException("epochs must be in 0.." + totalEpochs + " (totalEpochs >= 1), was "
                    + epochs);
        }
        ProgressFormat.requireCount(steps, "steps");
        ProgressFormat.requireCount(examples, "examples");
        ProgressFormat.requireRate(examplesPerSecond);
        ProgressFormat.requireDuration(elapsed, "elapsed");
        metrics = ProgressFormat.copyMetrics(metrics);
    }

    /** @return true when fewer epochs ended than were planned */
    public boolean stoppedEarly() {
        return epochs < totalEpochs;
    }
}
