package io.retailgen.core.train;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Receives training progress events. Every method has a no-op default, so a listener overrides only what it needs
 * and new events never break existing listeners. Events come from a {@link TrainingProgress} in this order:
 * {@code onTrainingStart}, then per epoch {@code onEpochStart}, {@code onStep}... and {@code onEpochEnd}, and last
 * {@code onTrainingEnd}.
 *
 * <pre>{@code
 * TrainingListener divergence = new TrainingListener() {
 *     @Override
 *     public void onStep(StepEvent step) {
 *         if (Double.isNaN(step.loss())) {
 *             alert("loss is NaN at step " + step.globalStep());
 *         }
 *     }
 * };
 * }</pre>
 *
 * <p>Methods are called on the training thread, one at a time; a listener must be quick (work that takes time
 * belongs on another thread). A listener used by several trainings at once must be thread-safe.
 */
public interface TrainingListener {

    /**
     * @param start the plan
     */
    default void onTrainingStart(TrainingStart start) {
    }

    /**
     * @param start which epoch starts
     */
    default void onEpochStart(EpochStart start) {
    }

    /**
     * @param step the step that just ran
     */
    default void onStep(StepEvent step) {
    }

    /**
     * @param end the epoch that just ended
     */
    default void onEpochEnd(EpochEvent end) {
    }

    /**
     * @param summary the whole run
     */
    default void onTrainingEnd(TrainingSummary summary) {
    }

    /** @return a listener that ignores every event */
    static TrainingListener noop() {
        return CompositeTrainingListener.NOOP;
    }

    /**
     * A listener that passes each event to every listener in order. A listener that throws a
     * {@link RuntimeException} does not stop training nor the listeners after it: its first failure is logged at
     * WARN with the stack trace, later ones at DEBUG.
     *
     * @param listeners the listeners, in the order they are called
     * @return the composite listener
     */
    static TrainingListener composite(TrainingListener... listeners) {
        Objects.requireNonNull(listeners, "listeners == null");
        return composite(Arrays.asList(listeners));
    }

    /**
     * @param listeners the listeners, in the order they are called (copied)
     * @return the composite listener, see {@link #composite(TrainingListener...)}
     */
    static TrainingListener composite(List<? extends TrainingListener> listeners) {
        return CompositeTrainingListener.of(listeners);
    }
}
