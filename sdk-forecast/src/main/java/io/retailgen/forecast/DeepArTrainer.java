package io.retailgen.forecast;

import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.train.TrainingListener;
import io.retailgen.core.train.TrainingSupport;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Trains a {@link DeepArModel}: one small network, trained globally across series, that predicts a Gaussian for the
 * next (scaled) value from the last {@code window} values and from drivers known ahead. Immutable and thread-safe;
 * {@link #train} may be called more than once (each call trains a new model).
 *
 * <pre>{@code
 * DeepArTrainer trainer = DeepArTrainer.builder().drivers("discount").window(8).epochs(30).seed(7L).build();
 * try (DeepArModel model = trainer.train(history)) {    // List<TimeSeries> with a "discount" covariate
 *     model.toBundle("weekly-demand", "1").saveTo(Path.of("models/deepar"));
 * }
 * }</pre>
 *
 * <p>Training needs {@code io.retailgen:sdk-training} on the class path; without it {@link #train} says so. Training
 * is deterministic for a seed on the CPU.
 */
public final class DeepArTrainer {

    final List<String> drivers;
    final int window;
    final int hidden;
    final int epochs;
    final int batchSize;
    final float learningRate;
    final long seed;
    final int threads;
    final Device device;
    final TrainingListener listener;

    private DeepArTrainer(Builder b) {
        this.drivers = b.drivers;
        this.window = b.window;
        this.hidden = b.hidden;
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.learningRate = b.learningRate;
        this.seed = b.seed;
        this.threads = b.threads;
        this.device = b.device;
        this.listener = b.listener;
    }

    /**
     * @return a builder with defaults: no drivers, window 8, hidden 32, 30 epochs, batch 128, learning rate 0.005,
     *     seed 42, 1 PyTorch thread, CPU, no listener
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains on every window of {@code window + 1} consecutive values of the given series, exports the network to
     * ONNX and checks that ONNX Runtime reproduces it.
     *
     * @param series the training series; covariates named by the drivers are used where present
     * @return the trained model, ready to sample on the CPU; close it when done
     * @throws IllegalArgumentException when the series give no training window
     * @throws RetailGenException {@link ErrorCode#ENGINE_UNAVAILABLE} when sdk-training is not on the class path,
     *     {@link ErrorCode#TRAINING_FAILED} when training diverges, {@link ErrorCode#EXPORT_FAILED} when ONNX
     *     Runtime does not reproduce the trained network
     */
    public DeepArModel train(List<TimeSeries> series) {
        Objects.requireNonNull(series, "series == null");
        TrainingSupport.require("the DeepAR scenario model");
        return DeepArTraining.train(this, series);
    }

    /** @return the driver names the trained model is conditioned on */
    public List<String> drivers() {
        return drivers;
    }

    /** @return the seed of initialisation, shuffling and the engine */
    public long seed() {
        return seed;
    }

    /** @return PyTorch's intra-op threads while training */
    public int threads() {
        return threads;
    }

    /** @return the training device */
    public Device device() {
        return device;
    }

    /** The seed as the training engine takes it: unchanged when it fits an int, else folded. */
    int engineSeed() {
        return seed == (int) seed ? (int) seed : Long.hashCode(seed);
    }

    Map<String, String> hyperParameters() {
        Map<String, String> h = new TreeMap<>();
        h.put("window", String.valueOf(window));
        h.put("hidden", String.valueOf(hidden));
        h.put("epochs", String.valueOf(epochs));
        h.put("batch_size", String.valueOf(batchSize));
        h.put("learning_rate", String.valueOf(learningRate));
        h.put("drivers", String.join(",", drivers));
        h.put("likelihood", "gaussian on log(y / scale + 0.05)");
        return h;
    }

    @Override
    public String toString() {
        return "DeepArTrainer" + hyperParameters() + ", seed " + seed + ", threads " + threads + ", " + device;
    }

    /** Builds a {@link DeepArTrainer}. Setters validate at once. Not thread-safe. */
    public static final class Builder {
        private List<String> drivers = List.of();
        private int window = 8;
        private int hidden = 32;
        private int epochs = 30;
        private int batchSize = 128;
        private float learningRate = 0.005f;
        private long seed = 42;
        private int threads = 1;
        private Device device = Device.cpu();
        private TrainingListener listener;

        private Builder() {
        }

        /**
         * @param names the covariate names to condition on (discount depth, channel mix), distinct and non-blank
         * @return this
         */
        public Builder drivers(String... names) {
            this.drivers = GenerativeArguments.driverNames(names);
            return this;
        }

        /**
         * @param lags how many past values the network sees, 1 to 256
         * @return this
         */
        public Builder window(int lags) {
            this.window = range("window", lags, 1, 256);
            return this;
        }

        /**
         * @param units hidden units, 1 to 4,096
         * @return this
         */
        public Builder hidden(int units) {
            this.hidden = range("hidden", units, 1, 4096);
            return this;
        }

        /**
         * @param count passes over the training windows, 1 to 10,000
         * @return this
         */
        public Builder epochs(int count) {
            this.epochs = range("epochs", count, 1, 10_000);
            return this;
        }

        /**
         * @param size windows per step, 1 to 65,536
         * @return this
         */
        public Builder batchSize(int size) {
            this.batchSize = range("batchSize", size, 1, 65_536);
            return this;
        }

        /**
         * @param rate the Adam learning rate, in (0, 1]
         * @return this
         */
        public Builder learningRate(float rate) {
            this.learningRate = GenerativeArguments.learningRate(rate);
            return this;
        }

        /**
         * @param value the seed of initialisation, shuffling and the engine
         * @return this
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param count PyTorch's intra-op threads while training, {@code >= 1} (default 1: the fastest for this
         *     small network, in a host JVM as in the CLI)
         * @return this
         */
        public Builder threads(int count) {
            this.threads = GenerativeArguments.threads(count);
            return this;
        }

        /**
         * @param target the training device (default CPU); the trained model samples on the CPU, load its bundle
         *     with {@link DeepArModel#fromBundle(io.retailgen.core.bundle.ModelBundle, Device)} for another device
         * @return this
         */
        public Builder device(Device target) {
            this.device = Objects.requireNonNull(target, "device == null");
            return this;
        }

        /**
         * @param trainingListener receives step and epoch events
         * @return this
         */
        public Builder listener(TrainingListener trainingListener) {
            this.listener = Objects.requireNonNull(trainingListener, "listener == null");
            return this;
        }

        /** @return the trainer */
        public DeepArTrainer build() {
            return new DeepArTrainer(this);
        }

        private static int range(String name, int value, int min, int max) {
            return GenerativeArguments.range(name, value, min, max);
        }
    }
}
