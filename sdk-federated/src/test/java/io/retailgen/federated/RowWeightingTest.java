package io.retailgen.federated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.retailgen.recommend.FederatedGru;
import io.retailgen.recommend.Interaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row weighting of item rows: the means it yields, under masks and with a store dropping out, and its refusals. */
class RowWeightingTest {

    /** A store's data for {@link Toy}: its update weight, its count per item row, and the change it trains. */
    private record Shop(double weight, int[] counts, float[] change) {
    }

    /** Two item rows of width 2, then one shared weight; a store's local training adds its change. */
    private static final class Toy implements FederatedModel<Shop> {
        @Override
        public int size() {
            return 5;
        }

        @Override
        public float[] initialWeights() {
            return new float[5];
        }

        @Override
        public float[] trainLocally(float[] global, Shop data, double proximalMu) {
            float[] out = global.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] += data.change()[i];
            }
            return out;
        }

        @Override
        public double updateWeight(Shop data) {
            return data.weight();
        }

        @Override
        public ItemRows itemRows() {
            return ItemRows.of(2, new ItemRows.Block(0, 2));
        }

        @Override
        public int[] rowCounts(Shop data) {
            return data.counts();
        }
    }

    private static List<StoreClient<Shop>> shops(boolean rowWeighted) {
        // shop a saw only item 0 (3 sessions); shop b only item 1 (1 session); both moved every value
        Shop a = new Shop(3, new int[] {3, 0}, new float[] {1, 1, -1, -1, 1});
        Shop b = new Shop(1, new int[] {0, 1}, new float[] {-1, -1, 2, 2, 3});
        return List.of(new StoreClient<>("a", a, new Toy(), 0, 0, rowWeighted),
                new StoreClient<>("b", b, new Toy(), 0, 0, rowWeighted));
    }

    @Test
    void aRowIsAveragedOnlyOverTheStoresThatTouchedItWeightedByTheirCounts() {
        float[] fedAvg = Coordinator.builder().rounds(1).build().run(new float[5], shops(false)).weights();
        // FedAvg by update weight (3 : 1): item 0's row (3 - 1) / 4 = 0.5, item 1's (-3 + 2) / 4 = -0.25
        assertThat(fedAvg).containsExactly(new float[] {0.5f, 0.5f, -0.25f, -0.25f, 1.5f}, within(1e-6f));
        float[] rows = Coordinator.builder().rounds(1).rowWeighted(new Toy().itemRows()).build()
                .run(new float[5], shops(true)).weights();
        // each row takes the change of the one store that saw its item; the shared weight stays FedAvg's
        assertThat(rows).containsExactly(new float[] {1f, 1f, 2f, 2f, 1.5f}, within(1e-6f));
    }

    @Test
    void aRowNoStoreTouchedKeepsItsValue() {
        Shop a = new Shop(2, new int[] {2, 0}, new float[] {1, 1, 5, 5, 1});
        Shop b = new Shop(2, new int[] {1, 0}, new float[] {3, 3, 7, 7, 1});
        float[] w = Coordinator.builder().rounds(1).rowWeighted(new Toy().itemRows()).build().run(new float[5],
                List.of(new StoreClient<>("a", a, new Toy(), 0, 0, true),
                        new StoreClient<>("b", b, new Toy(), 0, 0, true))).weights();
        // item 0: (2 x 1 + 1 x 3) / 3; item 1: no counts, unchanged
        assertThat(w).containsExactly(new float[] {5f / 3, 5f / 3, 0, 0, 1}, within(1e-6f));
    }

    @Test
    void theRecommenderCountsTheSessionsThatContainAnItemNotItsClicks() {
        FederatedGru gru = SecureAggregationTest.tinyGru();
        List<Interaction> events = List.of(Interaction.view("s1", "i0", 1), Interaction.view("s1", "i0", 2),
                Interaction.view("s1", "i3", 3), Interaction.view("s2", "i3", 4), Interaction.view("s2", "zz", 5));
        int[] counts = FederatedModel.of(gru).rowCounts(events);
        assertThat(counts).hasSize(12);
        assertThat(counts[0]).isEqualTo(1);
        assertThat(counts[3]).isEqualTo(2);
        assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(3);
        // the item table: 12 rows of the hidden size 8
        assertThat(FederatedModel.of(gru).itemRows()).isEqualTo(ItemRows.of(12, new ItemRows.Block(0, 8)));
    }

    private static List<StoreClient<List<Interaction>>> rowWeightedGruStores(FederatedGru gru, int n) {
        List<StoreClient<List<Interaction>>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int shift = 4 * (i % 3);
            // each store's sessions stay within its own 4 of the 12 items, so most rows are untouched by most stores
            List<Interaction> events = SecureAggregationTest.ring("store-" + i, 10 + 5 * i, 4, i).stream()
                    .map(e -> Interaction.view(e.sessionId(), "i" + (Integer.parseInt(e.itemId().substring(1))
                            + shift), e.timestamp())).toList();
            out.add(new StoreClient<>("store-" + i, events, FederatedModel.of(gru), 0, 0, true));
        }
        return out;
    }

    @Test
    void theCountsTravelMaskedAndAStoreDroppingOutMidRoundDoesNotLoseTheRound() {
        FederatedGru gru = SecureAggregationTest.tinyGru();
        float[] start = gru.initialWeights();
        ItemRows rows = FederatedModel.of(gru).itemRows();
        List<StoreClient<List<Interaction>>> stores = rowWeightedGruStores(gru, 4);
        List<SecureAggregationTest.Recording> channels = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            channels.add(new SecureAggregationTest.Recording(stores.get(i), i == 2));
        }
        FederatedRun run = Coordinator.builder().rounds(1).rowWeighted(rows).build().run(start, channels);
        assertThat(run.rounds()).isEqualTo(1);
        assertThat(run.droppedStores()).isEqualTo(1);
        int length = start.length + 1 + rows.rows();
        double[] sum = new double[length];
        for (int s = 0; s < stores.size(); s++) {
            if (s == 2) {
                continue;
            }
            long[] seen = channels.get(s).received.get(0);
            long[] plain = stores.get(s).lastPlainUpdate();
            assertThat(seen).hasSize(length);
            for (int i = 0; i < length; i++) {
                assertThat(seen[i]).as("value %d of %s reached the coordinator unmasked", i, stores.get(s).id())
                        .isNotEqualTo(plain[i]);
                sum[i] += FixedPoint.decode(plain[i]);
            }
        }
        int touchedRows = 0;
        for (int i = 0; i < start.length; i++) {
            int row = i < 96 ? i / 8 : -1;
            double divisor = row >= 0 ? sum[start.length + 1 + row] : sum[start.length];
            double expected = divisor > 0 ? start[i] + sum[i] / divisor : start[i];
            assertThat((double) run.weights()[i]).as("weight %d", i).isCloseTo(expected, within(1e-5));
        }
        for (int r = 0; r < rows.rows(); r++) {
            touchedRows += sum[start.length + 1 + r] > 0 ? 1 : 0;
        }
        // stores 0 and 3 sell items 0-3, store 1 items 4-7; store 2 (items 8-11) dropped out
        assertThat(touchedRows).isEqualTo(8);
        assertThat(run.weights()).isNotEqualTo(start);
    }

    @Test
    void rowWeightingIsRefusedWithClientLevelPrivacyAndWithoutItemRows() {
        assertThatThrownBy(() -> new StoreClient<>("a", shops(false).get(0).id(), new FederatedModel<String>() {
            @Override
            public int size() {
                return 1;
            }

            @Override
            public float[] initialWeights() {
                return new float[1];
            }

            @Override
            public float[] trainLocally(float[] global, String data, double proximalMu) {
                return global;
            }

            @Override
            public double updateWeight(String data) {
                return 1;
            }
        }, 0, 0, true)).hasMessageContaining("item rows");
        Shop a = new Shop(3, new int[] {3, 0}, new float[5]);
        assertThatThrownBy(() -> new StoreClient<>("a", a, new Toy(), 0, 1.0, true))
                .hasMessageContaining("client-level DP");
        assertThatThrownBy(() -> Coordinator.builder().clientPrivacy(8, 1e-5, 1).rowWeighted(new Toy().itemRows())
                .build()).hasMessageContaining("client-level DP");
        assertThatThrownBy(() -> ItemRows.of(0, new ItemRows.Block(0, 2))).hasMessageContaining("rows >= 1");
        assertThatThrownBy(() -> ItemRows.of(3, new ItemRows.Block(0, 2), new ItemRows.Block(5, 1)))
                .hasMessageContaining("overlap");
    }
}
