package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.retailgen.core.Device;
import io.retailgen.training.TrainingEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optimizer steps the GRU trainers apply. */
class GruUpdaterTest {

    private static GruTrainer.Params params(RecommendTrainer.Optimizer optimizer) {
        return new GruTrainer.Params(4, 0, 4, 0, 0.75, 1, 0.1f, 1L, 0f, 0, optimizer);
    }

    @Test
    void sgdWithMomentumAccumulatesAVelocity() {
        GruTrainer.Params p = params(RecommendTrainer.Optimizer.SGD_MOMENTUM);
        TrainingEngine engine = GruTrainer.engine(p, 1, Device.cpu());
        try (NDManager m = engine.newManager()) {
            NDArray w = m.create(new float[] {1f, -2f});
            GruTrainer.Updater u = new GruTrainer.Updater(m, p, List.of(w));
            u.update(0, w, m.create(new float[] {1f, 0.5f}));
            // v = g = (1, 0.5); w -= 0.1 v
            assertThat(w.toFloatArray()[0]).isCloseTo(0.9f, within(1e-6f));
            assertThat(w.toFloatArray()[1]).isCloseTo(-2.05f, within(1e-6f));
            u.update(0, w, m.create(new float[] {1f, -1f}));
            // v = 0.9 (1, 0.5) + (1, -1) = (1.9, -0.55); w -= 0.1 v
            assertThat(w.toFloatArray()[0]).isCloseTo(0.71f, within(1e-6f));
            assertThat(w.toFloatArray()[1]).isCloseTo(-1.995f, within(1e-6f));
        }
    }
}
