package io.retailgen.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressBarTest {

    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String run(ConsoleProgressBar bar, int epochs, int steps, Duration perStep) {
        TrainingProgress p = TrainingProgress.builder().nanoTime(clock::get).listener(bar).build();
        p.start(epochs, steps);
        for (int e = 0; e < epochs; e++) {
            for (int s = 0; s < steps; s++) {
                clock.addAndGet(perStep.toNanos());
                p.step(0.5, 32);
            }
            p.endEpoch(Map.of("hr@20", 0.25));
        }
        p.end();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void nonInteractiveWritesOneLinePerEpochWithoutCarriageReturns() {
        ConsoleProgressBar bar = ConsoleProgressBar.builder().out(out).interactive(false).width(10).build();
        String text = run(bar, 3, 4, Duration.ofMillis(500));
        assertThat(text).doesNotContain("\r");
        String[] lines = text.split(System.lineSeparator());
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo(
                "epoch 1/3 [==========] 100% loss 0.5000  64 ex/s  ETA 4.0s  took 2.0s hr@20=0.2500");
        assertThat(lines[2]).startsWith("epoch 3/3 [==========] 100%").contains("ETA 0ms");
        assertThat(lines[3]).isEqualTo("training done: 3/3 epochs in 6.0s, 64 ex/s, loss 0.5000");
    }

    @Test
    void interactiveRedrawsOneLineAndThrottlesRedraws() {
        ConsoleProgressBar bar = ConsoleProgressBar.builder().out(out).interactive(true).width(10)
                .redrawInterval(Duration.ofSeconds(1)).build();
        String text = run(bar, 1, 10, Duration.ofMillis(250));
        // steps at 0.25 s .. 2.5 s: drawn at 0.25, 1.25, 2.25 and the last step; then the epoch line
        assertThat(text.chars().filter(c -> c == '\r').count()).isEqualTo(5);
        assertThat(text).contains("\repoch 1/1 [=>        ]  10% loss 0.5000  128 ex/s  ETA 2.3s");
        String[] lines = text.split(System.lineSeparator());
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).endsWith("took 2.5s hr@20=0.2500");
        assertThat(lines[1]).startsWith("training done: 1/1 epochs");
    }

    @Test
    void shorterLinesOverwriteLongerOnes() {
        ConsoleProgressBar bar = ConsoleProgressBar.builder().out(out).interactive(true).width(5)
                .redrawInterval(Duration.ZERO).build();
        bar.onStep(new StepEvent(1, 1, 1, 2, 1, 2, 123456.0, 1, 99999, Duration.ZERO, Duration.ofHours(30)));
        bar.onStep(new StepEvent(1, 1, 2, 2, 2, 2, 1.0, 1, 1, Duration.ofSeconds(1), Duration.ZERO));
        String text = bytes.toString(StandardCharsets.UTF_8);
        String[] draws = text.split("\r");
        assertThat(draws).hasSize(3);
        assertThat(draws[2].length()).isGreaterThanOrEqualTo(draws[1].length());
        assertThat(draws[2]).endsWith(" ");
    }

    @Test
    void builderValidates() {
        assertThatThrownBy(() -> ConsoleProgressBar.builder().width(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5..200, was 2");
        assertThatThrownBy(() -> ConsoleProgressBar.builder().out(null)).isInstanceOf(NullPointerException.class);
        assertThat(ConsoleProgressBar.builder().interactive(true).build().interactive()).isTrue();
    }

    @Test
    void formatsDurationsAndNumbers() {
        assertThat(ProgressFormat.duration(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(ProgressFormat.duration(Duration.ofMillis(45_250))).isEqualTo("45.3s");
        assertThat(ProgressFormat.duration(Duration.ofSeconds(125))).isEqualTo("2m 05s");
        assertThat(ProgressFormat.duration(Duration.ofSeconds(3 * 3600 + 62))).isEqualTo("3h 01m 02s");
        assertThat(ProgressFormat.duration(Duration.ofHours(50))).isEqualTo("2d 02h 00m");
        assertThat(ProgressFormat.loss(0.00001234)).isEqualTo("1.234e-05");
        assertThat(ProgressFormat.loss(Double.NaN)).isEqualTo("NaN");
        assertThat(ProgressFormat.rate(12345.6)).isEqualTo("12,346");
    }
}
