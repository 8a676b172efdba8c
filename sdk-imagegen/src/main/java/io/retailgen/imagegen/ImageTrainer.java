package io.retailgen.imagegen;

import io.retailgen.core.Device;
import io.retailgen.core.bundle.DataFingerprint;
import io.retailgen.core.bundle.Provenance;
import io.retailgen.core.train.TrainingSupport;
import io.retailgen.training.TrainingEngine;
import io.retailgen.core.train.TrainingListener;
import io.retailgen.core.train.TrainingProgress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the image models of a brand asset library with DJL (PyTorch engine): a category classifier (attribute checks
 * and the feature space of the quality metrics) and a class-conditional DCGAN-style generator (nearest-neighbour
 * upsampling and 3x3/5x5 convolutions, a discriminator with one real/fake head per category, an exponential moving
 * average of the generator weights), or with {@link Builder#architecture(Architecture) architecture(CVAE)} a
 * class-conditional VAE whose encoder lets variations start from a real asset image. Every network is exported to
 * ONNX and checked against DJL on random inputs.
 *
 * <pre>{@code
 * try (ImageModel model = ImageTrainer.builder()
 *         .seed(7L).epochs(8).threads(1).timeBudget(Duration.ofMinutes(10)).listener(ConsoleProgressBar.create())
 *         .build()
 *         .train(images)) {                      // LabeledImages: 28x28 greyscale with category labels
 *     model.toBundle("fashion", "1").saveTo(dir);
 * }
 * }</pre>
 *
 * <p>A trainer is immutable; {@link #train(LabeledImages)} may be called again (it builds new networks each time),
 * but not concurrently, because the PyTorch engine allows one gradient recording at a time.
 */
public final class ImageTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(ImageTrainer.class);
    /** Image side the networks are built for. */
    public static final int SIDE = Nets.SIDE;
    private static final float VAE_LEARNING_RATE = 1e-3f;

    private final long seed;
    private final Device device;
    private final int threads;
    private final int epochs;
    private final int classifierEpochs;
    private final int batchSize;
    private final int latentDim;
    private final int width;
    private final float learningRate;
    private final float emaDecay;
    private final Duration timeBudget;
    private final TrainingListener listener;
    private final Architecture architecture;
    private final boolean subPixel;

    /** The generative network the trainer builds beside the classifier. */
    public enum Architecture {
        /**
         * Class-conditional DCGAN-style generator (sharp samples); bundle kind {@value ImageModel#KIND}.
         * Variations come from perturbing a generated reference's latent vector.
         */
        CGAN,
        /**
         * Class-conditional VAE (encoder and decoder, softer samples); bundle kind
         * {@value ImageModel#KIND_VAE}. Its encoder lets {@link ImageGenerator#variationsOf} start from a real
         * asset image.
         */
        CVAE
    }

    private ImageTrainer(Builder b) {
        this.seed = b.seed;
        this.threads = b.threads;
        this.device = b.device;
        this.epochs = b.epochs;
        this.classifierEpochs = b.classifierEpochs;
        this.batchSize = b.batchSize;
        this.latentDim = b.latentDim;
        this.width = b.width;
        this.learningRate = b.learningRate;
        this.emaDecay = b.emaDecay;
        this.timeBudget = b.timeBudget;
        this.listener = b.listener;
        this.architecture = b.architecture;
        this.subPixel = b.subPixel;
    }

    /**
     * @return a builder with seed 42, CPU, one PyTorch thread, 8 GAN epochs, 3 classifier epochs, batch 64, no time
     *     budget
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains the classifier, then the generator (stopping at the time budget), exports both and measures the export.
     *
     * @param data 28x28 greyscale images of at least two categories; the model generates by their category labels
     * @return the trained model (the caller closes it)
     * @throws IllegalArgumentException when the images are not 28x28, fewer than one batch, or of one category
     * @throws io.retailgen.core.RetailGenException when training diverges or the export does not match DJL
     */
    public ImageModel train(LabeledImages data) {
        Objects.requireNonNull(data, "data == null");
        TrainingSupport.require("the image models");
        if (data.rows() != SIDE || data.cols() != SIDE) {
            throw new IllegalArgumentException("images must be " + SIDE + "x" + SIDE + ", were " + data.rows() + "x"
                    + data.cols());
        }
        if (data.count() < batchSize) {
            throw new IllegalArgumentException("need at least one batch of " + batchSize + " images, got "
                    + data.count());
        }
        int classes = data.categoryCount();
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 categories, labels span " + classes);
        }
        long t0 = System.nanoTime();
        // the engine seeds PyTorch with 32 bits: fold the high half in, so that seeds differing only there differ
        TrainingEngine.Builder eb = TrainingEngine.builder().seed((int) (seed ^ (seed >>> 32))).device(device);
        TrainingEngine engine = (threads > 0 ? eb.threads(threads) : eb).build();
        engine.reseed();
        SplittableRandom rnd = new SplittableRandom(seed);
        LOG.info("training imagegen models on {} images ({} categories) with {}", data.count(), classes,
                engine.describe());
        Training.Trained cls = Training.trainClassifier(engine, data, classes, classifierEpochs, 128,
                TrainingProgress.of(listener), rnd);
        long deadline = timeBudget == null ? Long.MAX_VALUE
                : t0 + timeBudget.toNanos();
        Map<String, String> hyper = new LinkedHashMap<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        byte[] generatorOnnx;
        byte[] encoderOnnx = null;
        double diff;
        double seconds;
        if (architecture == Architecture.CVAE) {
            Training.TrainedVae vae = Training.trainVae(engine, data, new Training.VaeSettings(latentDim, classes,
                    width, epochs, batchSize, VAE_LEARNING_RATE, 1f, deadline), TrainingProgress.of(listener), rnd);
            seconds = (System.nanoTime() - t0) / 1e9;
            diff = Math.max(cls.exportMaxAbsDiff(), vae.exportMaxAbsDiff());
            LOG.info(String.format(Locale.ROOT, "trained in %.1f s (classifier %.1f s, VAE %.1f s, %d epochs, %d"
                    + " steps); max |ONNX - DJL| = %.2e", seconds, cls.seconds(), vae.seconds(), vae.epochs(),
                    vae.steps(), diff));
            hyper.put("architecture", "cvae-upsample-conv");
            hyper.put("latent_dim", Integer.toString(latentDim));
            hyper.put("width", Integer.toString(width));
            hyper.put("epochs_requested", Integer.toString(epochs));
            hyper.put("epochs_run", Integer.toString(vae.epochs()));
            hyper.put("steps", Long.toString(vae.steps()));
            hyper.put("batch", Integer.toString(batchSize));
            hyper.put("learning_rate", Float.toString(VAE_LEARNING_RATE));
            hyper.put("kl_weight", "1.0");
            metrics.put("train_seconds", seconds);
            metrics.put("classifier_seconds", cls.seconds());
            metrics.put("vae_seconds", vae.seconds());
            metrics.put("export_max_abs_diff", diff);
            metrics.put("classifier_final_loss", cls.lastLoss());
            metrics.put("vae_final_loss", vae.lastLoss());
            generatorOnnx = vae.decoderOnnx();
            encoderOnnx = vae.encoderOnnx();
        } else {
            Training.Trained gan = Training.trainGan(engine, data, new Training.GanSettings(latentDim, classes,
                    width, epochs, batchSize, learningRate, emaDecay, deadline, subPixel),
                    TrainingProgress.of(listener), rnd);
            seconds = (System.nanoTime() - t0) / 1e9;
            diff = Math.max(cls.exportMaxAbsDiff(), gan.exportMaxAbsDiff());
            LOG.info(String.format(Locale.ROOT, "trained in %.1f s (classifier %.1f s, GAN %.1f s, %d epochs, %d"
                    + " steps); max |ONNX - DJL| = %.2e", seconds, cls.seconds(), gan.seconds(), gan.epochs(),
                    gan.steps(), diff));
            hyper.put("architecture", subPixel ? "cdcgan-subpixel" : "cdcgan-upsample-conv");
            hyper.put("latent_dim", Integer.toString(latentDim));
            hyper.put("width", Integer.toString(width));
            hyper.put("epochs_requested", Integer.toString(epochs));
            hyper.put("epochs_run", Integer.toString(gan.epochs()));
            hyper.put("steps", Long.toString(gan.steps()));
            hyper.put("batch", Integer.toString(batchSize));
            hyper.put("learning_rate", Float.toString(learningRate));
            hyper.put("ema_decay", Float.toString(emaDecay));
            hyper.put("gan_loss", "hinge");
            hyper.put("weight_init", "xavier-avg-uniform");
            metrics.put("train_seconds", seconds);
            metrics.put("classifier_seconds", cls.seconds());
            metrics.put("gan_seconds", gan.seconds());
            metrics.put("export_max_abs_diff", diff);
            metrics.put("classifier_final_loss", cls.lastLoss());
            metrics.put("generator_final_loss", gan.lastLoss());
            generatorOnnx = gan.onnx();
        }
        hyper.put("classifier_epochs", Integer.toString(classifierEpochs));
        hyper.put("time_budget", timeBudget == null ? "none" : timeBudget.toString());
        hyper.put("device", engine.device().toString());
        Provenance provenance = Provenance.capture(fingerprint(data), data.count(), hyper, seed, metrics);
        return new ImageModel(generatorOnnx, cls.onnx(), encoderOnnx, new ModelSpec(latentDim, data.categories(),
                SIDE, SIDE), provenance, seconds, diff);
    }

    static String fingerprint(LabeledImages data) {
        ByteBuffer header = ByteBuffer.allocate(12).putInt(data.count()).putInt(data.rows()).putInt(data.cols());
        byte[] labels = new byte[data.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) data.label(i);
        }
        // the category labels count too (numbered labels add nothing, so earlier fingerprints stay valid)
        String names = String.join("\n", data.categories());
        if (!data.categories().equals(ModelSpec.numberedLabels(data.categoryCount()))) {
            labels = concat(labels, names.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] px = data.pixelsUnsafe();
        byte[] all = new byte[12 + labels.length + px.length];
        System.arraycopy(header.array(), 0, all, 0, 12);
        System.arraycopy(labels, 0, all, 12, labels.length);
        System.arraycopy(px, 0, all, 12 + labels.length, px.length);
        return DataFingerprint.ofBytes(all);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Collects the training settings; each setter validates its value at once. */
    public static final class Builder {
        private long seed = 42;
        private Device device = Device.cpu();
        private int threads;
        private int epochs = 8;
        private int classifierEpochs = 3;
        private int batchSize = 64;
        private int latentDim = 64;
        private int width = 32;
        private float learningRate = 3e-4f;
        private float emaDecay = 0.999f;
        private Duration timeBudget;
        private TrainingListener listener = new TrainingListener() { };
        private Architecture architecture = Architecture.CGAN;
        private boolean subPixel = true;

        private Builder() {
        }

        /** @param value the random seed; the same seed and data give the same model on the same machine */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param count PyTorch's intra-op threads while training, {@code >= 1}; unset, 1 (measured fastest for
         *     these small networks, see docs/BENCHMARKS.md) unless the application chose a count with
         *     {@code -Dai.djl.pytorch.num_threads} or {@code OMP_NUM_THREADS}
         * @return this
         */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be >= 1, was " + count);
            }
            this.threads = count;
            return this;
        }

        /** @param value where to train ({@link Device#cpu()} or a CUDA device) */
        public Builder device(Device value) {
            this.device = Objects.requireNonNull(value, "device == null");
            return this;
        }

        /** @param value GAN epochs over the data, {@code >= 1} */
        public Builder epochs(int value) {
            this.epochs = positive("epochs", value);
            return this;
        }

        /** @param value classifier epochs, {@code >= 1} */
        public Builder classifierEpochs(int value) {
            this.classifierEpochs = positive("classifierEpochs", value);
            return this;
        }

        /** @param value GAN mini-batch size, {@code 2..4096} */
        public Builder batchSize(int value) {
            if (value < 2 || value > 4096) {
                throw new IllegalArgumentException("batchSize must be in 2..4096, was " + value);
            }
            this.batchSize = value;
            return this;
        }

        /** @param value the latent dimension, {@code 1..1024} */
        public Builder latentDim(int value) {
            if (value < 1 || value > 1024) {
                throw new IllegalArgumentException("latentDim must be in 1..1024, was " + value);
            }
            this.latentDim = value;
            return this;
        }

        /** @param value channels of the generator's 14x14 layer (twice that at 7x7), {@code 4..512} */
        public Builder width(int value) {
            if (value < 4 || value > 512) {
                throw new IllegalArgumentException("width must be in 4..512, was " + value);
            }
            this.width = value;
            return this;
        }

        /** @param value Adam learning rate of both GAN networks, {@code (0, 1)} */
        public Builder learningRate(float value) {
            if (!(value > 0 && value < 1)) {
                throw new IllegalArgumentException("learningRate must be in (0, 1), was " + value);
            }
            this.learningRate = value;
            return this;
        }

        /** @param value decay of the generator's weight average, {@code [0, 1)} (0 = no averaging) */
        public Builder emaDecay(float value) {
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException("emaDecay must be in [0, 1), was " + value);
            }
            this.emaDecay = value;
            return this;
        }

        /** @param value wall-clock limit for the whole run; the GAN stops after the step that crosses it */
        public Builder timeBudget(Duration value) {
            Objects.requireNonNull(value, "timeBudget == null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeBudget must be positive, was " + value);
            }
            this.timeBudget = value;
            return this;
        }

        /** @param value receives training progress (for example a console progress bar) */
        public Builder listener(TrainingListener value) {
            this.listener = Objects.requireNonNull(value, "listener == null");
            return this;
        }

        /**
         * @param value the generative network: {@link Architecture#CGAN} (the default) or {@link Architecture#CVAE};
         *     the epochs, batch size, latent dimension, width and time budget apply to either (the VAE uses Adam
         *     1e-3 instead of {@link #learningRate(float)}, and no weight averaging)
         */
        public Builder architecture(Architecture value) {
            this.architecture = Objects.requireNonNull(value, "architecture == null");
            return this;
        }

        /**
         * @param value true: the GAN generator's last upsampling (14x14 to 28x28) is a Conv3x3 with 4 channels at
         *     14x14 followed by depth-to-space (a reshape and transpose), instead of nearest x2 and a Conv5x5 at 28x28.
         *     About twice the training steps and generated images per second, and better on the same time budget
         *     although it learns more slowly per step (see docs/imagegen.md). The first upsampling stays resize +
         *     conv. Default true.
         */
        public Builder subPixelOutput(boolean value) {
            this.subPixel = value;
            return this;
        }

        /** @return the trainer */
        public ImageTrainer build() {
            return new ImageTrainer(this);
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be >= 1, was " + value);
            }
            return value;
        }
    }
}
