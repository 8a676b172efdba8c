package io.retailgen.federated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The coordinator's server learning rate and momentum (FedAvgM) on updates known in advance. */
class ServerOptimiserTest {

    /** A store whose update is always {@code +step} on every weight, weighing 1; sent unmasked (masks cancel). */
    private record Constant(String id, float step) implements StoreChannel {
        @Override
        public byte[] publicKey(int round) {
            return new byte[] {1};
        }

        @Override
        public long[] maskedUpdate(int round, float[] global, Map<String, byte[]> publicKeys) {
            float[] delta = new float[global.length];
            java.util.Arrays.fill(delta, step);
            return FixedPoint.encode(delta, 1f);
        }

        @Override
        public Map<String, byte[]> revealSeeds(int round, List<String> dropped) {
            return Map.of();
        }
    }

    private static float[] run(Coordinator.Builder b) {
        return b.rounds(3).build().run(new float[3], List.of(new Constant("a", 1f), new Constant("b", 3f)))
                .weights();
    }

    @Test
    void plainFedAvgStepsByTheMeanUpdate() {
        assertThat(run(Coordinator.builder())).containsExactly(6f, 6f, 6f);
    }

    @Test
    void serverMomentumAccumulatesTheMeanUpdatesAndTheServerRateScalesTheStep() {
        // mean update 2 each round; v = 2, 3, 3.5 with momentum 0.5; steps of rate 0.5: 1 + 1.5 + 1.75 = 4.25
        float[] w = run(Coordinator.builder().serverMomentum(0.5).serverLearningRate(0.5));
        for (float v : w) {
            assertThat((double) v).isCloseTo(4.25, within(1e-6));
        }
    }

    @Test
    void badServerSettingsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> Coordinator.builder().serverMomentum(1.0)).hasMessageContaining("serverMomentum")
                .hasMessageContaining("1.0");
        assertThatThrownBy(() -> Coordinator.builder().serverLearningRate(0)).hasMessageContaining(
                "serverLearningRate");
    }
}
