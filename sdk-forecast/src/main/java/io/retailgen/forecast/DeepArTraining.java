package io.retailgen.forecast;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.DataFingerprint;
import io.retailgen.core.bundle.Provenance;
import io.retailgen.core.onnx.GraphValue;
import io.retailgen.core.onnx.OnnxGraphBuilder;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.Tensor;
import io.retailgen.training.TrainingEngine;
import io.retailgen.core.train.TrainingListener;
import io.retailgen.core.train.TrainingProgress;
import io.retailgen.core.util.Shuffle;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DJL training of the {@link DeepArModel} network: {@code params = W2 tanh(W1 x + b1) + b2 + W3 x + b3},
 * Gaussian negative log-likelihood with {@code params = (mu, log sigma)}, Adam with a cosine learning-rate decay to
 * 2% of the initial rate (so the last epochs settle instead of jittering around the optimum); then the ONNX export and its check.
 */
final class DeepArTraining {

    private static final Logger LOG = LoggerFactory.getLogger(DeepArTraining.class);
    static final int PROBE_ROWS = 64;
    static final double EXPORT_TOLERANCE = 1e-4;

    private DeepArTraining() {
    }

    /** The training windows: features row-major {@code [rows, F]} and targets. */
    record Windows(float[] x, float[] y, int rows, int features) {
    }

    static Windows windows(List<TimeSeries> series, List<String> drivers, int window) {
        int f = DeepArModel.featureCount(window, drivers.size());
        int rows = 0;
        List<DeepArModel.Prepared> prepared = new java.util.ArrayList<>(series.size());
        for (TimeSeries s : series) {
            DeepArModel.Prepared p = DeepArModel.Prepared.of(s, drivers, window);
            prepared.add(p);
            rows += p.windows(window);
        }
        float[] x = new float[rows * f];
        float[] y = new float[rows];
        int r = 0;
        for (DeepArModel.Prepared p : prepared) {
            if (p.scale <= 0) {
                continue;
            }
            for (int t = window; t < p.z.length; t++) {
                int o = r * f;
                for (int i = 0; i < window; i++) {
                    x[o++] = (float) p.z[t - 1 - i];
                }
                for (double[] d : p.d) {
                    for (int i = 0; i <= window; i++) {
                        x[o++] = (float) d[t - i];
                    }
                }
                y[r++] = (float) p.z[t];
            }
        }
        return new Windows(x, y, rows, f);
    }

    /** The step network as DJL blocks; {@code layers} are W1, W2 and W3 with their biases, in flat-vector order. */
    record Net(Block block, List<Linear> layers) {
        static Net of(int hidden) {
            Linear l1 = Linear.builder().setUnits(hidden).build();
            Linear l2 = Linear.builder().setUnits(2).build();
            Linear skip = Linear.builder().setUnits(2).build();
            SequentialBlock mlp = new SequentialBlock().add(l1).add(Activation::tanh).add(l2);
            Block net = new ParallelBlock(l -> new NDList(l.get(0).singletonOrThrow()
                    .add(l.get(1).singletonOrThrow())), List.of(mlp, skip));
            return new Net(net, List.of(l1, l2, skip));
        }

        /** @return the parameter arrays in flat-vector order (weight then bias of each layer) */
        List<NDArray> arrays() {
            List<NDArray> out = new ArrayList<>();
            for (Linear l : layers) {
                out.add(l.getParameters().get("weight").getArray());
                out.add(l.getParameters().get("bias").getArray());
            }
            return out;
        }

        float[] flatten(int size) {
            float[] out = new float[size];
            int at = 0;
            for (NDArray a : arrays()) {
                float[] v = a.toFloatArray();
                System.arraycopy(v, 0, out, at, v.length);
                at += v.length;
            }
            return out;
        }

        void load(float[] flat) {
            int at = 0;
            for (NDArray a : arrays()) {
                int n = Math.toIntExact(a.size());
                a.set(Arrays.copyOfRange(flat, at, at + n));
                at += n;
            }
        }
    }

    /** FedProx's proximal term {@code mu / 2 * ||w - start||^2} over the network's parameters. */
    record Proximal(float mu, List<NDArray> params, List<NDArray> start) {
        NDArray term() {
            NDArray sum = null;
            for (int i = 0; i < params.size(); i++) {
                NDArray d = params.get(i).sub(start.get(i)).square().sum();
                sum = sum == null ? d : sum.add(d);
            }
            return sum.mul(mu / 2f);
        }
    }

    private static TrainingEngine engine(DeepArTrainer t) {
        TrainingEngine engine = TrainingEngine.builder().seed(t.engineSeed()).threads(t.threads).device(t.device)
                .build();
        engine.reseed();
        return engine;
    }

    private static Trainer newTrainer(Model model, DeepArTrainer t, Windows w, TrainingEngine engine) {
        int batch = Math.min(t.batchSize, w.rows());
        int updates = t.epochs * ((w.rows() + batch - 1) / batch);
        Tracker lr = Tracker.cosine().setBaseValue(t.learningRate).optFinalValue(t.learningRate * 0.02f)
                .setMaxUpdates(updates).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(lr).build())
                .optDevices(new ai.djl.Device[] {engine.djlDevice()});
        Trainer trainer = model.newTrainer(config);
        trainer.initialize(new Shape(1, w.features()));
        return trainer;
    }

    static DeepArModel train(DeepArTrainer t, List<TimeSeries> series) {
        Windows w = windows(series, t.drivers, t.window);
        if (w.rows() == 0) {
            throw new IllegalArgumentException("no training window: " + series.size() + " series, none with more than "
                    + t.window + " values and a positive mean");
        }
        TrainingEngine engine = engine(t);
        long start = System.nanoTime();
        int f = w.features();
        DeepArGraph graph = DeepArGraph.of(t);
        double lastLoss;
        byte[] onnx;
        double diff;
        Net net = Net.of(t.hidden);
        try (NDManager manager = engine.newManager();
                Model model = Model.newInstance("forecast-deepar", engine.djlDevice(), TrainingEngine.ENGINE_NAME)) {
            model.setBlock(net.block());
            try (Trainer trainer = newTrainer(model, t, w, engine)) {
                lastLoss = fit(t, w, manager, trainer, engine.seed(), null);
                onnx = graph.export(net.flatten(graph.size()), DeepArGraph.docString(t));
                diff = check(onnx, manager, trainer, f, t.seed());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(diff <= EXPORT_TOLERANCE)) {
            throw new RetailGenException(ErrorCode.EXPORT_FAILED, "the ONNX export differs from the trained network "
                    + "by " + diff + " (tolerance " + EXPORT_TOLERANCE + ")");
        }
        ByteBuffer bb = ByteBuffer.allocate(4 * (w.x().length + w.y().length));
        bb.asFloatBuffer().put(w.x()).put(w.y());
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put("final_loss", lastLoss);
        metrics.put("onnx_max_abs_diff", diff);
        metrics.put("train_seconds", seconds);
        metrics.put("train_windows", (double) w.rows());
        String fingerprint = DataFingerprint.ofBytes(bb.array());
        Provenance prov = Provenance.capture(fingerprint, w.rows(), t.hyperParameters(), t.seed(), metrics);
        String version = fingerprint.replaceAll("[^0-9a-fA-F]", "");
        version = version.substring(0, Math.min(12, version.length()));
        LOG.info("trained generative scenario model on {} windows from {} series in {} s, final loss {}, "
                + "ONNX max abs diff {}", w.rows(), series.size(), String.format("%.1f", seconds), lastLoss, diff);
        return new DeepArModel(t.window, t.hidden, t.drivers, onnx, prov, DeepArModel.TRAINED_NAME,
                version.isEmpty() ? "0" : version, io.retailgen.core.Device.cpu());
    }

    /**
     * Trains the network from the given weights for the trainer's epochs (a fresh Adam state and learning-rate
     * schedule), for one store's round of federated training.
     *
     * @param start the starting weights, in {@link DeepArGraph}'s layout
     * @param proximalMu FedProx's proximal weight (0: none)
     * @return the trained weights; {@code start} itself when the series give no training window
     */
    static float[] trainFrom(DeepArTrainer t, List<TimeSeries> series, float[] start, double proximalMu) {
        DeepArGraph graph = DeepArGraph.of(t);
        if (start.length != graph.size()) {
            throw new IllegalArgumentException("weights of " + start.length + " values, the network has "
                    + graph.size());
        }
        Windows w = windows(series, t.drivers, t.window);
        if (w.rows() == 0) {
            return start.clone();
        }
        TrainingEngine engine = engine(t);
        Net net = Net.of(t.hidden);
        try (NDManager manager = engine.newManager();
                Model model = Model.newInstance("forecast-deepar", engine.djlDevice(), TrainingEngine.ENGINE_NAME)) {
            model.setBlock(net.block());
            try (Trainer trainer = newTrainer(model, t, w, engine)) {
                net.load(start);
                Proximal prox = null;
                if (proximalMu > 0) {
                    List<NDArray> anchors = new ArrayList<>();
                    for (NDArray a : net.arrays()) {
                        anchors.add(a.duplicate().stopGradient());
                    }
                    prox = new Proximal((float) proximalMu, net.arrays(), anchors);
                }
                fit(t, w, manager, trainer, engine.seed(), prox);
                return net.flatten(graph.size());
            }
        }
    }

    private static double fit(DeepArTrainer t, Windows w, NDManager manager, Trainer trainer, int seed,
            Proximal prox) {
        int rows = w.rows();
        int f = w.features();
        int batch = Math.min(t.batchSize, rows);
        TrainingListener listener = t.listener;
        TrainingProgress progress = listener != null ? TrainingProgress.of(listener) : TrainingProgress.of();
        progress.start(t.epochs, (rows + batch - 1) / batch);
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] order = IntStream.range(0, rows).toArray();
        double epochLoss = Double.NaN;
        float[] xb = new float[batch * f];
        float[] yb = new float[batch];
        for (int epoch = 0; epoch < t.epochs; epoch++) {
            Shuffle.inPlace(order, rnd);
            double sum = 0;
            int seen = 0;
            for (int s = 0; s < rows; s += batch) {
                int n = Math.min(batch, rows - s);
                for (int k = 0; k < n; k++) {
                    int r = order[s + k];
                    System.arraycopy(w.x(), r * f, xb, k * f, f);
                    yb[k] = w.y()[r];
                }
                double loss;
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.create(n == batch ? xb : java.util.Arrays.copyOf(xb, n * f), new Shape(n, f));
                    NDArray y = step.create(n == batch ? yb : java.util.Arrays.copyOf(yb, n), new Shape(n));
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray out = trainer.forward(new NDList(x)).singletonOrThrow();
                        NDArray mu = out.get(":, 0");
                        NDArray logSigma = out.get(":, 1");
                        NDArray nll = logSigma.add(y.sub(mu).square().mul(logSigma.mul(-2).exp()).mul(0.5)).mean();
                        gc.backward(prox == null ? nll : nll.add(prox.term()));
                        loss = nll.getFloat();
                    }
                    trainer.step();
                }
                if (!Double.isFinite(loss)) {
                    throw new RetailGenException(ErrorCode.TRAINING_FAILED, "generative model training diverged at "
                            + "epoch " + (epoch + 1) + ": loss is " + loss + "; lower the learning rate ("
                            + t.learningRate + ")");
                }
                progress.step(loss, n);
                sum += loss * n;
                seen += n;
            }
            epochLoss = sum / seen;
            progress.endEpoch(Map.of("nll", epochLoss));
        }
        progress.end();
        return epochLoss;
    }

    static GraphValue gemm(OnnxGraphBuilder g, String name, GraphValue x, Linear layer) {
        NDArray w = layer.getParameters().get("weight").getArray();
        NDArray b = layer.getParameters().get("bias").getArray();
        GraphValue wv = g.constant(name + "_weight", w.toFloatArray(), w.getShape().getShape());
        GraphValue bv = g.constant(name + "_bias", b.toFloatArray(), b.getShape().getShape());
        return g.gemm(x, wv, bv, 1f, 1f, false, true);
    }

    /** The largest absolute difference between DJL and ONNX Runtime outputs on random inputs. */
    static double check(byte[] onnx, NDManager manager, Trainer trainer, int f, long seed) {
        return check(onnx, manager, trainer, f, seed, DeepArModel.INPUT, DeepArModel.OUTPUT);
    }

    /** As {@link #check(byte[], NDManager, Trainer, int, long)} for a graph with the given input and output names. */
    static double check(byte[] onnx, NDManager manager, Trainer trainer, int f, long seed, String input,
            String output) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        float[] probe = new float[PROBE_ROWS * f];
        for (int i = 0; i < probe.length; i++) {
            probe[i] = (float) (rnd.nextDouble() * 2);
        }
        float[] djl;
        try (NDManager scope = manager.newSubManager()) {
            djl = trainer.evaluate(new NDList(scope.create(probe, new Shape(PROBE_ROWS, f)))).singletonOrThrow()
                    .toFloatArray();
        }
        float[] ort;
        try (OnnxModel m = OnnxModel.builder().model(onnx).name("forecast-deepar-check").build()) {
            Tensor out = m.run(Map.of(input, Tensor.ofFloats(probe, PROBE_ROWS, f))).get(output);
            ort = out.toFloatArray();
        }
        double max = 0;
        for (int i = 0; i < djl.length; i++) {
            max = Math.max(max, Math.abs(djl[i] - ort[i]));
        }
        return max;
    }
}
