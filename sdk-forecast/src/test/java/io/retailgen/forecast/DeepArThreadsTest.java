package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DeepAR trainer's {@code threads} option and its long seed. */
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

    @Test
    void aLongSeedIsRecordedWholeAndTrainingIsDeterministicForIt() {
        List<TimeSeries> series = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            series.add(TimeSeries.of("s" + s, Frequency.MONTHLY, ForecasterTest.seasonal(40, 12, 80 + s, 1, 0.2, 2, s)));
        }
        long big = (1L << 40) + 5;
        DeepArTrainer trainer = DeepArTrainer.builder().epochs(2).seed(big).build();
        try (DeepArModel a = trainer.train(series); DeepArModel b = trainer.train(series);
                DeepArModel c = DeepArTrainer.builder().epochs(2).seed(big + 1).build().train(series)) {
            assertThat(a.provenance().seed()).isEqualTo(big);
            assertThat(a.onnxBytes()).isEqualTo(b.onnxBytes());
            assertThat(c.onnxBytes()).isNotEqualTo(a.onnxBytes());
        }
    }
}
