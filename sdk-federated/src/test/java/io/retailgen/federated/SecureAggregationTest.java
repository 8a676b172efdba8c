package io.retailgen.federated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.retailgen.recommend.FederatedGru;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.RecommendTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the coordinator receives, dropout recovery, and the client-level privacy accounting. */
class SecureAggregationTest {

    static List<Interaction> ring(String store, int sessions, int items, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Interaction> out = new ArrayList<>();
        double t = 1_000_000;
        for (int s = 0; s < sessions; s++) {
            int it = r.nextInt(items);
            for (int p = 0; p < 5; p++) {
                out.add(Interaction.view(store + "-s" + s, "i" + it, t));
                t += 10;
                it = r.nextInt(10) < 8 ? (it + 1) % items : r.nextInt(items);
            }
        }
        return out;
    }

    static FederatedGru tinyGru() {
        List<String> catalog = IntStream.range(0, 12).mapToObj(i -> "i" + i).toList();
        return FederatedGru.of(RecommendTrainer.builder().hidden(8).contextDim(0).batch(8).epochs(1)
                .optimizer(RecommendTrainer.Optimizer.ADAM, 0.01f).dropout(0f).seed(3L).build(), catalog);
    }

    static List<StoreClient<List<Interaction>>> stores(FederatedGru gru, int n, double clip) {
        List<StoreClient<List<Interaction>>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new StoreClient<>("store-" + i, ring("store-" + i, 10 + 5 * i, 12, i), FederatedModel.of(gru), 0,
                    clip));
        }
        return out;
    }

    /** Records every masked update the coordinator receives; optionally drops out after the key exchange. */
    static final class Recording implements StoreChannel {
        final StoreClient<?> store;
        final boolean dropMidRound;
        final List<long[]> received = new ArrayList<>();

        Recording(StoreClient<?> store, boolean dropMidRound) {
            this.store = store;
            this.dropMidRound = dropMidRound;
        }

        @Override
        public String id() {
            return store.id();
        }

        @Override
        public byte[] publicKey(int round) {
            return store.publicKey(round);
        }

        @Override
        public long[] maskedUpdate(int round, float[] global, Map<String, byte[]> publicKeys) {
            long[] u = store.maskedUpdate(round, global, publicKeys);
            if (dropMidRound) {
                throw new IllegalStateException("connection lost");
            }
            received.add(u.clone());
            return u;
        }

        @Override
        public Map<String, byte[]> revealSeeds(int round, List<String> dropped) {
            return store.revealSeeds(round, dropped);
        }
    }

    @Test
    void theCoordinatorReceivesOnlyMaskedUpdatesWhoseSumIsTheExactSumOfThePlainOnes() {
        FederatedGru gru = tinyGru();
        assertOnlyMaskedUpdatesArriveAndSumExactly(gru.initialWeights(), stores(gru, 4, 0));
    }

    /** One round over the stores: what the coordinator receives is masked, and sums to the plain updates' sum. */
    static void assertOnlyMaskedUpdatesArriveAndSumExactly(float[] start, List<? extends StoreClient<?>> stores) {
        List<Recording> channels = stores.stream().map(s -> new Recording(s, false)).toList();
        FederatedRun run = Coordinator.builder().rounds(1).build().run(start, channels);
        assertThat(run.rounds()).isEqualTo(1);
        long[] maskedSum = new long[start.length + 1];
        long[] plainSum = new long[start.length + 1];
        for (Recording c : channels) {
            long[] seen = c.received.get(0);
            long[] plain = c.store.lastPlainUpdate();
            int equal = 0;
            for (int i = 0; i < seen.length; i++) {
                equal += seen[i] == plain[i] ? 1 : 0;
                maskedSum[i] += seen[i];
                plainSum[i] += plain[i];
            }
            // a masked value equals the plain one with probability 2^-64 per value
            assertThat(equal).as("values the coordinator received unmasked from %s", c.id()).isZero();
            // and the masked values look uniform: about half of them negative, whatever the update's signs (the
            // masks come from fresh key pairs, so allow six standard deviations of a fair coin over this many values)
            long negative = java.util.Arrays.stream(seen).filter(v -> v < 0).count();
            double sixSigma = 6 * 0.5 / Math.sqrt(seen.length);
            assertThat(negative / (double) seen.length).isBetween(0.5 - sixSigma, 0.5 + sixSigma);
        }
        assertThat(maskedSum).isEqualTo(plainSum);
    }

    @Test
    void aStoreDroppingOutMidRoundDoesNotLoseTheRound() {
        FederatedGru gru = tinyGru();
        List<StoreClient<List<Interaction>>> stores = stores(gru, 4, 0);
        assertDroppedRoundIsFedAvgOfTheSurvivors(gru.initialWeights(), stores, 2);
        // the recommender weighs a store's update by its clicks: store 1 holds 15 sessions of 5 clicks
        assertThat(stores.get(1).updateWeight()).isEqualTo(75.0);
    }

    /**
     * One round in which store {@code drop} sends its masked update and then loses its connection: the round still
     * counts, and its result is FedAvg over the survivors, computed here from their plain updates.
     */
    static void assertDroppedRoundIsFedAvgOfTheSurvivors(float[] start, List<? extends StoreClient<?>> stores,
            int drop) {
        List<Recording> channels = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            channels.add(new Recording(stores.get(i), i == drop));
        }
        FederatedRun run = Coordinator.builder().rounds(1).build().run(start, channels);
        assertThat(run.rounds()).isEqualTo(1);
        assertThat(run.skippedRounds()).isZero();
        assertThat(run.droppedStores()).isEqualTo(1);
        double weight = 0;
        double expectedWeight = 0;
        double[] sum = new double[start.length];
        for (int i = 0; i < stores.size(); i++) {
            if (i == drop) {
                continue;
            }
            long[] plain = stores.get(i).lastPlainUpdate();
            weight += FixedPoint.decode(plain[start.length]);
            expectedWeight += stores.get(i).updateWeight();
            for (int j = 0; j < start.length; j++) {
                sum[j] += FixedPoint.decode(plain[j]);
            }
        }
        assertThat(weight).isEqualTo(expectedWeight);
        for (int j = 0; j < start.length; j++) {
            assertThat((double) run.weights()[j]).isCloseTo(start[j] + sum[j] / weight, within(1e-5));
        }
        assertThat(run.weights()).isNotEqualTo(start);
    }

    /**
     * Every store takes part in every round (sampling rate 1), so each round is the Gaussian mechanism of
     * sensitivity {@code clipNorm} and noise {@code sigma * clipNorm}, whose RDP at order a is {@code a / (2 sigma^2)}
     * (Mironov 2017, "Renyi Differential Privacy", Proposition 7); R rounds add up to {@code R a / (2 sigma^2)}, and
     * {@code epsilon = min over a of R a / (2 sigma^2) + ln(1 / delta) / (a - 1)} (ibid., Proposition 3). Over real
     * orders the minimum is {@code R / (2 sigma^2) + sqrt(2 R ln(1 / delta)) / sigma}.
     */
    @Test
    void theEpsilonOverRoundsMatchesTheGaussianMechanismFormula() {
        FederatedGru gru = tinyGru();
        int rounds = 3;
        FederatedRun run = Coordinator.builder().rounds(rounds).clientPrivacy(8, 1e-5, 0.5).build()
                .run(gru.initialWeights(), stores(gru, 3, 0.5));
        double sigma = run.noiseMultiplier();
        double best = Double.POSITIVE_INFINITY;
        for (double a : io.retailgen.governance.privacy.RdpAccountant.defaultOrders()) {
            best = Math.min(best, rounds * a / (2 * sigma * sigma) + Math.log(1 / 1e-5) / (a - 1));
        }
        assertThat(run.epsilon()).isCloseTo(best, within(1e-9)).isLessThanOrEqualTo(8.0).isGreaterThan(7.9);
        double continuous = rounds / (2 * sigma * sigma) + Math.sqrt(2 * rounds * Math.log(1e5)) / sigma;
        assertThat(run.epsilon()).isGreaterThanOrEqualTo(continuous).isCloseTo(continuous, within(0.05 * continuous));
        // reference value by hand: 10 rounds at sigma 2 and delta 1e-5 give 10 / 8 + sqrt(20 ln 1e5) / 2 = 8.8370
        assertThat(new io.retailgen.governance.privacy.RdpAccountant().compose(1.0, 2.0, 10).epsilon(1e-5)
                .epsilon()).isCloseTo(8.8370, within(0.001));
        assertThat(run.delta()).isEqualTo(1e-5);
    }
}
