package io.retailgen.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

class Slf4jTrainingListenerTest {

    /** A logger that keeps "LEVEL message" lines. */
    static final class ListLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        final transient List<String> lines = new ArrayList<>();
        final boolean debug;

        ListLogger(boolean debug) {
            this.name = "test";
            this.debug = debug;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                                                   Throwable t) {
            lines.add(level + " " + MessageFormatter.basicArrayFormat(pattern, args));
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return debug;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }

    private static void train(ListLogger log) {
        AtomicLong clock = new AtomicLong();
        TrainingProgress p = TrainingProgress.builder().nanoTime(clock::get)
                .listener(Slf4jTrainingListener.create(log)).build();
        p.start(2, 2);
        for (int e = 0; e < 2; e++) {
            for (int s = 0; s < 2; s++) {
                clock.addAndGet(Duration.ofSeconds(30).toNanos());
                p.step(0.75, 300);
            }
            p.endEpoch(Map.of("mrr", 0.125));
        }
        p.end();
    }

    @Test
    void logsLifecycleAtInfoAndStepsAtDebug() {
        ListLogger log = new ListLogger(true);
        train(log);
        assertThat(log.lines).hasSize(8);
        assertThat(log.lines.get(0)).isEqualTo("INFO training started: 2 epochs x 2 steps");
        assertThat(log.lines.get(1)).isEqualTo("DEBUG epoch 1/2 step 1/2: loss 0.7500, 10 ex/s, ETA 1m 30s");
        assertThat(log.lines.get(3)).isEqualTo(
                "INFO epoch 1/2: loss 0.7500, 10 ex/s, took 1m 00s, elapsed 1m 00s, ETA 1m 00s mrr=0.1250");
        assertThat(log.lines.get(7)).isEqualTo(
                "INFO training finished: 2/2 epochs, 4 steps, 1200 examples in 2m 00s (10 ex/s), loss 0.7500 "
                        + "mrr=0.1250");
    }

    @Test
    void skipsStepsWhenDebugIsOff() {
        ListLogger log = new ListLogger(false);
        train(log);
        assertThat(log.lines).hasSize(4).allMatch(l -> l.startsWith("INFO "));
    }
}
