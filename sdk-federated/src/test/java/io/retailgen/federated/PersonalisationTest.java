package io.retailgen.federated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.retailgen.recommend.FederatedGru;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.RecommendTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A store adapting the shared weights to its own sessions after the rounds, and what that sends. */
class PersonalisationTest {

    /** Logs every call the coordinator makes to a store and keeps every value the store returns to it. */
    static final class Logged implements StoreChannel {
        final StoreClient<?> store;
        final List<String> calls = new ArrayList<>();
        final List<long[]> updates = new ArrayList<>();
        final List<long[]> plainUpdates = new ArrayList<>();

        Logged(StoreClient<?> store) {
            this.store = store;
        }

        @Override
        public String id() {
            return store.id();
        }

        @Override
        public byte[] publicKey(int round) {
            calls.add("publicKey " + round);
            return store.publicKey(round);
        }

        @Override
        public long[] maskedUpdate(int round, float[] global, Map<String, byte[]> publicKeys) {
            calls.add("maskedUpdate " + round);
            long[] u = store.maskedUpdate(round, global, publicKeys);
            updates.add(u.clone());
            plainUpdates.add(store.lastPlainUpdate().clone());
            return u;
        }

        @Override
        public Map<String, byte[]> revealSeeds(int round, List<String> dropped) {
            calls.add("revealSeeds " + round);
            return store.revealSeeds(round, dropped);
        }

        @Override
        public void finalWeights(float[] weights) {
            // the one call after the rounds: the coordinator sends the shared weights, the store answers nothing
            calls.add("finalWeights");
            store.finalWeights(weights);
        }
    }

    static FederatedModel<List<Interaction>> fineTuning(int epochs) {
        List<String> catalog = IntStream.range(0, 12).mapToObj(i -> "i" + i).toList();
        return FederatedModel.of(FederatedGru.of(RecommendTrainer.builder().hidden(8).contextDim(0).batch(8)
                .epochs(epochs).optimizer(RecommendTrainer.Optimizer.ADAM, 0.01f).dropout(0f).seed(3L).build(),
                catalog));
    }

    @Test
    void personalisingSendsTheCoordinatorNothingBeyondTheClippedNoisedUpdates() {
        FederatedGru gru = SecureAggregationTest.tinyGru();
        double clip = 0.5;
        List<StoreClient<List<Interaction>>> stores = SecureAggregationTest.stores(gru, 3, clip);
        List<Logged> channels = stores.stream().map(Logged::new).toList();
        FederatedRun run = Coordinator.builder().rounds(2).clientPrivacy(8, 1e-5, clip).build()
                .run(gru.initialWeights(), channels);
        float[] shared = run.weights().clone();
        for (StoreClient<List<Interaction>> s : stores) {
            assertThat(s.sharedWeights()).isDone();
            assertThat(s.sharedWeights().join()).isEqualTo(shared);
        }
        List<List<String>> callsBefore = channels.stream().map(c -> List.copyOf(c.calls)).toList();
        Personalisation<List<Interaction>> personalisation = new Personalisation<>(fineTuning(3), 0);
        for (int s = 0; s < stores.size(); s++) {
            long[] lastPlain = stores.get(s).lastPlainUpdate().clone();
            float[] mine = stores.get(s).personalised(stores.get(s).sharedWeights().join(), personalisation);
            // the store did adapt the weights, for itself
            assertThat(mine).hasSize(shared.length).isNotEqualTo(shared);
            // and the coordinator heard nothing more from any store, nor did the store prepare anything to send
            assertThat(channels.get(s).calls).isEqualTo(callsBefore.get(s));
            assertThat(stores.get(s).lastPlainUpdate()).isEqualTo(lastPlain);
        }
        assertThat(run.weights()).isEqualTo(shared);
        for (Logged c : channels) {
            // per round one key and one update, nothing else
            assertThat(c.calls).containsExactly("publicKey 1", "maskedUpdate 1", "publicKey 2", "maskedUpdate 2",
                    "finalWeights");
            for (int r = 0; r < 2; r++) {
                long[] seen = c.updates.get(r);
                long[] plain = c.plainUpdates.get(r);
                // the clipped update and its weight (1 under client-level DP), no more values
                assertThat(seen).hasSize(gru.size() + 1);
                assertThat(FixedPoint.decode(plain[gru.size()])).isEqualTo(1.0);
                double sq = 0;
                int unmasked = 0;
                for (int i = 0; i < gru.size(); i++) {
                    double v = FixedPoint.decode(plain[i]);
                    sq += v * v;
                    unmasked += seen[i] == plain[i] ? 1 : 0;
                }
                assertThat(Math.sqrt(sq)).isLessThanOrEqualTo(clip + 1e-4);
                assertThat(unmasked).as("values %s sent unmasked in round %d", c.id(), r).isZero();
            }
        }
    }

    @Test
    void theSharedShareInterpolatesAndAStoreWithoutSessionsKeepsTheSharedWeights() {
        FederatedGru gru = SecureAggregationTest.tinyGru();
        float[] shared = gru.initialWeights();
        StoreClient<List<Interaction>> store = new StoreClient<>("a", SecureAggregationTest.ring("a", 20, 12, 5),
                FederatedModel.of(gru), 0, 0);
        float[] tuned = store.personalised(shared, new Personalisation<>(fineTuning(2), 0));
        float[] half = store.personalised(shared, new Personalisation<>(fineTuning(2), 0.5));
        assertThat(tuned).isNotEqualTo(shared);
        for (int i = 0; i < shared.length; i++) {
            assertThat(half[i]).isCloseTo(0.5f * shared[i] + 0.5f * tuned[i], within(1e-6f));
        }
        assertThat(store.personalised(shared, new Personalisation<>(fineTuning(2), 1))).isEqualTo(shared);

        StoreClient<List<Interaction>> empty = new StoreClient<>("b", List.of(), FederatedModel.of(gru), 0, 0);
        assertThat(empty.personalised(shared, new Personalisation<>(fineTuning(2), 0))).isEqualTo(shared);

        assertThatThrownBy(() -> new Personalisation<>(fineTuning(1), 1.5))
                .hasMessageContaining("globalShare must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> store.personalised(new float[3], new Personalisation<>(fineTuning(1), 0)))
                .hasMessageContaining("store a: the shared weights have 3 values");
    }
}
