package io.retailgen.federated;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.forecast.DeepArModel;
import io.retailgen.forecast.DeepArTrainer;
import io.retailgen.forecast.FederatedDeepAr;
import io.retailgen.forecast.Frequency;
import io.retailgen.forecast.ScenarioSet;
import io.retailgen.forecast.TimeSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The DeepAR-style demand model through the same coordinator, masking and drop-out recovery as the recommender, on
 * a tiny generated fixture: a few "states", each holding monthly series of its own.
 */
class DemandFederationTest {

    /** Monthly series with a level of the store's own, a yearly season and noise. */
    static List<TimeSeries> state(String state, int series, int months, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<TimeSeries> out = new ArrayList<>();
        for (int s = 0; s < series; s++) {
            double level = 20 + 200 * r.nextDouble();
            double[] y = new double[months];
            for (int t = 0; t < months; t++) {
                y[t] = level * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12)) * Math.exp(0.05 * r.nextGaussian());
            }
            out.add(new TimeSeries(state + "-" + s, List.of(state, "industry " + s), Frequency.MONTHLY, y, Map.of()));
        }
        return out;
    }

    static FederatedDeepAr network(int epochs) {
        return FederatedDeepAr.of(DeepArTrainer.builder().window(6).hidden(8).epochs(epochs).batchSize(32)
                .learningRate(0.02f).seed(2L).build());
    }

    static List<StoreClient<List<TimeSeries>>> stores(FederatedDeepAr net, double clip) {
        List<StoreClient<List<TimeSeries>>> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            out.add(new StoreClient<>("state-" + i, state("state-" + i, 2 + i, 48, 10 + i), FederatedModel.of(net), 0,
                    clip));
        }
        return out;
    }

    @Test
    void theCoordinatorReceivesOnlyMaskedDemandUpdatesWhoseSumIsExact() {
        FederatedDeepAr net = network(1);
        SecureAggregationTest.assertOnlyMaskedUpdatesArriveAndSumExactly(net.initialWeights(), stores(net, 0));
    }

    @Test
    void aStateDroppingOutMidRoundDoesNotLoseTheRound() {
        FederatedDeepAr net = network(1);
        List<StoreClient<List<TimeSeries>>> stores = stores(net, 0);
        // FedAvg weighs a state's update by its training windows: state 2 holds 4 series of 48 months, window 6
        assertThat(stores.get(2).updateWeight()).isEqualTo(4 * (48 - 6));
        SecureAggregationTest.assertDroppedRoundIsFedAvgOfTheSurvivors(net.initialWeights(), stores, 1);
    }

    @Test
    void federatedRoundsLearnTheStatesLevelsAndClientLevelDpIsAccounted() {
        FederatedDeepAr net = network(4);
        List<StoreClient<List<TimeSeries>>> stores = stores(net, 0);
        FederatedRun run = Coordinator.builder().rounds(4).build().run(net.initialWeights(), stores);
        assertThat(run.rounds()).isEqualTo(4);
        // a store sends its key, and its masked update of the weights plus its weight at 8 bytes a value
        assertThat(run.bytesPerStoreRound()).isGreaterThanOrEqualTo(8.0 * (net.size() + 1));
        TimeSeries s = state("state-3", 5, 48, 13).get(4);     // a series state 3 holds
        double level = Arrays.stream(s.values()).average().orElseThrow();
        try (DeepArModel trained = net.model(run.weights()); DeepArModel untrained = net.model(net.initialWeights())) {
            double error = Math.abs(mean(trained.sample(s, 6, Map.of(), 300, 1)) - level);
            double before = Math.abs(mean(untrained.sample(s, 6, Map.of(), 300, 1)) - level);
            assertThat(error).isLessThan(0.25 * level).isLessThan(before);
        }
        FederatedRun dp = Coordinator.builder().rounds(2).clientPrivacy(8, 1e-5, 0.5).build()
                .run(net.initialWeights(), stores(net, 0.5));
        assertThat(dp.epsilon()).isLessThanOrEqualTo(8.0).isGreaterThan(7.9);
        assertThat(dp.noiseMultiplier()).isPositive();
    }

    static double mean(ScenarioSet set) {
        double sum = 0;
        for (double v : set.mean()) {
            sum += v;
        }
        return sum / set.horizon();
    }
}
