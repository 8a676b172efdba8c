package io.retailgen.federated;

import java.util.Objects;

/**
 * How a store adapts the final shared weights to its own data after federated training, inside the store: it trains
 * from the shared weights on its own data ({@code fineTuning}'s local training, with its own epochs and learning
 * rate), then optionally interpolates, {@code w = globalShare * shared + (1 - globalShare) * fineTuned}. Nothing of
 * it leaves the store: the store's only output to other parties stays its (clipped, noised) round updates, so with
 * client-level DP each store's personalised model is differentially private towards every other store's data (joint
 * differential privacy; Kearns et al. 2014, Jain et al. 2021, "Differentially Private Model Personalization").
 *
 * <pre>{@code
 * FederatedModel<List<Interaction>> tuning = FederatedModel.of(FederatedGru.of(fineTuningTrainer, catalog));
 * Personalisation<List<Interaction>> p = new Personalisation<>(tuning, 0.0);
 * float[] mine = store.personalised(run.weights(), p);          // stays with the store
 * }</pre>
 *
 * <p>Immutable; thread-safe when the model's local training is.
 *
 * @param <D> a store's training data
 */
public final class Personalisation<D> {

    private final FederatedModel<D> fineTuning;
    private final double globalShare;

    /**
     * @param fineTuning the model in the shared weights' layout whose local training is the store's fine-tuning
     * @param globalShare the share of the shared weights in the interpolation, in {@code [0, 1]} (0: the fine-tuned
     *     weights alone; 1: the shared weights unchanged)
     */
    public Personalisation(FederatedModel<D> fineTuning, double globalShare) {
        this.fineTuning = Objects.requireNonNull(fineTuning, "fineTuning == null");
        if (!(globalShare >= 0 && globalShare <= 1)) {
            throw new IllegalArgumentException("globalShare must be in [0, 1], was " + globalShare);
        }
        this.globalShare = globalShare;
    }

    /** @return the share of the shared weights in the interpolation */
    public double globalShare() {
        return globalShare;
    }

    /**
     * @param shared the final shared weights
     * @param data the store's own data
     * @return the store's personalised weights (a new array)
     */
    float[] apply(float[] shared, D data) {
        Objects.requireNonNull(shared, "shared == null");
        if (shared.length != fineTuning.size()) {
            throw new IllegalArgumentException("the shared weights have " + shared.length + " values, the "
                    + "fine-tuning model " + fineTuning.size());
        }
        float[] tuned = globalShare == 1 ? shared.clone() : fineTuning.trainLocally(shared, data, 0);
        float a = (float) globalShare;
        float[] out = new float[shared.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a * shared[i] + (1 - a) * tuned[i];
        }
        return out;
    }
}
