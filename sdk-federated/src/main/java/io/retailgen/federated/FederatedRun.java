package io.retailgen.federated;

/**
 * The outcome of {@link Coordinator#run}.
 *
 * @param weights the final global weights
 * @param rounds the rounds that updated the model
 * @param skippedRounds rounds lost (too few stores, or a survivor failed to reveal seeds)
 * @param droppedStores store drop-outs summed over rounds
 * @param bytesPerStoreRound bytes a store sent per round on average (public key, masked update, revealed seeds)
 * @param seconds wall-clock time
 * @param epsilon the client-level epsilon spent, or NaN without client-level DP
 * @param delta its delta, or NaN
 * @param noiseMultiplier the noise multiplier of client-level DP, or 0
 */
public record FederatedRun(float[] weights, int rounds, int skippedRounds, int droppedStores,
        double bytesPerStoreRound, double seconds, double epsilon, double delta, double noiseMultiplier) {
}
