package io.retailgen.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunTimeoutTest {
    /** About 10^15 iterations: years of work, so only the deadline can end the run. */
    private static final long FOREVER = 1_000_000_000_000_000L;

    private static final Map<String, Tensor> ZERO = Map.of("x", Tensor.ofFloats(new float[3], 3));

    @AfterEach
    void noNativeLeak() {
        assertThat(OnnxModel.openNativeTensors()).as("native tensors left open").isZero();
    }

    @Test
    void aRunPastItsDeadlineIsCancelledWithAClearError() {
        try (OnnxModel m = OnnxModel.builder().model(TinyModels.loop(FOREVER, null)).name("endless")
                .backend("onnxruntime-cpu").build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> m.run(ZERO, Set.of("y"), Duration.ofMillis(300)))
                    .isInstanceOfSatisfying(RetailGenException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED))
                    .hasMessageContaining("model 'endless' did not finish within its deadline of 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            // the session stays usable after a cancelled run
            assertThatThrownBy(() -> m.run(ZERO, Set.of("y"), Duration.ofMillis(50)))
                    .hasMessageContaining("deadline");
        }
    }

    @Test
    void theBuildersRunTimeoutAppliesToEveryRun() {
        try (OnnxModel m = OnnxModel.builder().model(TinyModels.loop(FOREVER, null)).name("endless")
                .runTimeout(Duration.ofMillis(200)).backend("onnxruntime-cpu").build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> m.run(ZERO)).isInstanceOf(RetailGenException.class)
                    .hasMessageContaining("deadline of 200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aRunWithinItsDeadlineReturnsItsResult() {
        try (OnnxModel m = OnnxModel.builder().model(TinyModels.loop(1000, null)).runTimeout(Duration.ofSeconds(30))
                .backend("onnxruntime-cpu").build()) {
            assertThat(m.run(ZERO).get("y").toFloatArray()).containsExactly(1000f, 1000f, 1000f);
            assertThat(m.run(ZERO, Set.of("y"), Duration.ofSeconds(30)).get("y").toFloatArray())
                    .containsExactly(1000f, 1000f, 1000f);
        }
    }

    @Test
    void rejectsTimeoutsThatAreNotPositive() {
        assertThatThrownBy(() -> OnnxModel.builder().runTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
