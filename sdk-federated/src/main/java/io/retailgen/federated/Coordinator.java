package io.retailgen.federated;

import io.retailgen.governance.privacy.RdpAccountant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs federated rounds over stores: every round each store publishes a fresh X25519 key, trains from the global
 * weights and sends its masked update; the coordinator adds the masked updates, which yields only their sum. When
 * stores drop out after the keys were exchanged, the survivors reveal the seeds they shared with them and the
 * coordinator removes those masks, so the round still counts (Bonawitz et al. 2017, without the self-masks and
 * secret sharing of the full protocol: see docs/privacy.md). The new global weights are the old ones plus the
 * weighted mean update (FedAvg, McMahan et al. 2017; FedProx when the stores train with a proximal term), optionally
 * scaled by a server learning rate and accumulated with server momentum (FedAvgM), or a step of an adaptive server
 * optimiser (FedAdagrad, FedAdam, FedYogi; Reddi et al. 2021) taking the mean update as its pseudo-gradient. With row
 * weighting ({@link Builder#rowWeighted}) the rows of a model's {@link ItemRows} are averaged over the stores' counts
 * for the row, which travel masked with the update, instead of over their update weights.
 *
 * <p>With client-level DP (McMahan et al. 2018, DP-FedAvg) each store clips its update to {@code clipNorm}, the
 * coordinator adds Gaussian noise of standard deviation {@code sigma * clipNorm} to the sum, and the RDP accountant
 * (every store taking part in every round: sampling rate 1) gives the epsilon over the rounds; sigma is the smallest
 * that keeps the planned rounds within the budget.
 *
 * <p>The coordinator sees only weight vectors, so it serves any {@link FederatedModel} (the session recommender's GRU,
 * the DeepAR-style demand network) the stores train.
 *
 * <pre>{@code
 * Coordinator c = Coordinator.builder().rounds(10).build();
 * FederatedRun run = c.run(model.initialWeights(), stores);     // stores: StoreClient<D> or remote channels
 * }</pre>
 *
 * <p>Immutable; {@link #run} may be called again.
 */
public final class Coordinator {

    private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);

    private final int rounds;
    private final int minStores;
    private final double epsilon;
    private final double delta;
    private final double clipNorm;
    private final long seed;
    private final double serverLearningRate;
    private final double serverMomentum;
    private final ServerOptimiser serverOptimiser;
    private final double serverTau;
    private final ItemRows rows;

    private Coordinator(Builder b) {
        this.rounds = b.rounds;
        this.minStores = b.minStores;
        this.epsilon = b.epsilon;
        this.delta = b.delta;
        this.clipNorm = b.clipNorm;
        this.seed = b.seed;
        this.serverLearningRate = b.serverLearningRate;
        this.serverMomentum = b.serverMomentum;
        this.serverOptimiser = b.serverOptimiser;
        this.serverTau = b.serverTau;
        this.rows = b.rows;
    }

    /**
     * How the coordinator turns the round's mean update (a pseudo-gradient) into a step (Reddi et al. 2021, "Adaptive
     * Federated Optimization", Algorithm 2). The adaptive ones keep a first moment {@code m = b1 m + (1 - b1) u} with
     * {@code b1 = 0.9} and a second moment {@code v} per weight, starting at {@code tau^2}, and step by
     * {@code lr m / (sqrt(v) + tau)}.
     */
    public enum ServerOptimiser {
        /** The mean update itself, scaled by the server learning rate, with optional server momentum (FedAvgM). */
        FEDAVG,
        /** {@code v = v + u^2}. */
        FEDADAGRAD,
        /** {@code v = b2 v + (1 - b2) u^2}, {@code b2 = 0.99}. */
        FEDADAM,
        /** {@code v = v - (1 - b2) u^2 sign(v - u^2)}, {@code b2 = 0.99}. */
        FEDYOGI
    }

    /** The adaptive server optimisers' first-moment decay (Reddi et al. 2021). */
    static final double SERVER_BETA1 = 0.9;
    /** The adaptive server optimisers' second-moment decay (Reddi et al. 2021). */
    static final double SERVER_BETA2 = 0.99;

    /** The server optimiser's state across rounds: FedAvgM's velocity, or the adaptive ones' two moments. */
    private final class ServerState {
        private final double[] first;
        private final double[] second;

        ServerState(int size) {
            boolean adaptive = serverOptimiser != ServerOptimiser.FEDAVG;
            first = adaptive || serverMomentum > 0 ? new double[size] : null;
            second = adaptive ? new double[size] : null;
            if (second != null) {
                java.util.Arrays.fill(second, serverTau * serverTau);
            }
        }

        /** @return the change of weight {@code i} for its mean update {@code u} */
        double step(int i, double u) {
            switch (serverOptimiser) {
                case FEDAVG -> {
                    if (first == null) {
                        return serverLearningRate * u;
                    }
                    first[i] = serverMomentum * first[i] + u;
                    return serverLearningRate * first[i];
                }
                case FEDADAGRAD -> second[i] += u * u;
                case FEDADAM -> second[i] = SERVER_BETA2 * second[i] + (1 - SERVER_BETA2) * u * u;
                case FEDYOGI -> second[i] -= (1 - SERVER_BETA2) * u * u * Math.signum(second[i] - u * u);
                default -> throw new IllegalStateException(serverOptimiser.toString());
            }
            first[i] = SERVER_BETA1 * first[i] + (1 - SERVER_BETA1) * u;
            return serverLearningRate * first[i] / (Math.sqrt(second[i]) + serverTau);
        }
    }

    /** @return a builder: 10 rounds, at least 2 stores per round, no client-level DP */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether client-level DP is on */
    public boolean clientPrivacy() {
        return clipNorm > 0;
    }

    /** @return the update clipping norm stores must use, or 0 without client-level DP */
    public double clipNorm() {
        return clipNorm;
    }

    /**
     * @param initial the starting global weights
     * @param stores the stores (at least {@code minStores})
     * @return the final weights and the run's figures
     */
    public FederatedRun run(float[] initial, List<? extends StoreChannel> stores) {
        Objects.requireNonNull(initial, "initial == null");
        Objects.requireNonNull(stores, "stores == null");
        if (stores.size() < minStores) {
            throw new IllegalArgumentException("need at least " + minStores + " stores, got " + stores.size());
        }
        long distinct = stores.stream().map(StoreChannel::id).distinct().count();
        if (distinct != stores.size()) {
            throw new IllegalArgumentException("store ids must be unique");
        }
        double d = delta > 0 ? delta : Math.min(1e-5, 1.0 / stores.size());
        double sigma = clipNorm > 0 ? RdpAccountant.noiseMultiplier(epsilon, d, 1.0, rounds) : 0;
        SplittableRandom noise = new SplittableRandom(seed);
        long t0 = System.nanoTime();
        float[] global = initial.clone();
        ServerState state = new ServerState(global.length);
        int done = 0;
        int skipped = 0;
        int dropped = 0;
        long bytes = 0;
        long storeRounds = 0;
        for (int r = 1; r <= rounds; r++) {
            RoundOutcome o = round(r, global, stores, sigma, noise, state);
            dropped += o.dropped;
            bytes += o.bytes;
            storeRounds += o.participants;
            if (o.weights == null) {
                skipped++;
            } else {
                global = o.weights;
                done++;
            }
        }
        for (StoreChannel s : stores) {
            try {
                s.finalWeights(global);
            } catch (RuntimeException e) {
                LOG.warn("store {} did not take the final weights: {}", s.id(), e.getMessage());
            }
        }
        double eps = Double.NaN;
        if (sigma > 0) {
            eps = new RdpAccountant().compose(1.0, sigma, rounds).epsilon(d).epsilon();
        }
        return new FederatedRun(global, done, skipped, dropped, storeRounds == 0 ? 0 : bytes / (double) storeRounds,
                (System.nanoTime() - t0) / 1e9, eps, sigma > 0 ? d : Double.NaN, sigma);
    }

    private record RoundOutcome(float[] weights, int dropped, long bytes, int participants) {
    }

    /** One round; the returned weights are null when the round was lost. */
    RoundOutcome round(int r, float[] global, List<? extends StoreChannel> stores, double sigma,
            SplittableRandom noise, ServerState state) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        Map<String, StoreChannel> keyed = new LinkedHashMap<>();
        long bytes = 0;
        int dropped = 0;
        for (StoreChannel s : stores) {
            try {
                byte[] k = s.publicKey(r);
                keys.put(s.id(), k);
                keyed.put(s.id(), s);
                bytes += k.length;
            } catch (RuntimeException e) {
                dropped++;
                LOG.warn("round {}: store {} dropped before the key exchange: {}", r, s.id(), e.getMessage());
            }
        }
        int expected = global.length + 1 + (rows == null ? 0 : rows.rows());
        long[] sum = null;
        List<StoreChannel> survivors = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (StoreChannel s : keyed.values()) {
            try {
                long[] u = s.maskedUpdate(r, global, keys);
                if (u.length != expected) {
                    throw new IllegalArgumentException("update of " + u.length + " values, expected " + expected
                            + (rows == null ? "" : " (weights, update weight, one count per item row)"));
                }
                sum = sum == null ? u.clone() : add(sum, u);
                survivors.add(s);
                bytes += 8L * u.length;
            } catch (RuntimeException e) {
                gone.add(s.id());
                dropped++;
                LOG.warn("round {}: store {} dropped during training: {}", r, s.id(), e.getMessage());
            }
        }
        if (survivors.size() < minStores || sum == null) {
            LOG.warn("round {}: only {} stores sent updates (need {}); round skipped", r, survivors.size(), minStores);
            return new RoundOutcome(null, dropped, bytes, keyed.size());
        }
        for (StoreChannel s : survivors) {
            if (gone.isEmpty()) {
                break;
            }
            Map<String, byte[]> seeds;
            try {
                seeds = s.revealSeeds(r, gone);
            } catch (RuntimeException e) {
                LOG.warn("round {}: store {} could not reveal seeds ({}); round skipped", r, s.id(), e.getMessage());
                return new RoundOutcome(null, dropped, bytes, keyed.size());
            }
            for (String g : gone) {
                byte[] seed = seeds.get(g);
                if (seed == null) {
                    LOG.warn("round {}: store {} did not reveal its seed with {}; round skipped", r, s.id(), g);
                    return new RoundOutcome(null, dropped, bytes, keyed.size());
                }
                bytes += seed.length;
                // the survivor applied sign(s, g) * mask(seed); take it back out
                PairwiseMasks.apply(sum, seed, -PairwiseMasks.sign(s.id(), g));
            }
        }
        double weight = FixedPoint.decode(sum[global.length]);
        if (!(weight > 0)) {
            LOG.warn("round {}: total update weight {} is not positive; round skipped", r, weight);
            return new RoundOutcome(null, dropped, bytes, keyed.size());
        }
        float[] next = new float[global.length];
        double std = sigma * clipNorm;
        for (int i = 0; i < next.length; i++) {
            double total = FixedPoint.decode(sum[i]) + (std > 0 ? std * noise.nextGaussian() : 0);
            double divisor = rowWeight(i, sum, global.length, weight);
            // a row no store of the round touched keeps its value
            double mean = divisor > 0 ? total / divisor : 0;
            next[i] = (float) (global[i] + state.step(i, mean));
        }
        LOG.info(String.format(Locale.ROOT, "round %d: %d stores, %d dropped, update weight %.0f", r,
                survivors.size(), gone.size(), weight));
        return new RoundOutcome(next, dropped, bytes, keyed.size());
    }

    /** @return the total weight weight {@code i}'s summed update is divided by: its row's count, or the round's */
    private double rowWeight(int i, long[] sum, int size, double weight) {
        int row = rows == null ? -1 : rows.rowOf(i);
        return row < 0 ? weight : FixedPoint.decode(sum[size + 1 + row]);
    }

    private static long[] add(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    /** Builds a {@link Coordinator}; setters validate at once. Not thread-safe. */
    public static final class Builder {
        private int rounds = 10;
        private int minStores = 2;
        private double epsilon;
        private double delta;
        private double clipNorm;
        private long seed = 42;
        private double serverLearningRate = 1;
        private double serverMomentum;
        private ServerOptimiser serverOptimiser = ServerOptimiser.FEDAVG;
        private double serverTau = 1e-3;
        private ItemRows rows;

        private Builder() {
        }

        /**
         * @param optimiser how the mean update becomes a step (default {@link ServerOptimiser#FEDAVG}); the adaptive
         *     ones want a server learning rate around 1e-2 to 1e-1 and no server momentum (their first moment is it)
         * @param tau the adaptive optimisers' degree of adaptivity, {@code > 0} (Reddi et al. use 1e-3)
         * @return this builder
         */
        public Builder serverOptimiser(ServerOptimiser optimiser, double tau) {
            serverOptimiser = java.util.Objects.requireNonNull(optimiser, "optimiser == null");
            if (!(tau > 0) || Double.isInfinite(tau)) {
                throw new IllegalArgumentException("server tau must be finite and > 0, was " + tau);
            }
            serverTau = tau;
            return this;
        }

        /**
         * Row weighting of a block of item rows ({@link ItemRows}): every store's update then carries one count per
         * row after the update weight, and a row is averaged over the counts instead of the update weights. The
         * stores must be built with row weighting on the same model. Not with client-level DP.
         *
         * @param itemRows the block, or null for none (the default)
         * @return this builder
         */
        public Builder rowWeighted(ItemRows itemRows) {
            rows = itemRows;
            return this;
        }

        /**
         * @param rate the server's step along the (noised) mean update, {@code > 0} (default 1: plain FedAvg)
         * @return this builder
         */
        public Builder serverLearningRate(double rate) {
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("serverLearningRate must be finite and > 0, was " + rate);
            }
            serverLearningRate = rate;
            return this;
        }

        /**
         * Server momentum (FedAvgM, Hsu et al. 2019): the server steps along {@code v = momentum * v + mean update}
         * rather than the round's mean update alone. It only post-processes the (noised) sum, so privacy is unchanged.
         *
         * @param momentum in {@code [0, 1)} (default 0: plain FedAvg)
         * @return this builder
         */
        public Builder serverMomentum(double momentum) {
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("serverMomentum must be in [0, 1), was " + momentum);
            }
            serverMomentum = momentum;
            return this;
        }

        /** @param n rounds, {@code >= 1} (default 10) @return this builder */
        public Builder rounds(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("rounds must be >= 1, was " + n);
            }
            rounds = n;
            return this;
        }

        /** @param n the fewest updates a round needs, {@code >= 2} (default 2) @return this builder */
        public Builder minStores(int n) {
            if (n < 2) {
                throw new IllegalArgumentException("minStores must be >= 2 (one update alone is not hidden), was "
                        + n);
            }
            minStores = n;
            return this;
        }

        /**
         * Client-level differential privacy.
         *
         * @param epsilon the budget over all rounds, {@code > 0}
         * @param delta in {@code (0, 1)}, or 0 for {@code min(1e-5, 1 / stores)}
         * @param clipNorm the L2 bound of a store's update (the stores must clip to the same), {@code > 0}
         * @return this builder
         */
        public Builder clientPrivacy(double epsilon, double delta, double clipNorm) {
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("epsilon must be finite and > 0, was " + epsilon);
            }
            if (!(delta >= 0 && delta < 1)) {
                throw new IllegalArgumentException("delta must be in (0, 1) (or 0 for the default), was " + delta);
            }
            if (!(clipNorm > 0) || Double.isInfinite(clipNorm)) {
                throw new IllegalArgumentException("clipNorm must be finite and > 0, was " + clipNorm);
            }
            this.epsilon = epsilon;
            this.delta = delta;
            this.clipNorm = clipNorm;
            return this;
        }

        /** @param seed the seed of the client-level DP noise (default 42) @return this builder */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @return the coordinator */
        public Coordinator build() {
            if (rows != null && clipNorm > 0) {
                throw new IllegalStateException("row weighting cannot be combined with client-level DP: a store's "
                        + "counts are not covered by the update's clip bound");
            }
            if (serverOptimiser != ServerOptimiser.FEDAVG && serverMomentum > 0) {
                throw new IllegalStateException("server momentum applies to " + ServerOptimiser.FEDAVG + " only; "
                        + serverOptimiser + " keeps its own first moment");
            }
            return new Coordinator(this);
        }
    }
}
