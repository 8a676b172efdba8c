package io.retailgen.recommend;

import io.retailgen.core.train.TrainingSupport;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The GRU sequence model as one flat weight vector over a shared item catalog, for federated training across stores:
 * each store trains locally from the global weights on its own sessions ({@link #trainLocally}), and only weight
 * vectors travel. The catalog (the item ids every store sells) is treated as public and fixes the vector's layout.
 *
 * <pre>{@code
 * FederatedGru gru = FederatedGru.of(RecommendTrainer.builder().epochs(2).build(), catalog);
 * float[] global = gru.initialWeights();
 * float[] local = gru.trainLocally(global, storeEvents, 0.0);     // FedAvg; a mu > 0 is FedProx
 * RecommendModel model = gru.model(global, null);                 // serve the global weights
 * }</pre>
 *
 * <p>Immutable and thread-safe; local trainings in one JVM run one at a time (DJL collects gradients engine-wide).
 */
public final class FederatedGru {

    private final TrainSettings settings;
    private final RecommendTrainer trainer;
    private final ItemVocab vocab;

    private FederatedGru(RecommendTrainer trainer, ItemVocab vocab) {
        this.trainer = trainer;
        this.settings = trainer.settings();
        this.vocab = vocab;
    }

    /**
     * @param trainer the GRU settings; its epochs are the local epochs per round (it must train the sequence model)
     * @param catalog the item ids, in a fixed order agreed by every store
     * @return the model shape
     */
    public static FederatedGru of(RecommendTrainer trainer, List<String> catalog) {
        Objects.requireNonNull(trainer, "trainer == null");
        Objects.requireNonNull(catalog, "catalog == null");
        if (catalog.isEmpty()) {
            throw new IllegalArgumentException("the catalog is empty");
        }
        if (!trainer.sequenceModel()) {
            throw new IllegalArgumentException("federated training trains the sequence model: do not turn it off");
        }
        return new FederatedGru(trainer, new ItemVocab(catalog.toArray(String[]::new)));
    }

    /** @return the number of values in a weight vector */
    public int size() {
        int h = settings.hidden();
        int cd = settings.contextDim();
        int in = h + 2 * cd;
        int n = vocab.size();
        return n * h + n + (cd > 0 ? (GruWeightsData.DEVICE_SLOTS + GruWeightsData.HOUR_SLOTS) * cd : 0)
                + 3 * h * in + 3 * h * h + 6 * h;
    }

    /** @return the rows of the item table, one per catalog item in catalog order, which open the weight vector */
    public int itemRows() {
        return vocab.size();
    }

    /** @return the values in one item-table row (the GRU's hidden size) */
    public int itemRowWidth() {
        return settings.hidden();
    }

    /**
     * @param events a store's events; items outside the catalog are dropped
     * @return for every catalog item, the number of the events' sessions that contain it
     */
    public int[] itemSessionCounts(List<Interaction> events) {
        Objects.requireNonNull(events, "events == null");
        SessionLog log = SessionLog.of(events, vocab);
        int[] counts = new int[vocab.size()];
        int[] lastSession = new int[vocab.size()];
        java.util.Arrays.fill(lastSession, -1);
        for (int s = 0; s < log.sessionCount(); s++) {
            for (int at = log.start[s]; at < log.start[s + 1]; at++) {
                int item = log.items[at];
                if (lastSession[item] != s) {
                    lastSession[item] = s;
                    counts[item]++;
                }
            }
        }
        return counts;
    }

    /** @return the seeded starting weights (the same for every store with the same trainer seed) */
    public float[] initialWeights() {
        SplittableRandom rnd = new SplittableRandom(settings.seed());
        int h = settings.hidden();
        int cd = settings.contextDim();
        float[] out = new float[size()];
        int n = vocab.size();
        int at = 0;
        at = uniform(out, at, n * h, 1.0 / Math.sqrt(h), rnd);
        at += n;                                          // output bias starts at zero
        at = uniform(out, at, (GruWeightsData.DEVICE_SLOTS + GruWeightsData.HOUR_SLOTS) * cd, 0.1, rnd);
        uniform(out, at, out.length - at, 1.0 / Math.sqrt(h), rnd);
        return out;
    }

    /**
     * Trains from {@code global} on one store's events for the trainer's epochs.
     *
     * @param global the current global weights ({@link #size()} values)
     * @param events the store's events; items outside the catalog are dropped
     * @param proximalMu FedProx's proximal weight, {@code >= 0} (0: plain FedAvg local training)
     * @return the store's new weights (the global ones when the store has no session of two clicks)
     */
    public float[] trainLocally(float[] global, List<Interaction> events, double proximalMu) {
        Objects.requireNonNull(events, "events == null");
        if (!(proximalMu >= 0) || Double.isInfinite(proximalMu)) {
            throw new IllegalArgumentException("proximalMu must be finite and >= 0, was " + proximalMu);
        }
        TrainingSupport.require("the recommender's sequence model");
        GruWeightsData start = weights(global);
        SessionLog log = SessionLog.of(events, vocab);
        // DJL's gradient collection is global to the engine: stores sharing a JVM train one after the other
        synchronized (FederatedGru.class) {
            return localRound(start, log, proximalMu);
        }
    }

    private float[] localRound(GruWeightsData start, SessionLog log, double proximalMu) {
        return new GruTrainer(settings.gruParams(), settings.threads(), trainer.device(), new io.retailgen.core.train
                .TrainingListener() { }).train(log, start, (float) proximalMu).weights().flatten();
    }

    /**
     * @param weights global weights
     * @param privacy the client-level differential privacy of the training, or null
     * @return a servable model of the weights that keeps no sessions
     */
    public RecommendModel model(float[] weights, TrainingPrivacy privacy) {
        return RecommendModel.ofWeights(weights(weights), vocab, settings, privacy, 0, 0);
    }

    /**
     * A store's own served model: the given weights plus the store's own sessions, which feed session kNN,
     * co-occurrence and popularity at serving time. Meant for a store serving its own shoppers after federated
     * training: the sessions are the store's, never another store's, and stay with it.
     *
     * @param weights weights in this model's layout (for example the store's personalised weights)
     * @param privacy the differential privacy of the served model as a whole, or null; a model adapted on the store's
     *     own sessions or holding them is not private towards them, so it takes null
     * @param ownSessions the store's own events (items outside the catalog are dropped); empty for none
     * @return a servable model
     */
    public RecommendModel model(float[] weights, TrainingPrivacy privacy, List<Interaction> ownSessions) {
        Objects.requireNonNull(ownSessions, "ownSessions == null");
        return RecommendModel.ofWeights(weights(weights), SessionLog.of(ownSessions, vocab), settings, privacy, 0,
                0);
    }

    private GruWeightsData weights(float[] flat) {
        Objects.requireNonNull(flat, "weights == null");
        return GruWeightsData.unflatten(flat, vocab.size(), settings.hidden(), settings.contextDim());
    }

    private static int uniform(float[] out, int at, int count, double bound, SplittableRandom r) {
        for (int i = 0; i < count; i++) {
            out[at + i] = (float) ((r.nextDouble() * 2 - 1) * bound);
        }
        return at + count;
    }
}
