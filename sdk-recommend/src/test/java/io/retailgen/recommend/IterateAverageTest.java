package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.retailgen.core.Device;
import io.retailgen.training.TrainingEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The moving average of DP-SGD's iterates that may be released instead of the last one. */
class IterateAverageTest {

    @Test
    void foldsEachStepWithTheDecayStartingFromTheFirstIterate() {
        GruTrainer.Params p = new GruTrainer.Params(4, 0, 8, 0, 0.75, 1, 0.05f, 1L);
        TrainingEngine engine = GruTrainer.engine(p, 1, Device.cpu());
        try (NDManager m = engine.newManager()) {
            NDArray a = m.create(new float[] {1, -2});
            NDArray b = m.create(new float[] {4});
            List<NDArray> weights = List.of(a, b);
            IterateAverage avg = new IterateAverage(0.5);
            avg.add(weights);                      // avg = (1, -2), (4)
            a.set(new float[] {3, 2});
            b.set(new float[] {0});
            avg.add(weights);                      // avg = (2, 0), (2)
            a.set(new float[] {6, 4});
            b.set(new float[] {2});
            avg.add(weights);                      // avg = (4, 2), (2)
            assertThat(a.toFloatArray()).containsExactly(6, 4);
            avg.copyInto(weights);
            assertThat(a.toFloatArray()).containsExactly(4, 2);
            assertThat(b.toFloatArray()).containsExactly(2);
        }
    }

    @Test
    void rejectsADecayOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> new IterateAverage(1)).hasMessageContaining("(0, 1), was 1.0");
        assertThatThrownBy(() -> PrivateTraining.builder().epsilon(8).averagingDecay(-0.1))
                .hasMessage("averagingDecay must be in [0, 1), was -0.1");
        assertThatThrownBy(() -> PrivateTraining.builder().epsilon(8).itemTableClipShare(1))
                .hasMessage("itemTableClipShare must be in [0, 1), was 1.0");
    }

    /**
     * Releasing the average changes the released weights but not the privacy spent: it is computed from the noised
     * iterates only, so the run's accounting (noise, sampling rate, steps, epsilon) is that of the same run without it.
     */
    @Test
    void averagingChangesTheReleasedWeightsButNotThePrivacySpent() {
        List<Interaction> events = Fixtures.ring(80, 12, 6, 3);
        PrivateTraining.Builder dp = PrivateTraining.builder().epsilon(8).sessionsPerStep(20);
        try (RecommendModel last = Fixtures.tinyGru().epochs(3).privacy(dp.build()).build().train(events);
                RecommendModel averaged = Fixtures.tinyGru().epochs(3).privacy(dp.averagingDecay(0.8).build()).build()
                        .train(events)) {
            assertThat(averaged.privacy()).isEqualTo(last.privacy());
            assertThat(averaged.weights.embedding).isNotEqualTo(last.weights.embedding);
        }
    }
}
