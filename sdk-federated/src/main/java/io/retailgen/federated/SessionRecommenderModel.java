package io.retailgen.federated;

import io.retailgen.recommend.FederatedGru;
import io.retailgen.recommend.Interaction;
import java.util.List;
import java.util.Objects;

/**
 * The session recommender's GRU as a {@link FederatedModel}: a store's data is its events, weighed by their count;
 * its item table (the first values of the weight vector) holds the item rows, an item's count the store's sessions
 * that contain it.
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
        // the item table only: weighting the output bias by the same counts scored no better on the tuning split
        return ItemRows.of(gru.itemRows(), new ItemRows.Block(0, gru.itemRowWidth()));
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
