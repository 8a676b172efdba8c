package io.retailgen.federated;

import java.util.List;
import java.util.Map;

/**
 * How the {@link Coordinator} talks to one store, in process ({@link StoreClient} itself) or over the network. One
 * round is: {@link #publicKey}, then {@link #maskedUpdate}, then, when stores dropped out, {@link #revealSeeds}.
 * A call that throws counts as the store dropping out of the round.
 */
public interface StoreChannel {

    /** @return the store's id, unique among the round's stores */
    String id();

    /**
     * @param round the round number
     * @return the store's fresh X25519 public key for the round (X.509 encoding)
     */
    byte[] publicKey(int round);

    /**
     * Trains locally from the global weights and returns the masked, fixed-point update.
     *
     * @param round the round number
     * @param global the global weights
     * @param publicKeys every store's public key of the round, by id (this store's included)
     * @return the masked update
     */
    long[] maskedUpdate(int round, float[] global, Map<String, byte[]> publicKeys);

    /**
     * Reveals the mask seeds this store shares with stores that dropped out after the keys were exchanged, so that
     * the coordinator can remove their masks from the sum.
     *
     * @param round the round number
     * @param dropped the ids of the stores that sent no update
     * @return the seed shared with each dropped store, by id
     */
    Map<String, byte[]> revealSeeds(int round, List<String> dropped);

    /**
     * Receives the run's final shared weights after the last round, so that the store can serve them or adapt them
     * to its own data ({@link StoreClient#personalised}). The store answers nothing; a call that throws is logged
     * and changes nothing of the run. Does nothing unless overridden.
     *
     * @param weights the final shared weights
     */
    default void finalWeights(float[] weights) {
    }
}
