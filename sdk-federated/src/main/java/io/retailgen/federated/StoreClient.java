package io.retailgen.federated;

import java.security.KeyPair;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One store: its data (sessions for the recommender, series for the demand model) stays in this object (and so in
 * its process); per round it trains locally from the global weights, turns the change into a fixed-point update, and
 * masks it with the pairwise masks it agrees with every other store of the round, so that only the sum over stores
 * can be read. FedAvg weights an update by {@link FederatedModel#updateWeight} of the store's data (the
 * recommender's clicks, the demand model's training windows); with client-level DP ({@code clipNorm > 0}) every
 * update is clipped to that L2 norm and weighs 1. With row weighting the rows of the model's {@link ItemRows} weigh
 * the store's count for the row instead, and the counts follow the update weight, masked like the rest.
 *
 * <p>Thread-safe for one coordinator: rounds are expected one after the other. The store keeps a reference to its
 * data: do not change the data while rounds run.
 *
 * @param <D> the store's training data
 */
public final class StoreClient<D> implements StoreChannel {

    private final String id;
    private final D data;
    private final FederatedModel<D> model;
    private final double updateWeight;
    private final double proximalMu;
    private final double clipNorm;
    /** The block of item rows and this store's count per row, with row weighting; null without. */
    private final ItemRows rows;
    private final int[] rowCounts;
    private final Map<Integer, KeyPair> keys = new HashMap<>();
    private final Map<Integer, Map<String, byte[]>> peers = new HashMap<>();
    /** The plain (unmasked) encoded update of the last round; only for tests that check what leaves the store. */
    private volatile long[] lastPlainUpdate;
    private final CompletableFuture<float[]> finalWeights = new CompletableFuture<>();

    /**
     * @param id the store's id
     * @param data the store's data (kept here; never sent)
     * @param model the shared model shape and local trainer
     * @param proximalMu FedProx's proximal weight (0: FedAvg)
     * @param clipNorm the L2 bound of an update for client-level DP, or 0 without DP
     */
    public StoreClient(String id, D data, FederatedModel<D> model, double proximalMu, double clipNorm) {
        this(id, data, model, proximalMu, clipNorm, false);
    }

    /**
     * @param id the store's id
     * @param data the store's data (kept here; never sent)
     * @param model the shared model shape and local trainer
     * @param proximalMu FedProx's proximal weight (0: FedAvg)
     * @param clipNorm the L2 bound of an update for client-level DP, or 0 without DP
     * @param rowWeighted whether the update weighs each of the model's {@link ItemRows} by the store's count for the
     *     row and carries those counts (the coordinator must be built with the same rows); not with client-level DP
     */
    public StoreClient(String id, D data, FederatedModel<D> model, double proximalMu, double clipNorm,
            boolean rowWeighted) {
        this.id = Objects.requireNonNull(id, "id == null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("store id is blank");
        }
        this.data = Objects.requireNonNull(data, "data == null");
        this.model = Objects.requireNonNull(model, "model == null");
        this.updateWeight = model.updateWeight(data);
        if (!(updateWeight >= 0) || Double.isInfinite(updateWeight)) {
            throw new IllegalArgumentException("store " + id + ": update weight must be finite and >= 0, was "
                    + updateWeight);
        }
        if (!(proximalMu >= 0) || !(clipNorm >= 0) || Double.isInfinite(proximalMu) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("proximalMu and clipNorm must be finite and >= 0, were " + proximalMu
                    + " and " + clipNorm);
        }
        this.proximalMu = proximalMu;
        this.clipNorm = clipNorm;
        if (rowWeighted) {
            if (clipNorm > 0) {
                throw new IllegalArgumentException("store " + id + ": row weighting cannot be combined with "
                        + "client-level DP (the counts would leave the clipped update's bound)");
            }
            this.rows = model.itemRows();
            if (rows == null) {
                throw new IllegalArgumentException("store " + id + ": row weighting needs a model with item rows");
            }
            this.rowCounts = model.rowCounts(data).clone();
            if (rowCounts.length != rows.rows()) {
                throw new IllegalArgumentException("store " + id + ": " + rowCounts.length + " row counts for "
                        + rows.rows() + " item rows");
            }
        } else {
            this.rows = null;
            this.rowCounts = null;
        }
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * @return the weight of the store's updates in FedAvg (the recommender: its events; the demand model: its
     *     training windows)
     */
    public double updateWeight() {
        return updateWeight;
    }

    @Override
    public synchronized byte[] publicKey(int round) {
        KeyPair kp = keys.computeIfAbsent(round, r -> PairwiseMasks.newKeyPair());
        keys.keySet().removeIf(r -> r < round - 1);
        return PairwiseMasks.encode(kp.getPublic());
    }

    @Override
    public long[] maskedUpdate(int round, float[] global, Map<String, byte[]> publicKeys) {
        KeyPair mine;
        synchronized (this) {
            mine = keys.get(round);
        }
        if (mine == null) {
            throw new IllegalStateException("store " + id + " has no key for round " + round);
        }
        if (!publicKeys.containsKey(id)) {
            throw new IllegalArgumentException("the round's keys do not include store " + id);
        }
        float[] local = model.trainLocally(global, data, proximalMu);
        float[] delta = new float[local.length];
        double sq = 0;
        for (int i = 0; i < local.length; i++) {
            delta[i] = local[i] - global[i];
            sq += (double) delta[i] * delta[i];
        }
        float weight;
        if (clipNorm > 0) {
            double scale = Math.min(1, clipNorm / Math.max(Math.sqrt(sq), 1e-30));
            for (int i = 0; i < delta.length; i++) {
                delta[i] = (float) (delta[i] * scale);
            }
            weight = 1;
        } else {
            weight = (float) updateWeight;
            for (int i = 0; i < delta.length; i++) {
                delta[i] *= weight;
            }
            if (rows != null) {
                weighRows(delta);
            }
        }
        long[] update = FixedPoint.encode(delta, weight);
        if (rows != null) {
            update = withCounts(update);
        }
        lastPlainUpdate = update.clone();
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : publicKeys.entrySet()) {
            if (e.getKey().equals(id)) {
                continue;
            }
            byte[] seed = PairwiseMasks.seed(mine, e.getValue(), round, id, e.getKey());
            PairwiseMasks.apply(update, seed, PairwiseMasks.sign(id, e.getKey()));
            seeds.put(e.getKey(), seed);
        }
        synchronized (this) {
            peers.put(round, seeds);
            peers.keySet().removeIf(r -> r < round - 1);
        }
        return update;
    }

    @Override
    public synchronized Map<String, byte[]> revealSeeds(int round, List<String> dropped) {
        Map<String, byte[]> seeds = peers.get(round);
        if (seeds == null) {
            throw new IllegalStateException("store " + id + " sent no update in round " + round);
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String d : dropped) {
            if (d.equals(id)) {
                throw new IllegalArgumentException("store " + id + " did not drop out of round " + round);
            }
            byte[] s = seeds.get(d);
            if (s == null) {
                throw new IllegalArgumentException("store " + d + " was not in round " + round);
            }
            out.put(d, s.clone());
        }
        return out;
    }

    @Override
    public void finalWeights(float[] weights) {
        if (weights.length != model.size()) {
            throw new IllegalArgumentException("store " + id + ": final weights of " + weights.length + " values, the "
                    + "model has " + model.size());
        }
        finalWeights.complete(weights.clone());
    }

    /**
     * @return the run's final shared weights, completed when the coordinator sends them after the last round (a
     *     store process waits on it to personalise and serve them)
     */
    public CompletableFuture<float[]> sharedWeights() {
        return finalWeights.thenApply(float[]::clone);
    }

    /**
     * Adapts the final shared weights to this store's own data, here, after the rounds: nothing is sent to the
     * coordinator or to another store, so the store's output to others stays its round updates.
     *
     * @param shared the final shared weights of the federated run
     * @param personalisation how to adapt them
     * @return the store's own weights, to serve its own shoppers
     */
    public float[] personalised(float[] shared, Personalisation<D> personalisation) {
        Objects.requireNonNull(personalisation, "personalisation == null");
        if (shared.length != model.size()) {
            throw new IllegalArgumentException("store " + id + ": the shared weights have " + shared.length
                    + " values, the model " + model.size());
        }
        return personalisation.apply(shared, data);
    }

    /** Item rows weigh the store's count for the row instead of its whole update weight. */
    private void weighRows(float[] delta) {
        for (ItemRows.Block b : rows.blocks()) {
            for (int r = 0; r < rows.rows(); r++) {
                float scale = updateWeight > 0 ? (float) (rowCounts[r] / updateWeight) : 0f;
                int at = b.offset() + r * b.width();
                for (int j = 0; j < b.width(); j++) {
                    delta[at + j] *= scale;
                }
            }
        }
    }

    /** The encoded update followed by the row counts, masked together. */
    private long[] withCounts(long[] update) {
        long[] out = java.util.Arrays.copyOf(update, update.length + rowCounts.length);
        for (int r = 0; r < rowCounts.length; r++) {
            out[update.length + r] = Math.round(rowCounts[r] * FixedPoint.SCALE);
        }
        return out;
    }

    long[] lastPlainUpdate() {
        return lastPlainUpdate;
    }
}
