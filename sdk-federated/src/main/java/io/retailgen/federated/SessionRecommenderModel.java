package io.retailgen.federated;

import io.retailgen.recommend.FederatedGru;
import io.retailgen.recommend.Interaction;
import java.util.List;
import java.util.Objects;

/**
 * The session recommender's GRU as a {@link FederatedModel}: a store's data is its events, weighed by their count;
 * its item table (the first values of the weight vector) is the block of item rows, a row's count the store's
 * sessions that contain the item.
 */
final class SessionRecommenderModel implements FederatedModel<List<Interaction>> {

    private final FederatedGru gru;

    SessionRecommenderModel(FederatedGru gru) {
        this.gru = Objects.requireNonNull(gru, "gru == null");
    }

    @Override
    public int size() {
        return gru.size();
    }

    @Override
    public float[] initialWeights() {
        return gru.initialWeights();
    }

    @Override
    public float[] trainLocally(float[] global, List<Interaction> events, double proximalMu) {
        return gru.trainLocally(global, events, proximalMu);
    }

    @Override
    public ItemRows itemRows() {
        return new ItemRows(0, gru.itemRows(), gru.itemRowWidth());
    }

    @Override
    public int[] rowCounts(List<Interaction> events) {
        return gru.itemSessionCounts(events);
    }

    @Override
    public double updateWeight(List<Interaction> events) {
        return events.size();
    }
}
