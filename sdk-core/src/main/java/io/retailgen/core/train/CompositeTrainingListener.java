package io.retailgen.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans events out to several listeners and keeps a failing listener from stopping training. */
final class CompositeTrainingListener implements TrainingListener {

    static final TrainingListener NOOP = new TrainingListener() {
        @Override
        public String toString() {
            return "TrainingListener.noop()";
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(CompositeTrainingListener.class);

    private final List<TrainingListener> listeners;
    private final Set<TrainingListener> warned = ConcurrentHashMap.newKeySet();

    private CompositeTrainingListener(List<TrainingListener> listeners) {
        this.listeners = listeners;
    }

    static TrainingListener of(List<? extends TrainingListener> listeners) {
        Objects.requireNonNull(listeners, "listeners == null");
        List<TrainingListener> copy = new ArrayList<>(listeners.size());
        for (int i = 0; i < listeners.size(); i++) {
            copy.add(Objects.requireNonNull(listeners.get(i), "listener #" + i + " is null"));
        }
        return new CompositeTrainingListener(List.copyOf(copy));
    }

    List<TrainingListener> listeners() {
        return listeners;
    }

    @Override
    public void onTrainingStart(TrainingStart start) {
        each("onTrainingStart", l -> l.onTrainingStart(start));
    }

    @Override
    public void onEpochStart(EpochStart start) {
        each("onEpochStart", l -> l.onEpochStart(start));
    }

    @Override
    public void onStep(StepEvent step) {
        each("onStep", l -> l.onStep(step));
    }

    @Override
    public void onEpochEnd(EpochEvent end) {
        each("onEpochEnd", l -> l.onEpochEnd(end));
    }

    @Override
    public void onTrainingEnd(TrainingSummary summary) {
        each("onTrainingEnd", l -> l.onTrainingEnd(summary));
    }

    private void each(String method, Consumer<TrainingListener> call) {
        for (TrainingListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                if (warned.add(l)) {
                    LOG.warn("training listener {} failed in {}; training goes on (later failures of this "
                            + "listener are logged at DEBUG)", l.getClass().getName(), method, e);
                } else {
                    LOG.debug("training listener {} failed in {}", l.getClass().getName(), method, e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "TrainingListener.composite" + listeners;
    }
}
