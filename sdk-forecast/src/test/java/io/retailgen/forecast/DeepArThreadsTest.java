package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DeepAR trainer's {@code threads} option. */
class DeepArThreadsTest {

    @Test
    void threadsMustBePositive() {
        assertThatThrownBy(() -> DeepArTrainer.builder().threads(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads must be >= 1, was 0");
    }

    @Test
    void threadsReachPyTorchWhileTraining() {
        List<TimeSeries> series = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            series.add(TimeSeries.of("s" + s, Frequency.MONTHLY, ForecasterTest.seasonal(48, 12, 100 + s, 1, 0.2, 2, s)));
        }
        DeepArTrainer.builder().epochs(1).threads(2).build().train(series).close();
        assertThat(JniUtils.getNumThreads()).isEqualTo(2);
        DeepArTrainer.builder().epochs(1).build().train(series).close(); // the default
        assertThat(JniUtils.getNumThreads()).isEqualTo(1);
    }
}
