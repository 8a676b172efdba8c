package io.retailgen.imagegen;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.Provenance;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.Tensor;
import io.retailgen.core.train.TrainingListener;
import io.retailgen.core.train.TrainingProgress;
import io.retailgen.core.train.TrainingSupport;
import io.retailgen.core.util.Shuffle;
import io.retailgen.training.TrainingEngine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the learned product segmenter ({@link SegmenterNet}) with DJL (PyTorch engine) on a {@link SegmentationSet}:
 * per-cell softmax cross-entropy over background, person and garment (garment cells weighted
 * {@value #GARMENT_WEIGHT}), Adam, the learning rate cut to a fifth for the last 30% of the steps. Each photo is
 * mirrored left-right at random, and its stated colour is hidden at random ({@value #HIDE_STATED} of the time) so
 * that the model also works without one. The network is exported to ONNX and checked against DJL.
 *
 * <pre>{@code
 * try (SegmenterModel model = SegmenterTrainer.builder().seed(7L).epochs(30).threads(2).build().train(set)) {
 *     model.toBundle("segmenter", "1").saveZip(Path.of("segmenter.zip"));
 * }
 * }</pre>
 *
 * <p>Immutable; {@link #train} builds a new network each call, one call at a time.
 */
public final class SegmenterTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(SegmenterTrainer.class);
    static final float GARMENT_WEIGHT = 2f;
    static final double HIDE_STATED = 0.25;
    private static final double DECAY_AT = 0.7;

    private final long seed;
    private final int epochs;
    private final int threads;
    private final int batchSize;
    private final float learningRate;
    private final Device device;
    private final Duration timeBudget;
    private final TrainingListener listener;

    private SegmenterTrainer(Builder b) {
        seed = b.seed;
        epochs = b.epochs;
        threads = b.threads;
        batchSize = b.batchSize;
        learningRate = b.learningRate;
        device = b.device;
        timeBudget = b.timeBudget;
        listener = b.listener;
    }

    /** @return a builder: seed 42, 30 epochs, one thread, batch 8, learning rate 0.002, CPU, no time budget */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param data labelled photos (at least one)
     * @return the trained model, with its ONNX Runtime session open (the caller closes it)
     * @throws IllegalArgumentException when {@code data} is empty
     * @throws RetailGenException when training diverges or the export does not match DJL
     */
    public SegmenterModel train(SegmentationSet data) {
        Objects.requireNonNull(data, "data");
        TrainingSupport.require("the product segmenter");
        if (data.size() == 0) {
            throw new IllegalArgumentException("the segmentation set is empty");
        }
        long t0 = System.nanoTime();
        long deadline = timeBudget == null ? Long.MAX_VALUE : t0 + timeBudget.toNanos();
        TrainingEngine engine = TrainingEngine.builder().seed((int) (seed ^ (seed >>> 32))).device(device)
                .threads(threads).build();
        engine.reseed();
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = data.size();
        int stepsPerEpoch = (n + batchSize - 1) / batchSize;
        int decayAt = (int) (DECAY_AT * epochs * stepsPerEpoch);
        Tracker schedule = update -> update < decayAt ? learningRate : learningRate / 5;
        SegmenterNet net = new SegmenterNet();
        TrainingProgress progress = listener == null ? TrainingProgress.of() : TrainingProgress.of(listener);
        LOG.info("training the product segmenter on {} photos with {}", n, engine.describe());
        double last = Double.NaN;
        int epochsRun = 0;
        try (Model model = Model.newInstance("imagegen-segmenter", engine.djlDevice(), TrainingEngine.ENGINE_NAME)) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(schedule).build())
                    .optDevices(new ai.djl.Device[] {engine.djlDevice()});
            try (Trainer trainer = model.newTrainer(config); NDManager root = engine.newManager()) {
                trainer.initialize(SegmenterNet.inputShape(1));
                progress.start(epochs, stepsPerEpoch);
                int cells = SegmenterInput.CELLS;
                float[] x = new float[batchSize * SegmenterInput.CHANNELS * cells];
                float[] y = new float[batchSize * SegmenterNet.CLASSES * SegmenterNet.OUT_CELLS];
                for (int epoch = 1; epoch <= epochs && System.nanoTime() < deadline; epoch++) {
                    int[] order = Shuffle.permutation(n, rnd);
                    double sum = 0;
                    for (int start = 0; start < n; start += batchSize) {
                        int m = Math.min(batchSize, n - start);
                        for (int k = 0; k < m; k++) {
                            fill(data, order[start + k], k, rnd.nextBoolean(), rnd.nextDouble() < HIDE_STATED, x, y);
                        }
                        try (NDManager step = root.newSubManager()) {
                            NDArray xb = step.create(java.util.Arrays.copyOf(x, m * SegmenterInput.CHANNELS * cells),
                                    SegmenterNet.inputShape(m));
                            NDArray yb = step.create(java.util.Arrays.copyOf(y, m * SegmenterNet.CLASSES
                                    * SegmenterNet.OUT_CELLS), new ai.djl.ndarray.types.Shape(m, SegmenterNet.CLASSES,
                                            SegmenterNet.OUT_HEIGHT, SegmenterNet.OUT_WIDTH));
                            Training.zeroGradients(net);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(xb)).singletonOrThrow();
                                NDArray loss = logits.logSoftmax(1).mul(yb).sum().neg()
                                        .div((float) m * SegmenterNet.OUT_CELLS);
                                gc.backward(loss);
                                last = loss.getFloat();
                            }
                            trainer.step();
                        }
                        if (!Double.isFinite(last)) {
                            throw new RetailGenException(ErrorCode.TRAINING_FAILED,
                                    "segmenter training diverged at epoch " + epoch + ": loss is " + last);
                        }
                        sum += last * m;
                        progress.step(last, m);
                    }
                    progress.endEpoch();
                    epochsRun = epoch;
                    LOG.info(String.format(Locale.ROOT, "segmenter epoch %d: mean loss %.4f, %.0f s", epoch, sum / n,
                            (System.nanoTime() - t0) / 1e9));
                }
                progress.end();
                byte[] onnx = net.export(exportDoc(engine.engineVersion(), engine.device().toString(), seed));
                double diff = checkExport(root, trainer, onnx, data);
                if (diff > 1e-3) {
                    throw new RetailGenException(ErrorCode.TRAINING_FAILED, String.format(Locale.ROOT,
                            "the exported segmenter differs from DJL by %.2e (limit 1e-3)", diff));
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                Map<String, String> hyper = new LinkedHashMap<>();
                hyper.put("architecture", "unet-4-level-" + SegmenterInput.WIDTH + "x" + SegmenterInput.HEIGHT + "-to-"
                        + SegmenterNet.OUT_WIDTH + "x" + SegmenterNet.OUT_HEIGHT);
                hyper.put("weights", Long.toString(net.weightCount()));
                hyper.put("epochs_requested", Integer.toString(epochs));
                hyper.put("epochs_run", Integer.toString(epochsRun));
                hyper.put("batch", Integer.toString(batchSize));
                hyper.put("learning_rate", Float.toString(learningRate));
                hyper.put("garment_weight", Float.toString(GARMENT_WEIGHT));
                hyper.put("hide_stated_colour", Double.toString(HIDE_STATED));
                hyper.put("threads", Integer.toString(engine.threads()));
                hyper.put("device", engine.device().toString());
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("train_seconds", seconds);
                metrics.put("final_loss", last);
                metrics.put("export_max_abs_diff", diff);
                Provenance provenance = Provenance.capture(data.fingerprint(), n, hyper, seed, metrics);
                LOG.info(String.format(Locale.ROOT, "segmenter trained in %.1f s (%d epochs); max |ONNX - DJL| %.2e",
                        seconds, epochsRun, diff));
                return new SegmenterModel(onnx, provenance, SegmenterModel.UNSAVED_NAME,
                        SegmenterModel.UNSAVED_VERSION);
            }
        }
    }

    /** The graph's doc string: what it is and how it was trained, and nothing about the machine's file system. */
    static String exportDoc(String engineVersion, String device, long seed) {
        return "Product segmenter (background, person, garment) on " + SegmenterInput.WIDTH + "x"
                + SegmenterInput.HEIGHT + " planes, trained with DJL (PyTorch " + engineVersion + ") on " + device
                + ", seed " + seed;
    }

    /** Copies example {@code i} into batch slot {@code k}: planes (mirrored, stated colour hidden) and weighted targets. */
    private static void fill(SegmentationSet data, int i, int k, boolean mirror, boolean hideStated, float[] x,
            float[] y) {
        int cells = SegmenterInput.CELLS;
        float[] planes = data.planes(i);
        int xBase = k * SegmenterInput.CHANNELS * cells;
        for (int cell = 0; cell < cells; cell++) {
            int from = mirror ? mirrored(cell, SegmenterInput.WIDTH) : cell;
            for (int c = 0; c < SegmenterInput.CHANNELS; c++) {
                x[xBase + c * cells + cell] = c >= 3 && hideStated ? 0f : planes[c * cells + from];
            }
        }
        byte[] labels = data.labels(i);
        int out = SegmenterNet.OUT_CELLS;
        int yBase = k * SegmenterNet.CLASSES * out;
        java.util.Arrays.fill(y, yBase, yBase + SegmenterNet.CLASSES * out, 0f);
        for (int cell = 0; cell < out; cell++) {
            int label = labels[mirror ? mirrored(cell, SegmenterNet.OUT_WIDTH) : cell];
            y[yBase + label * out + cell] = label == PhotoRegions.GARMENT ? GARMENT_WEIGHT : 1f;
        }
    }

    private static int mirrored(int cell, int w) {
        int col = cell % w;
        return cell - col + (w - 1 - col);
    }

    /** @return the largest |ONNX Runtime - DJL| over the logits of the first (up to) two training photos */
    private static double checkExport(NDManager root, Trainer trainer, byte[] onnx, SegmentationSet data) {
        int m = Math.min(2, data.size());
        int per = SegmenterInput.CHANNELS * SegmenterInput.CELLS;
        float[] x = new float[m * per];
        for (int k = 0; k < m; k++) {
            System.arraycopy(data.planes(k), 0, x, k * per, per);
        }
        float[] djl;
        try (NDManager scope = root.newSubManager()) {
            djl = trainer.evaluate(new NDList(scope.create(x, SegmenterNet.inputShape(m)))).singletonOrThrow()
                    .toFloatArray();
        }
        try (OnnxModel session = OnnxModel.builder().model(onnx).name("segmenter-check").build()) {
            float[] ort = session.run(Map.of(SegmenterNet.IN, Tensor.ofFloats(x, m, SegmenterInput.CHANNELS,
                    SegmenterInput.HEIGHT, SegmenterInput.WIDTH))).get(SegmenterNet.OUT).toFloatArray();
            return Training.maxAbsDiff(djl, ort);
        }
    }

    /** Validating builder. */
    public static final class Builder {
        private long seed = 42L;
        private int epochs = 30;
        private int threads = 1;
        private int batchSize = 8;
        private float learningRate = 2e-3f;
        private Device device = Device.cpu();
        private Duration timeBudget;
        private TrainingListener listener;

        private Builder() {
        }

        /** @param value the seed of weights, shuffling and augmentation */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** @param value passes over the photos, at least 1 */
        public Builder epochs(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, was " + value);
            }
            epochs = value;
            return this;
        }

        /** @param value PyTorch intra-op threads, at least 1 */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be >= 1, was " + value);
            }
            threads = value;
            return this;
        }

        /** @param value photos per step, at least 1 */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, was " + value);
            }
            batchSize = value;
            return this;
        }

        /** @param value Adam's learning rate, finite and positive */
        public Builder learningRate(float value) {
            if (!(value > 0) || !Float.isFinite(value)) {
                throw new IllegalArgumentException("learningRate must be finite and > 0, was " + value);
            }
            learningRate = value;
            return this;
        }

        /** @param value where to train */
        public Builder device(Device value) {
            device = Objects.requireNonNull(value, "device");
            return this;
        }

        /** @param value stop after the epoch that passes this much wall time; positive */
        public Builder timeBudget(Duration value) {
            Objects.requireNonNull(value, "timeBudget");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeBudget must be positive, was " + value);
            }
            timeBudget = value;
            return this;
        }

        /** @param value receives training progress */
        public Builder listener(TrainingListener value) {
            listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** @return the trainer */
        public SegmenterTrainer build() {
            return new SegmenterTrainer(this);
        }
    }
}
