package io.retailgen.federated;

import io.retailgen.forecast.FederatedDeepAr;
import io.retailgen.forecast.TimeSeries;
import io.retailgen.recommend.FederatedGru;
import io.retailgen.recommend.Interaction;
import java.util.List;

/**
 * A model the {@link Coordinator} can train across stores: its weights are one flat float vector whose layout every
 * store agrees on, and it trains locally from given weights on a store's data of type {@code D}. Everything else of a
 * round (masking, secure aggregation, drop-out recovery, client-level DP) is the same for every model.
 *
 * <pre>{@code
 * FederatedModel<List<TimeSeries>> demand = FederatedModel.of(FederatedDeepAr.of(deepArTrainer));
 * StoreClient<List<TimeSeries>> store = new StoreClient<>("vic", victoriaSeries, demand, 0, 0);
 * }</pre>
 *
 * @param <D> a store's training data
 */
public interface FederatedModel<D> {

    /** @return the number of values in a weight vector */
    int size();

    /** @return the seeded starting weights (the same for every party with the same settings) */
    float[] initialWeights();

    /**
     * @param global the current global weights ({@link #size()} values)
     * @param data one store's data, which stays with the caller
     * @param proximalMu FedProx's proximal weight, {@code >= 0} (0: plain FedAvg local training)
     * @return the store's new weights
     */
    float[] trainLocally(float[] global, D data, double proximalMu);

    /**
     * @param data one store's data
     * @return the weight of the store's update in FedAvg's weighted mean, {@code >= 0}
     */
    double updateWeight(D data);

    /**
     * @return the block of per-item rows whose average may be weighted row by row ({@link ItemRows}), or null when
     *     the model has none (the default)
     */
    default ItemRows itemRows() {
        return null;
    }

    /**
     * @param data one store's data
     * @return for each row of {@link #itemRows()}, how much of the data touched it ({@code >= 0}; the recommender: the
     *     sessions that contain the item)
     * @throws UnsupportedOperationException when the model has no item rows
     */
    default int[] rowCounts(D data) {
        throw new UnsupportedOperationException("this model has no item rows");
    }

    /**
     * @param gru the session recommender's GRU over a shared catalog
     * @return it as a federated model over a store's events; an update weighs the store's events
     */
    static FederatedModel<List<Interaction>> of(FederatedGru gru) {
        return new SessionRecommenderModel(gru);
    }

    /**
     * @param network the DeepAR-style demand network
     * @return it as a federated model over a store's series; an update weighs the store's training windows
     */
    static FederatedModel<List<TimeSeries>> of(FederatedDeepAr network) {
        return new DemandModel(network);
    }
}
