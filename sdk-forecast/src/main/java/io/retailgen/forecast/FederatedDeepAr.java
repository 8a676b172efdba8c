package io.retailgen.forecast;

import io.retailgen.core.Device;
import io.retailgen.core.bundle.DataFingerprint;
import io.retailgen.core.bundle.Provenance;
import io.retailgen.core.train.TrainingSupport;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@link DeepArModel} network as one flat weight vector, for federated training across stores: each store trains
 * locally from the global weights on its own series ({@link #trainLocally}), and only weight vectors travel. A series
 * is scaled by its own history's mean inside the store, so no statistic of a store's data leaves it either.
 *
 * <pre>{@code
 * FederatedDeepAr net = FederatedDeepAr.of(DeepArTrainer.builder().window(12).epochs(3).seed(1L).build());
 * float[] global = net.initialWeights();
 * float[] local = net.trainLocally(global, storeSeries, 0.0);   // FedAvg; a mu > 0 is FedProx
 * try (DeepArModel model = net.model(global)) {                   // sample from the global weights
 *     ScenarioSet paths = model.sample(history, 12, Map.of(), 500, 1);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; local trainings in one JVM run one at a time (DJL collects gradients engine-wide).
 * {@link #trainLocally} needs {@code io.retailgen:sdk-training}; {@link #model} does not.
 */
public final class FederatedDeepAr {

    private final DeepArTrainer trainer;
    private final DeepArGraph graph;

    private FederatedDeepAr(DeepArTrainer trainer) {
        this.trainer = trainer;
        this.graph = DeepArGraph.of(trainer);
    }

    /**
     * @param trainer the network's settings (window, hidden units, drivers, seed); its epochs are the epochs a store
     *     trains per round, each round with a fresh Adam state and the trainer's cosine learning-rate schedule
     * @return the model shape
     */
    public static FederatedDeepAr of(DeepArTrainer trainer) {
        return new FederatedDeepAr(Objects.requireNonNull(trainer, "trainer == null"));
    }

    /** @return the number of values in a weight vector */
    public int size() {
        return graph.size();
    }

    /** @return the seeded starting weights (the same for every store with the same trainer seed) */
    public float[] initialWeights() {
        return graph.initial(trainer.seed());
    }

    /**
     * @param series a store's series
     * @return how many training windows they give (FedAvg weighs a store's update by this)
     */
    public int trainingWindows(List<TimeSeries> series) {
        Objects.requireNonNull(series, "series == null");
        int n = 0;
        for (TimeSeries s : series) {
            n += DeepArModel.Prepared.of(s, trainer.drivers, trainer.window).windows(trainer.window);
        }
        return n;
    }

    /**
     * Trains from {@code global} on one store's series for the trainer's epochs.
     *
     * @param global the current global weights ({@link #size()} values)
     * @param series the store's series
     * @param proximalMu FedProx's proximal weight, {@code >= 0} (0: plain FedAvg local training)
     * @return the store's new weights (a copy of the global ones when its series give no training window)
     */
    public float[] trainLocally(float[] global, List<TimeSeries> series, double proximalMu) {
        Objects.requireNonNull(global, "global == null");
        Objects.requireNonNull(series, "series == null");
        if (!(proximalMu >= 0) || Double.isInfinite(proximalMu)) {
            throw new IllegalArgumentException("proximalMu must be finite and >= 0, was " + proximalMu);
        }
        TrainingSupport.require("the DeepAR scenario model");
        // DJL's gradient collection is global to the engine: stores sharing a JVM train one after the other
        synchronized (FederatedDeepAr.class) {
            return DeepArTraining.trainFrom(trainer, series, global, proximalMu);
        }
    }

    /**
     * @param weights global weights
     * @return a model that samples from them on the CPU (through ONNX Runtime); close it when done
     */
    public DeepArModel model(float[] weights) {
        Objects.requireNonNull(weights, "weights == null");
        byte[] onnx = graph.export(weights, DeepArGraph.docString(trainer));
        ByteBuffer bb = ByteBuffer.allocate(4 * weights.length);
        bb.asFloatBuffer().put(weights);
        String fingerprint = DataFingerprint.ofBytes(bb.array());
        Map<String, String> hyper = new TreeMap<>(trainer.hyperParameters());
        hyper.put("training", "federated");
        Provenance prov = Provenance.capture(fingerprint, 0, hyper, trainer.seed(), Map.of());
        String version = fingerprint.replaceAll("[^0-9a-fA-F]", "");
        version = version.substring(0, Math.min(12, version.length()));
        return new DeepArModel(trainer.window, trainer.hidden, trainer.drivers, onnx, prov,
                DeepArModel.TRAINED_NAME, version.isEmpty() ? "0" : version, Device.cpu());
    }
}
