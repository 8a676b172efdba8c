package io.retailgen.core.train;

/**
 * Sent once when training starts.
 *
 * @param totalEpochs the number of epochs planned, {@code >= 1}
 * @param stepsPerEpoch the number of steps (batches) planned per epoch, {@code >= 1}
 */
public record TrainingStart(int totalEpochs, int stepsPerEpoch) {

    /** Validates the counts. */
    public TrainingStart {
        if (totalEpochs < 1) {
            throw new IllegalArgumentException("totalEpochs must be >= 1, was " + totalEpochs);
        }
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("stepsPerEpoch must be >= 1, was " + stepsPerEpoch);
        }
    }

    /** @return the number of steps planned in all epochs */
    public long totalSteps() {
        return (long) totalEpochs * stepsPerEpoch;
    }
}
