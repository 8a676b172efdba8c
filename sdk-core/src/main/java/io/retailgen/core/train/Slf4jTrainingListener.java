package io.retailgen.core.train;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs training progress through SLF4J: one INFO line when training starts, per epoch and at the end, and one DEBUG
 * line per step.
 *
 * <pre>{@code
 * TrainingProgress progress = TrainingProgress.of(Slf4jTrainingListener.create());
 * // INFO  epoch 3/10: loss 0.4321, 12,345 ex/s, took 1m 02s, elapsed 3m 05s, ETA 7m 12s hr@20=0.6100
 * }</pre>
 *
 * <p>Thread-safe and stateless.
 */
public final class Slf4jTrainingListener implements TrainingListener {

    private final Logger log;

    private Slf4jTrainingListener(Logger log) {
        this.log = log;
    }

    /** @return a listener logging to the logger {@code io.retailgen.core.train.Slf4jTrainingListener} */
    public static Slf4jTrainingListener create() {
        return new Slf4jTrainingListener(LoggerFactory.getLogger(Slf4jTrainingListener.class));
    }

    /**
     * @param log the logger to write to
     * @return a listener logging there
     */
    public static Slf4jTrainingListener create(Logger log) {
        return new Slf4jTrainingListener(Objects.requireNonNull(log, "log == null"));
    }

    @Override
    public void onTrainingStart(TrainingStart start) {
        log.info("training started: {} epochs x {} steps", start.totalEpochs(), start.stepsPerEpoch());
    }

    @Override
    public void onStep(StepEvent s) {
        if (log.isDebugEnabled()) {
            log.debug("epoch {}/{} step {}/{}: loss {}, {} ex/s, ETA {}", s.epoch(), s.totalEpochs(), s.step(),
                    s.stepsPerEpoch(), ProgressFormat.loss(s.loss()), ProgressFormat.rate(s.examplesPerSecond()),
                    ProgressFormat.duration(s.eta()));
        }
    }

    @Override
    public void onEpochEnd(EpochEvent e) {
        if (log.isInfoEnabled()) {
            log.info("epoch {}/{}: loss {}, {} ex/s, took {}, elapsed {}, ETA {}{}", e.epoch(), e.totalEpochs(),
                    ProgressFormat.loss(e.loss()), ProgressFormat.rate(e.examplesPerSecond()),
                    ProgressFormat.duration(e.epochTime()), ProgressFormat.duration(e.elapsed()),
                    ProgressFormat.duration(e.eta()), ProgressFormat.metrics(e.metrics()));
        }
    }

    @Override
    public void onTrainingEnd(TrainingSummary s) {
        if (log.isInfoEnabled()) {
            log.info("training {}: {}/{} epochs, {} steps, {} examples in {} ({} ex/s), loss {}{}",
                    s.stoppedEarly() ? "stopped early" : "finished", s.epochs(), s.totalEpochs(), s.steps(),
                    s.examples(), ProgressFormat.duration(s.elapsed()), ProgressFormat.rate(s.examplesPerSecond()),
                    ProgressFormat.loss(s.loss()), ProgressFormat.metrics(s.metrics()));
        }
    }
}
