package io.retailgen.recommend;

import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.train.TrainingListener;
import java.util.List;
import java.util.Objects;

/**
 * Trains a {@link RecommendModel}: the GRU sequence model (with device and hour-of-day embeddings when the events
 * carry context), and the session index behind session kNN, co-occurrence and popularity.
 *
 * <pre>{@code
 * RecommendTrainer trainer = RecommendTrainer.builder().epochs(6).seed(7L).threads(1).build();
 * try (RecommendModel model = trainer.train(InteractionReader.readLenient(Path.of("events.tsv")))) {
 *     model.toBundle("storefront-recs", model.version()).saveTo(Path.of("models/recs"));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; each {@link #train} call is independent. Training the sequence model needs the
 * optional artifact {@code io.retailgen:sdk-training} on the class path; without it {@link #train} says so (a trainer
 * with {@code sequenceModel(false)} needs no PyTorch).
 */
public final class RecommendTrainer {

    /** The sequence model's optimizer. */
    public enum Optimizer {
        /** Adagrad (Duchi et al. 2011): per-weight steps shrink with the weight's squared-gradient sum. */
        ADAGRAD,
        /** Adam (Kingma and Ba 2015). */
        ADAM,
        /**
         * Stochastic gradient descent with momentum 0.9 (heavy ball: {@code v = 0.9 v + g; w -= lr v}). Unlike the
         * adaptive optimizers it does not scale up weights whose gradients are mostly noise, which suits DP-SGD.
         */
        SGD_MOMENTUM
    }

    /**
     * Catalogs up to this many items are trained with the full softmax over every item; larger ones with the batch's
     * targets plus {@link Builder#negatives(int)} popularity-sampled items.
     */
    public static final int FULL_SOFTMAX_MAX_ITEMS = TrainSettings.FULL_SOFTMAX_MAX_ITEMS;

    private final TrainSettings settings;
    private final Device device;
    private final TrainingListener listener;
    private final PrivateTraining privacy;

    private RecommendTrainer(Builder b) {
        this.privacy = b.privacy;
        this.settings = new TrainSettings(b.sequenceModel, b.hidden, b.contextDim, b.batch, b.negatives, b.epochs,
                b.optimizer, b.learningRate, b.dropout, b.neighbours, b.sampleSize, b.seed, b.threads);
        this.device = b.device;
        this.listener = b.listener;
    }

    /** @return a builder with the settings tuned on the YooChoose sample (see the field defaults on each setter) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains on events read by {@link InteractionReader}.
     *
     * @param data the events (any order; grouped by session and sorted by time here)
     * @return the model
     * @throws IllegalArgumentException when there are no events
     * @throws RetailGenException {@link ErrorCode#ENGINE_UNAVAILABLE} when the sequence model is wanted and
     *     sdk-training or the PyTorch engine is missing
     */
    public RecommendModel train(InteractionData data) {
        return train(Objects.requireNonNull(data, "data == null").interactions());
    }

    /**
     * Trains on events held in memory.
     *
     * @param events the events (any order; grouped by session and sorted by time here)
     * @return the model
     * @throws IllegalArgumentException when there are no events
     * @throws RetailGenException {@link ErrorCode#ENGINE_UNAVAILABLE} when the sequence model is wanted and
     *     sdk-training or the PyTorch engine is missing
     */
    public RecommendModel train(List<Interaction> events) {
        return RecommendModel.train(Objects.requireNonNull(events, "events == null"), settings, device, listener,
                privacy);
    }

    TrainSettings settings() {
        return settings;
    }

    /** @return the number of GRU epochs */
    public int epochs() {
        return settings.epochs();
    }

    /** @return the random seed */
    public long seed() {
        return settings.seed();
    }

    /** @return PyTorch's intra-op threads while the sequence model trains */
    public int threads() {
        return settings.threads();
    }

    /** @return the training device */
    public Device device() {
        return device;
    }

    /** @return whether the GRU sequence model is trained */
    public boolean sequenceModel() {
        return settings.sequenceModel();
    }

    /** @return the DP-SGD settings, or empty when the sequence model trains without differential privacy */
    public java.util.Optional<PrivateTraining> privacy() {
        return java.util.Optional.ofNullable(privacy);
    }

    /** @return a builder holding this trainer's settings */
    public Builder toBuilder() {
        Builder b = new Builder(settings);
        b.device = device;
        b.listener = listener;
        b.privacy = privacy;
        return b;
    }

    @Override
    public String toString() {
        return "RecommendTrainer[" + settings.identity() + ",threads=" + settings.threads() + ",device=" + device
                + (privacy == null ? "" : "," + privacy) + "]";
    }

    /** Builds a {@link RecommendTrainer}; every setter validates at once. Not thread-safe. */
    public static final class Builder {
        private boolean sequenceModel;
        private int hidden;
        private int contextDim;
        private int batch;
        private int negatives;
        private int epochs;
        private Optimizer optimizer;
        private float learningRate;
        private float dropout;
        private int neighbours;
        private int sampleSize;
        private long seed;
        private int threads;
        private Device device = Device.cpu();
        private TrainingListener listener = new TrainingListener() { };
        private PrivateTraining privacy;

        private Builder() {
            this(TrainSettings.DEFAULTS);
        }

        private Builder(TrainSettings s) {
            sequenceModel = s.sequenceModel();
            hidden = s.hidden();
            contextDim = s.contextDim();
            batch = s.batch();
            negatives = s.negatives();
            epochs = s.epochs();
            optimizer = s.optimizer();
            learningRate = s.learningRate();
            dropout = s.dropout();
            neighbours = s.neighbours();
            sampleSize = s.sampleSize();
            seed = s.seed();
            threads = Math.max(1, s.threads());
        }

        /**
         * @param on whether to train the GRU sequence model (default true); false trains the session kNN,
         *     co-occurrence and popularity signals only, without PyTorch
         * @return this builder
         */
        public Builder sequenceModel(boolean on) {
            sequenceModel = on;
            return this;
        }

        /** @param hidden GRU hidden size (= item-embedding size), {@code >= 1} (default 64) @return this builder */
        public Builder hidden(int hidden) {
            this.hidden = require("hidden", hidden, 1);
            return this;
        }

        /**
         * @param dim size of the device and hour-of-day embeddings joined to the GRU input, {@code >= 0} (default
         *     8); 0 trains without them. They are also left out when no training event carries a context.
         * @return this builder
         */
        public Builder contextDim(int dim) {
            contextDim = require("contextDim", dim, 0);
            return this;
        }

        /** @param lanes session-parallel lanes per mini-batch, {@code >= 1} (default 128) @return this builder */
        public Builder batch(int lanes) {
            batch = require("batch", lanes, 1);
            return this;
        }

        /**
         * @param n popularity-sampled negatives per mini-batch, {@code >= 0} (default 1024); used only for catalogs
         *     of more than {@link #FULL_SOFTMAX_MAX_ITEMS} items
         * @return this builder
         */
        public Builder negatives(int n) {
            negatives = require("negatives", n, 0);
            return this;
        }

        /** @param epochs passes over the data, {@code >= 1} (default 12) @return this builder */
        public Builder epochs(int epochs) {
            this.epochs = require("epochs", epochs, 1);
            return this;
        }

        /**
         * @param optimizer the sequence model's optimizer (default {@link Optimizer#ADAGRAD})
         * @param learningRate its learning rate, {@code > 0} (default 0.07)
         * @return this builder
         */
        public Builder optimizer(Optimizer optimizer, float learningRate) {
            Objects.requireNonNull(optimizer, "optimizer == null");
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learningRate must be > 0, was " + learningRate);
            }
            this.optimizer = optimizer;
            this.learningRate = learningRate;
            return this;
        }

        /** @param rate dropout on the GRU output, in {@code [0, 1)} (default 0.5) @return this builder */
        public Builder dropout(float rate) {
            if (!(rate >= 0 && rate < 1)) {
                throw new IllegalArgumentException("dropout must be in [0, 1), was " + rate);
            }
            dropout = rate;
            return this;
        }

        /**
         * @param neighbours session-kNN neighbours used, {@code >= 1} (default 100)
         * @param sampleSize session-kNN candidate sessions considered, {@code >= neighbours} (default 1000)
         * @return this builder
         */
        public Builder sessionKnn(int neighbours, int sampleSize) {
            require("neighbours", neighbours, 1);
            if (sampleSize < neighbours) {
                throw new IllegalArgumentException("sampleSize must be >= neighbours (" + neighbours + "), was "
                        + sampleSize);
            }
            this.neighbours = neighbours;
            this.sampleSize = sampleSize;
            return this;
        }

        /** @param seed the random seed (default 42): the same seed and data give the same model @return this */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param threads PyTorch's intra-op threads while the sequence model trains, {@code >= 1} (default 1: the
         *     GRU's operators are small, and more threads measured slower on small machines)
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = require("threads", threads, 1);
            return this;
        }

        /** @param d the device to train the sequence model on (default the CPU) @return this builder */
        public Builder device(Device d) {
            this.device = Objects.requireNonNull(d, "device == null");
            return this;
        }

        /** @param l receives the sequence model's training progress (default: none) @return this builder */
        public Builder listener(TrainingListener l) {
            this.listener = Objects.requireNonNull(l, "listener == null");
            return this;
        }

        /**
         * @param dp train the sequence model with DP-SGD under these settings (default: null, without differential
         *     privacy); the model then keeps no training sessions (see {@link PrivateTraining})
         * @return this builder
         */
        public Builder privacy(PrivateTraining dp) {
            this.privacy = dp;
            return this;
        }

        /** @return the trainer */
        public RecommendTrainer build() {
            return new RecommendTrainer(this);
        }

        private static int require(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
            }
            return value;
        }
    }
}
