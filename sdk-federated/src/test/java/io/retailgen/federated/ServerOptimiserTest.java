package io.retailgen.federated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The coordinator's server optimisers (FedAvg, FedAvgM, FedAdagrad, FedAdam, FedYogi) on updates known in advance. */
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

    /** A store whose update is always {@code delta}, weighing 1. */
    private record Fixed(String id, float[] delta) implements StoreChannel {
        @Override
        public byte[] publicKey(int round) {
            return new byte[] {1};
        }

        @Override
        public long[] maskedUpdate(int round, float[] global, Map<String, byte[]> publicKeys) {
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

    private static float[] adaptive(Coordinator.ServerOptimiser o, int rounds) {
        return Coordinator.builder().serverOptimiser(o, 1e-3).serverLearningRate(0.1).rounds(rounds).build()
                .run(new float[1], List.of(new Constant("a", 1f), new Constant("b", 3f))).weights();
    }

    @Test
    void fedAdamStepsEveryWeightByAboutTheServerRateWhateverTheSizeOfItsMeanUpdate() {
        // mean updates 2 and 0.02; m = 0.1 u, v = 0.99 tau^2 + 0.01 u^2, step = 0.1 m / (sqrt(v) + tau), by hand:
        // 0.0995013 and 0.0618462, where FedAvg steps 2 and 0.02 (100 times apart)
        float[] w = Coordinator.builder().serverOptimiser(Coordinator.ServerOptimiser.FEDADAM, 1e-3)
                .serverLearningRate(0.1).rounds(1).build()
                .run(new float[2], List.of(new Fixed("a", new float[] {1f, 0.01f}), new Fixed("b",
                        new float[] {3f, 0.03f}))).weights();
        assertThat((double) w[0]).isCloseTo(0.0995013, within(1e-6));
        assertThat((double) w[1]).isCloseTo(0.0618462, within(1e-6));
    }

    @Test
    void theAdaptiveOptimisersKeepTheirMomentsAcrossRounds() {
        // mean update 2 in both rounds, lr 0.1, tau 1e-3, beta1 0.9, beta2 0.99; by hand over the two rounds:
        // FedAdam 0.2337122 (v: 0.99 v + 0.01 u^2), FedYogi 0.2333774 (v: v + 0.01 u^2 while v < u^2),
        // FedAdagrad 0.0234253 (v: v + u^2)
        assertThat((double) adaptive(Coordinator.ServerOptimiser.FEDADAM, 2)[0]).isCloseTo(0.2337122, within(1e-6));
        assertThat((double) adaptive(Coordinator.ServerOptimiser.FEDYOGI, 2)[0]).isCloseTo(0.2333774, within(1e-6));
        assertThat((double) adaptive(Coordinator.ServerOptimiser.FEDADAGRAD, 2)[0]).isCloseTo(0.0234253,
                within(1e-6));
    }

    @Test
    void adaptiveOptimisersRefuseServerMomentumAndABadTau() {
        assertThatThrownBy(() -> Coordinator.builder().serverOptimiser(Coordinator.ServerOptimiser.FEDADAM, 1e-3)
                .serverMomentum(0.5).build()).hasMessageContaining("momentum");
        assertThatThrownBy(() -> Coordinator.builder().serverOptimiser(Coordinator.ServerOptimiser.FEDYOGI, 0))
                .hasMessageContaining("tau");
    }
}
