package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DeepAR network as a flat weight vector: local training from given weights, FedProx, and serving. */
class FederatedDeepArTest {

    static FederatedDeepAr tiny(int epochs, float learningRate) {
        return FederatedDeepAr.of(DeepArTrainer.builder().window(4).hidden(6).epochs(epochs).batchSize(32)
                .learningRate(learningRate).seed(5L).build());
    }

    static double distance(float[] a, float[] b) {
        double sq = 0;
        for (int i = 0; i < a.length; i++) {
            sq += (double) (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sq);
    }

    @Test
    void localTrainingStartsFromTheGivenWeights() {
        List<TimeSeries> data = DeepArModelTest.simulate(3).subList(0, 8);
        FederatedDeepAr net = tiny(1, 1e-6f);
        float[] start = net.initialWeights();
        assertThat(start).hasSize(4 * 6 + 6 + 2 * 6 + 2 + 2 * 4 + 2);
        float[] shifted = start.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 0.25f;
        }
        // one epoch at a negligible learning rate: the result is the start, whichever start it was given
        assertThat(distance(net.trainLocally(start, data, 0), start)).isLessThan(1e-3);
        assertThat(distance(net.trainLocally(shifted, data, 0), shifted)).isLessThan(1e-3);
        // and at a real learning rate the weights move
        assertThat(distance(tiny(2, 0.02f).trainLocally(start, data, 0), start)).isGreaterThan(0.1);
    }

    @Test
    void theProximalTermKeepsTheStoreNearTheGlobalWeights() {
        List<TimeSeries> data = DeepArModelTest.simulate(4).subList(0, 8);
        FederatedDeepAr net = tiny(3, 0.02f);
        float[] start = net.initialWeights();
        double free = distance(net.trainLocally(start, data, 0), start);
        double held = distance(net.trainLocally(start, data, 50), start);
        assertThat(held).isLessThan(free * 0.8);
    }

    @Test
    void theModelOfTrainedWeightsForecastsTheSeriesLevel() {
        List<TimeSeries> data = DeepArModelTest.simulate(5);
        FederatedDeepAr net = tiny(15, 0.02f);
        float[] trained = net.trainLocally(net.initialWeights(), data, 0);
        assertThat(net.trainingWindows(data)).isEqualTo(data.size() * (DeepArModelTest.LENGTH - 4));
        try (DeepArModel model = net.model(trained)) {
            TimeSeries s = data.get(0);
            double level = java.util.Arrays.stream(s.values()).average().orElseThrow();
            double mean = DeepArModelTest.meanOf(model.sample(s, 4, Map.of(), 400, 1));
            assertThat(mean).isBetween(level * 0.5, level * 1.5);
            assertThat(model.provenance().hyperParameters()).containsEntry("training", "federated");
        }
        assertThatThrownBy(() -> net.model(new float[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights of 3 values");
    }
}
