package io.retailgen.core.train;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Tracks the progress of one training run: the training loop reports steps and epochs, this computes elapsed time,
 * throughput and the estimated time left, and sends events to the {@link TrainingListener}s.
 *
 * <pre>{@code
 * TrainingProgress progress = TrainingProgress.builder()
 *         .listener(Slf4jTrainingListener.create())
 *         .listener(ConsoleProgressBar.create())
 *         .build();
 * progress.start(epochs, batchesPerEpoch);
 * for (int e = 0; e < epochs; e++) {
 *     for (Batch batch : batches) {
 *         progress.step(trainOn(batch), batch.size());
 *     }
 *     progress.endEpoch(Map.of("hr@20", evaluate()));
 * }
 * TrainingSummary summary = progress.end();
 * }</pre>
 *
 * <p>An epoch starts when training starts or the previous epoch ends; its {@code onEpochStart} event is sent with
 * its first step (or its end, when it has no steps). The ETA assumes the remaining steps go at the average pace so
 * far. One instance tracks one run: {@code start} once, then {@code step}/{@code endEpoch}, then {@code end} once.
 * Methods are synchronized, so the progress may be reported from worker threads; listeners are called while the
 * lock is held.
 */
public final class TrainingProgress {

    private final TrainingListener listener;
    private final LongSupplier nanoTime;

    private boolean started;
    private boolean ended;
    private int totalEpochs;
    private int stepsPerEpoch;
    private long startNanos;

    private int epochsEnded;
    private boolean epochAnnounced;
    private long epochStartNanos;
    private int epochSteps;
    private long epochExamples;
    private double epochLossSum;

    private long globalSteps;
    private long totalExamples;
    private double lastStepLoss = Double.NaN;
    private double lastEpochLoss = Double.NaN;
    private Map<String, Double> lastMetrics = Map.of();

    private TrainingProgress(TrainingListener listener, LongSupplier nanoTime) {
        this.listener = listener;
        this.nanoTime = nanoTime;
    }

    /**
     * @param listeners the listeners to notify
     * @return a progress tracker on the system clock
     */
    public static TrainingProgress of(TrainingListener... listeners) {
        Builder b = builder();
        for (TrainingListener l : Objects.requireNonNull(listeners, "listeners == null")) {
            b.listener(l);
        }
        return b.build();
    }

    /** @return a builder with no listeners and {@link System#nanoTime()} as the clock */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the run and sends {@link TrainingListener#onTrainingStart}.
     *
     * @param totalEpochs the number of epochs planned, {@code >= 1}
     * @param stepsPerEpoch the number of steps planned per epoch, {@code >= 1}
     * @throws IllegalStateException when already started
     */
    public synchronized void start(int totalEpochs, int stepsPerEpoch) {
        TrainingStart event = new TrainingStart(totalEpochs, stepsPerEpoch);
        if (started) {
            throw new IllegalStateException("training progress already started; use one TrainingProgress per run");
        }
        started = true;
        this.totalEpochs = totalEpochs;
        this.stepsPerEpoch = stepsPerEpoch;
        startNanos = nanoTime.getAsLong();
        epochStartNanos = startNanos;
        listener.onTrainingStart(event);
    }

    /**
     * Records one step and sends {@link TrainingListener#onStep} (after {@code onEpochStart} for the first step of
     * an epoch).
     *
     * @param loss the step's loss (NaN is passed on, it is what a diverging run reports)
     * @param examples the number of examples in the step, {@code >= 0}
     * @return the event that was sent
     * @throws IllegalStateException when not started, after {@link #end()}, or when every planned epoch ended
     */
    public synchronized StepEvent step(double loss, long examples) {
        ProgressFormat.requireCount(examples, "examples");
        requireRunning("step");
        long now = nanoTime.getAsLong();
        announceEpoch();
        epochSteps++;
        globalSteps++;
        epochExamples += examples;
        totalExamples += examples;
        epochLossSum += loss;
        lastStepLoss = loss;
        long elapsed = since(startNanos, now);
        double done = (epochsEnded + Math.min(1.0, epochSteps / (double) stepsPerEpoch)) / totalEpochs;
        StepEvent event = new StepEvent(epochsEnded + 1, totalEpochs, epochSteps, stepsPerEpoch, globalSteps,
                (long) totalEpochs * stepsPerEpoch, loss, examples, rate(epochExamples, since(epochStartNanos, now)),
                Duration.ofNanos(elapsed), eta(elapsed, done));
        listener.onStep(event);
        return event;
    }

    /**
     * Ends the current epoch and sends {@link TrainingListener#onEpochEnd}.
     *
     * @param metrics evaluation metrics for the epoch (copied; may be empty)
     * @return the event that was sent
     * @throws IllegalStateException when not started, after {@link #end()}, or when every planned epoch ended
     */
    public synchronized EpochEvent endEpoch(Map<String, Double> metrics) {
        Objects.requireNonNull(metrics, "metrics == null (use Map.of())");
        requireRunning("endEpoch");
        long now = nanoTime.getAsLong();
        announceEpoch();
        epochsEnded++;
        long elapsed = since(startNanos, now);
        long epochNanos = since(epochStartNanos, now);
        double meanLoss = epochSteps == 0 ? Double.NaN : epochLossSum / epochSteps;
        EpochEvent event = new EpochEvent(epochsEnded, totalEpochs, epochSteps, epochExamples, meanLoss,
                rate(epochExamples, epochNanos), Duration.ofNanos(epochNanos), Duration.ofNanos(elapsed),
                eta(elapsed, epochsEnded / (double) totalEpochs), metrics);
        lastEpochLoss = meanLoss;
        lastMetrics = event.metrics();
        epochAnnounced = false;
        epochStartNanos = now;
        epochSteps = 0;
        epochExamples = 0;
        epochLossSum = 0;
        listener.onEpochEnd(event);
        return event;
    }

    /**
     * Ends the current epoch without metrics.
     *
     * @return the event that was sent
     */
    public EpochEvent endEpoch() {
        return endEpoch(Map.of());
    }

    /**
     * Ends the run (after all epochs, or early) and sends {@link TrainingListener#onTrainingEnd}. Steps of an epoch
     * that was not ended count in the summary's steps and examples but not in its epochs.
     *
     * @return the summary that was sent
     * @throws IllegalStateException when not started or already ended
     */
    public synchronized TrainingSummary end() {
        if (!started) {
            throw new IllegalStateException("end() called before start(totalEpochs, stepsPerEpoch)");
        }
        if (ended) {
            throw new IllegalStateException("end() already called");
        }
        ended = true;
        long elapsed = since(startNanos, nanoTime.getAsLong());
        double loss = epochsEnded > 0 ? lastEpochLoss : lastStepLoss;
        TrainingSummary summary = new TrainingSummary(epochsEnded, totalEpochs, globalSteps, totalExamples, loss,
                rate(totalExamples, elapsed), Duration.ofNanos(elapsed), lastMetrics);
        listener.onTrainingEnd(summary);
        return summary;
    }

    /** @return the number of epochs that ended so far */
    public synchronized int epochsEnded() {
        return epochsEnded;
    }

    private void requireRunning(String method) {
        if (!started) {
            throw new IllegalStateException(method + "() called before start(totalEpochs, stepsPerEpoch)");
        }
        if (ended) {
            throw new IllegalStateException(method + "() called after end()");
        }
        if (epochsEnded == totalEpochs) {
            throw new IllegalStateException(method + "() called after all " + totalEpochs
                    + " planned epochs ended; start with more epochs, or call end()");
        }
    }

    private void announceEpoch() {
        if (!epochAnnounced) {
            epochAnnounced = true;
            listener.onEpochStart(new EpochStart(epochsEnded + 1, totalEpochs,
                    Duration.ofNanos(since(startNanos, epochStartNanos))));
        }
    }

    private static long since(long from, long now) {
        return Math.max(0, now - from);
    }

    private static double rate(long examples, long nanos) {
        return nanos <= 0 ? 0.0 : examples * 1e9 / nanos;
    }

    private static Duration eta(long elapsedNanos, double fractionDone) {
        if (fractionDone >= 1.0 || fractionDone <= 0) {
            return Duration.ZERO;
        }
        double left = elapsedNanos * (1 - fractionDone) / fractionDone;
        return Duration.ofNanos(left >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(left));
    }

    /** Builds a {@link TrainingProgress}. Not thread-safe. */
    public static final class Builder {
        private final List<TrainingListener> listeners = new ArrayList<>();
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {
        }

        /**
         * @param listener a listener to notify, after those added before it
         * @return this builder
         */
        public Builder listener(TrainingListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener == null"));
            return this;
        }

        /**
         * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime} by default; tests pass a fake)
         * @return this builder
         */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime == null");
            return this;
        }

        /** @return the tracker; with no listeners it only computes the events */
        public TrainingProgress build() {
            TrainingListener l = listeners.isEmpty() ? TrainingListener.noop()
                    : listeners.size() == 1 ? TrainingListener.composite(listeners.get(0))
                    : TrainingListener.composite(listeners);
            return new TrainingProgress(l, nanoTime);
        }
    }
}
