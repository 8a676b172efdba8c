package io.retailgen.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    /** Records every event in order. */
    static final class Recorder implements TrainingListener {
        final List<Object> events = new ArrayList<>();

        @Override
        public void onTrainingStart(TrainingStart start) {
            events.add(start);
        }

        @Override
        public void onEpochStart(EpochStart start) {
            events.add(start);
        }

        @Override
        public void onStep(StepEvent step) {
            events.add(step);
        }

        @Override
        public void onEpochEnd(EpochEvent end) {
            events.add(end);
        }

        @Override
        public void onTrainingEnd(TrainingSummary summary) {
            events.add(summary);
        }
    }

    private TrainingProgress progress(TrainingListener... listeners) {
        TrainingProgress.Builder b = TrainingProgress.builder().nanoTime(clock::get);
        for (TrainingListener l : listeners) {
            b.listener(l);
        }
        return b.build();
    }

    @Test
    void computesThroughputAndEtaFromTheClock() {
        Recorder r = new Recorder();
        TrainingProgress p = progress(r);
        p.start(2, 4);
        advance(Duration.ofSeconds(1));
        StepEvent first = p.step(2.0, 100);
        assertThat(first.epoch()).isEqualTo(1);
        assertThat(first.step()).isEqualTo(1);
        assertThat(first.globalStep()).isEqualTo(1);
        assertThat(first.totalSteps()).isEqualTo(8);
        assertThat(first.examplesPerSecond()).isCloseTo(100.0, within(1e-9));
        assertThat(first.elapsed()).isEqualTo(Duration.ofSeconds(1));
        // 1 of 8 steps took 1 s, so 7 s remain
        assertThat(first.eta()).isEqualTo(Duration.ofSeconds(7));
        for (int i = 0; i < 3; i++) {
            advance(Duration.ofSeconds(1));
            p.step(1.0, 100);
        }
        advance(Duration.ofSeconds(2)); // evaluation time counts in the epoch
        EpochEvent e1 = p.endEpoch(Map.of("hr@20", 0.5));
        assertThat(e1.epoch()).isEqualTo(1);
        assertThat(e1.steps()).isEqualTo(4);
        assertThat(e1.examples()).isEqualTo(400);
        assertThat(e1.loss()).isCloseTo(1.25, within(1e-12));
        assertThat(e1.epochTime()).isEqualTo(Duration.ofSeconds(6));
        assertThat(e1.examplesPerSecond()).isCloseTo(400 / 6.0, within(1e-9));
        assertThat(e1.eta()).isEqualTo(Duration.ofSeconds(6));
        assertThat(e1.metrics()).containsEntry("hr@20", 0.5);

        advance(Duration.ofSeconds(3));
        StepEvent s = p.step(0.5, 60);
        assertThat(s.epoch()).isEqualTo(2);
        assertThat(s.step()).isEqualTo(1);
        assertThat(s.globalStep()).isEqualTo(5);
        assertThat(s.examplesPerSecond()).isCloseTo(20.0, within(1e-9));
        // 5/8 done in 9 s -> 9 * 3/5 = 5.4 s left
        assertThat(s.eta()).isEqualTo(Duration.ofMillis(5400));
        EpochEvent e2 = p.endEpoch();
        assertThat(e2.eta()).isEqualTo(Duration.ZERO);
        TrainingSummary summary = p.end();
        assertThat(summary.epochs()).isEqualTo(2);
        assertThat(summary.steps()).isEqualTo(5);
        assertThat(summary.examples()).isEqualTo(460);
        assertThat(summary.loss()).isEqualTo(0.5);
        assertThat(summary.elapsed()).isEqualTo(Duration.ofSeconds(9));
        assertThat(summary.examplesPerSecond()).isCloseTo(460 / 9.0, within(1e-9));
        assertThat(summary.stoppedEarly()).isFalse();
        assertThat(summary.metrics()).isEmpty();

        assertThat(r.events).extracting(o -> o.getClass().getSimpleName()).containsExactly(
                "TrainingStart", "EpochStart", "StepEvent", "StepEvent", "StepEvent", "StepEvent", "EpochEvent",
                "EpochStart", "StepEvent", "EpochEvent", "TrainingSummary");
        EpochStart secondStart = (EpochStart) r.events.get(7);
        assertThat(secondStart.epoch()).isEqualTo(2);
        assertThat(secondStart.elapsed()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void earlyStopCountsOnlyEndedEpochs() {
        TrainingProgress p = progress();
        p.start(10, 2);
        advance(Duration.ofSeconds(1));
        p.step(3.0, 10);
        p.endEpoch(Map.of("ndcg", 0.25));
        p.step(4.0, 10);
        TrainingSummary s = p.end();
        assertThat(s.epochs()).isEqualTo(1);
        assertThat(s.steps()).isEqualTo(2);
        assertThat(s.stoppedEarly()).isTrue();
        assertThat(s.loss()).isEqualTo(3.0);
        assertThat(s.metrics()).containsEntry("ndcg", 0.25);
    }

    @Test
    void noTimePassedGivesZeroRateNotInfinity() {
        TrainingProgress p = progress();
        p.start(1, 1);
        StepEvent s = p.step(Double.NaN, 5);
        assertThat(s.examplesPerSecond()).isZero();
        assertThat(s.loss()).isNaN();
        assertThat(p.endEpoch().loss()).isNaN();
    }

    @Test
    void misuseIsRejected() {
        TrainingProgress p = progress();
        assertThatThrownBy(() -> p.step(1, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before start");
        assertThatThrownBy(() -> p.start(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("totalEpochs must be >= 1, was 0");
        p.start(1, 1);
        assertThatThrownBy(() -> p.start(1, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.step(1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("examples");
        p.endEpoch();
        assertThatThrownBy(() -> p.step(1, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("all 1 planned epochs");
        p.end();
        assertThatThrownBy(p::end).isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
    }

    @Test
    void moreStepsThanPlannedKeepEtaSane() {
        TrainingProgress p = progress();
        p.start(2, 2);
        StepEvent last = null;
        for (int i = 0; i < 5; i++) {
            advance(Duration.ofSeconds(1));
            last = p.step(1, 1);
        }
        assertThat(last.step()).isEqualTo(5);
        assertThat(last.epochFraction()).isEqualTo(1.0);
        // the first epoch counts as done: half of the run in 5 s
        assertThat(last.eta()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aFailingListenerDoesNotStopTrainingOrOtherListeners() {
        Recorder r = new Recorder();
        TrainingListener failing = new TrainingListener() {
            @Override
            public void onStep(StepEvent step) {
                throw new IllegalStateException("listener bug");
            }
        };
        TrainingProgress p = progress(failing, r);
        p.start(1, 2);
        p.step(1, 1);
        p.step(1, 1);
        p.endEpoch();
        p.end();
        assertThat(r.events).hasSize(6);
    }

    @Test
    void eventsValidateTheirValues() {
        assertThatThrownBy(() -> new EpochStart(3, 2, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..2, was 3");
        assertThatThrownBy(() -> new EpochStart(1, 2, Duration.ofSeconds(-1)))
                .hasMessageContaining("elapsed must not be negative");
        assertThatThrownBy(() -> new StepEvent(1, 1, 1, 1, 1, 1, 0, 1, Double.POSITIVE_INFINITY, Duration.ZERO,
                Duration.ZERO)).hasMessageContaining("examplesPerSecond");
        assertThatThrownBy(() -> new TrainingSummary(3, 2, 0, 0, 0, 0, Duration.ZERO, Map.of()))
                .hasMessageContaining("0..2");
        assertThat(new TrainingStart(3, 7).totalSteps()).isEqualTo(21);
    }

    @Test
    void metricsAreCopiedAndSorted() {
        Map<String, Double> m = new java.util.HashMap<>(Map.of("b", 2.0, "a", 1.0, "c", 3.0));
        EpochEvent e = new EpochEvent(1, 1, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, m);
        m.put("d", 4.0);
        assertThat(e.metrics().keySet()).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> e.metrics().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
