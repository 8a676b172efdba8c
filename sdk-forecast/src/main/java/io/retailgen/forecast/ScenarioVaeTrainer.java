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
 * Trains a {@link ScenarioVae}: a conditional variational autoencoder over blocks of future values. The encoder maps
 * a context (the last {@code context} values and the drivers) together with the following {@code block} values to a
 * Gaussian latent; the decoder maps a latent and the context with its drivers to a Gaussian for each of the
 * {@code block} future values. The objective per training window is
 *
 * <pre>
 *   NLL(block | decoder(mu + sigma * eps, context))          likelihood, latent reparameterised
 * + klWeight * KL(q(latent | context, block) || N(0, I))       regularisation
 * + diversityWeight * tau / (tau + d_y / d_z)                 diversity
 * </pre>
 *
 * where {@code d_y} is the mean absolute difference between the decoded means of two latents drawn from the prior
 * for the same context and {@code d_z} the mean absolute difference between those two latents (tau = 0.1). The
 * diversity term is 1 when the decoder ignores the latent (every sample of a context alike) and falls towards 0 as
 * decoded samples spread; it rewards spread per unit of latent distance, so it cannot be won by one extreme sample.
 * Immutable and thread-safe; {@link #train} may be called more than once.
 *
 * <pre>{@code
 * ScenarioVaeTrainer trainer = ScenarioVaeTrainer.builder().drivers("discount").context(24).block(12)
 *         .epochs(30).seed(7L).build();
 * try (ScenarioVae model = trainer.train(history)) {       // List<TimeSeries> with a "discount" covariate
 *     model.toBundle("monthly-demand", "1").saveTo(Path.of("models/vae"));
 * }
 * }</pre>
 *
 * <p>Training needs {@code io.retailgen:sdk-training} on the class path; without it {@link #train} says so. It is
 * deterministic for a seed on the CPU. At most {@link Builder#maxWindows} windows are drawn (seeded) from the series,
 * which bounds the training time on large collections.
 */
public final class ScenarioVaeTrainer {

    /** The tau of the diversity term. */
    static final double DIVERSITY_TAU = 0.1;

    final List<String> drivers;
    final int context;
    final int block;
    final int latent;
    final int hidden;
    final int epochs;
    final int batchSize;
    final float learningRate;
    final double klWeight;
    final double diversityWeight;
    final int maxWindows;
    final long seed;
    final int threads;
    final Device device;
    final TrainingListener listener;

    private ScenarioVaeTrainer(Builder b) {
        this.drivers = b.drivers;
        this.context = b.context;
        this.block = b.block;
        this.latent = b.latent;
        this.hidden = b.hidden;
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.learningRate = b.learningRate;
        this.klWeight = b.klWeight;
        this.diversityWeight = b.diversityWeight;
        this.maxWindows = b.maxWindows;
        this.seed = b.seed;
        this.threads = b.threads;
        this.device = b.device;
        this.listener = b.listener;
    }

    /**
     * @return a builder with defaults: no drivers, context 24, block 12, latent 4, hidden 32, 30 epochs, batch 128,
     *     learning rate 0.005, KL weight 1, diversity weight 0.1, at most 20,000 windows, seed 42, 1 PyTorch thread,
     *     CPU, no listener
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains on windows of {@code context + block} consecutive values of the given series, exports the decoder to
     * ONNX and checks that ONNX Runtime reproduces it.
     *
     * @param series the training series; covariates named by the drivers are used where present (zero elsewhere)
     * @return the trained model, ready to sample on the CPU; close it when done
     * @throws IllegalArgumentException when the series give no training window
     * @throws RetailGenException {@link ErrorCode#ENGINE_UNAVAILABLE} when sdk-training is not on the class path,
     *     {@link ErrorCode#TRAINING_FAILED} when training diverges, {@link ErrorCode#EXPORT_FAILED} when ONNX
     *     Runtime does not reproduce the trained decoder
     */
    public ScenarioVae train(List<TimeSeries> series) {
        Objects.requireNonNull(series, "series == null");
        TrainingSupport.require("the scenario VAE");
        return ScenarioVaeTraining.train(this, series);
    }

    /** @return the driver names the trained model is conditioned on */
    public List<String> drivers() {
        return drivers;
    }

    /** @return the seed of initialisation, window sampling, shuffling and the engine */
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

    int engineSeed() {
        return seed == (int) seed ? (int) seed : Long.hashCode(seed);
    }

    Map<String, String> hyperParameters() {
        Map<String, String> h = new TreeMap<>();
        h.put("context", String.valueOf(context));
        h.put("block", String.valueOf(block));
        h.put("latent", String.valueOf(latent));
        h.put("hidden", String.valueOf(hidden));
        h.put("epochs", String.valueOf(epochs));
        h.put("batch_size", String.valueOf(batchSize));
        h.put("learning_rate", String.valueOf(learningRate));
        h.put("kl_weight", String.valueOf(klWeight));
        h.put("diversity_weight", String.valueOf(diversityWeight));
        h.put("max_windows", String.valueOf(maxWindows));
        h.put("drivers", String.join(",", drivers));
        h.put("likelihood", "gaussian on log(y / context mean + 0.05)");
        return h;
    }

    @Override
    public String toString() {
        return "ScenarioVaeTrainer" + hyperParameters() + ", seed " + seed + ", threads " + threads + ", " + device;
    }

    /** Builds a {@link ScenarioVaeTrainer}. Setters validate at once. Not thread-safe. */
    public static final class Builder {
        private List<String> drivers = List.of();
        private int context = 24;
        private int block = 12;
        private int latent = 4;
        private int hidden = 32;
        private int epochs = 30;
        private int batchSize = 128;
        private float learningRate = 0.005f;
        private double klWeight = 1;
        private double diversityWeight = 0.1;
        private int maxWindows = 20_000;
        private long seed = 42;
        private int threads = 1;
        private Device device = Device.cpu();
        private TrainingListener listener;

        private Builder() {
        }

        /**
         * @param names the covariate names to condition on (discount depth, promotion flag, a holiday calendar),
         *     distinct and non-blank
         * @return this
         */
        public Builder drivers(String... names) {
            this.drivers = GenerativeArguments.driverNames(names);
            return this;
        }

        /**
         * @param values how many past values the encoder and the decoder see, 1 to 512
         * @return this
         */
        public Builder context(int values) {
            this.context = range("context", values, 1, 512);
            return this;
        }

        /**
         * @param steps future values decoded at once, 1 to 512; longer horizons are sampled block after block
         * @return this
         */
        public Builder block(int steps) {
            this.block = range("block", steps, 1, 512);
            return this;
        }

        /**
         * @param dims latent dimensions, 1 to 256
         * @return this
         */
        public Builder latent(int dims) {
            this.latent = range("latent", dims, 1, 256);
            return this;
        }

        /**
         * @param units hidden units of the encoder and of the decoder, 1 to 4,096
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
         * @param weight the weight of the KL term, in [0, 100]
         * @return this
         */
        public Builder klWeight(double weight) {
            this.klWeight = weight("klWeight", weight);
            return this;
        }

        /**
         * @param weight the weight of the diversity term, in [0, 100]; 0 switches it off
         * @return this
         */
        public Builder diversityWeight(double weight) {
            this.diversityWeight = weight("diversityWeight", weight);
            return this;
        }

        /**
         * @param count the most training windows drawn from the series, 1 to 10,000,000
         * @return this
         */
        public Builder maxWindows(int count) {
            this.maxWindows = range("maxWindows", count, 1, 10_000_000);
            return this;
        }

        /**
         * @param value the seed of initialisation, window sampling, shuffling and the engine
         * @return this
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param count PyTorch's intra-op threads while training, {@code >= 1} (default 1)
         * @return this
         */
        public Builder threads(int count) {
            this.threads = GenerativeArguments.threads(count);
            return this;
        }

        /**
         * @param target the training device (default CPU); the trained model samples on the CPU
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
        public ScenarioVaeTrainer build() {
            return new ScenarioVaeTrainer(this);
        }

        private static int range(String name, int value, int min, int max) {
            return GenerativeArguments.range(name, value, min, max);
        }

        private static double weight(String name, double value) {
            if (!(value >= 0 && value <= 100)) {
                throw new IllegalArgumentException(name + " must be in [0, 100], got " + value);
            }
            return value;
        }
    }
}
