package io.retailgen.federated;

import io.retailgen.forecast.FederatedDeepAr;
import io.retailgen.forecast.TimeSeries;
import java.util.List;
import java.util.Objects;

/**
 * The DeepAR-style demand network as a {@link FederatedModel}: a store's data is its series, weighed by the training
 * windows they give.
 */
final class DemandModel implements FederatedModel<List<TimeSeries>> {

    private final FederatedDeepAr network;

    DemandModel(FederatedDeepAr network) {
        this.network = Objects.requireNonNull(network, "network == null");
    }

    @Override
    public int size() {
        return network.size();
    }

    @Override
    public float[] initialWeights() {
        return network.initialWeights();
    }

    @Override
    public float[] trainLocally(float[] global, List<TimeSeries> series, double proximalMu) {
        return network.trainLocally(global, series, proximalMu);
    }

    @Override
    public double updateWeight(List<TimeSeries> series) {
        return network.trainingWindows(series);
    }
}
