package io.retailgen.forecast;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
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
import io.retailgen.core.runtime.ElementType;
import io.retailgen.core.train.TrainingProgress;
import io.retailgen.core.util.Shuffle;
import io.retailgen.training.TrainingEngine;
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
 * DJL training of the {@link ScenarioVae}: encoder {@code [condition, block] -> (mu, log var)}, decoder
 * {@code [latent, condition] -> (mu, log sigma) per block step} (each a tanh layer plus a linear skip), Adam with a
 * cosine decay, the objective of {@link ScenarioVaeTrainer}; then the decoder's ONNX export and its check.
 */
final class ScenarioVaeTraining {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioVaeTraining.class);

    private ScenarioVaeTraining() {
    }

    /** Training windows: conditions {@code [rows, C]} and targets {@code [rows, block]} in the scaled log space. */
    record Windows(float[] condition, float[] target, int rows, int width) {
    }

    static Windows windows(List<TimeSeries> series, ScenarioVaeTrainer t, ScenarioVae.Shape s) {
        List<double[]> ys = new ArrayList<>();
        List<double[][]> ds = new ArrayList<>();
        List<long[]> at = new ArrayList<>();
        for (TimeSeries ts : series) {
            DeepArModel.Prepared p = DeepArModel.Prepared.of(ts, t.drivers, s.context());
            if (p.scale <= 0) {
                continue;
            }
            double[] y = ScenarioVae.history(p);
            for (int end = s.context(); end + s.block() <= y.length; end++) {
                at.add(new long[] {ys.size(), end});
            }
            ys.add(y);
            ds.add(p.d);
        }
        int[] pick = IntStream.range(0, at.size()).toArray();
        if (pick.length > t.maxWindows) {
            Shuffle.inPlace(pick, new SplittableRandom(t.seed ^ 0x9E3779B97F4A7C15L));
            pick = Arrays.copyOf(pick, t.maxWindows);
            Arrays.sort(pick);
        }
        int width = s.conditionSize(t.drivers.size());
        float[] cond = new float[pick.length * width];
        float[] target = new float[pick.length * s.block()];
        int r = 0;
        for (int i : pick) {
            int k = (int) at.get(i)[0];
            int end = (int) at.get(i)[1];
            double[] y = ys.get(k);
            double scale = ScenarioVae.condition(y, end, ds.get(k), end, s, cond, r * width);
            boolean usable = scale > 0; // an all-zero context says nothing of the block; sampling gives zeros there
            for (int h = 0; h < s.block() && usable; h++) {
                double z = ScenarioVae.z(y[end + h], scale);
                usable = z < ScenarioVae.Z_MAX; // a block over 1,000 times its context's mean: a gap filled with zeros
                target[r * s.block() + h] = (float) z;
            }
            if (usable) {
                r++;
            }
        }
        return new Windows(Arrays.copyOf(cond, r * width), Arrays.copyOf(target, r * s.block()), r, width);
    }

    /** The two networks: an MLP with a linear skip each. */
    private static final class Net {
        final SequentialBlock mlp;
        final Block skip;
        final Block block;

        Net(int hidden, int out) {
            mlp = new SequentialBlock().add(Linear.builder().setUnits(hidden).build()).add(Activation::tanh)
                    .add(Linear.builder().setUnits(out).build());
            skip = Linear.builder().setUnits(out).build();
            block = new ParallelBlock(l -> new NDList(l.get(0).singletonOrThrow().add(l.get(1).singletonOrThrow())),
                    List.of(mlp, skip));
        }
    }

    static ScenarioVae train(ScenarioVaeTrainer t, List<TimeSeries> series) {
        ScenarioVae.Shape s = new ScenarioVae.Shape(t.context, t.block, t.latent, t.hidden);
        Windows w = windows(series, t, s);
        if (w.rows() == 0) {
            throw new IllegalArgumentException("no training window: " + series.size() + " series, none with at least "
                    + (t.context + t.block) + " values (context " + t.context + " + block " + t.block
                    + ") and a positive mean");
        }
        TrainingEngine engine = TrainingEngine.builder().seed(t.engineSeed()).threads(t.threads).device(t.device)
                .build();
        engine.reseed();
        long start = System.nanoTime();
        Net enc = new Net(t.hidden, 2 * t.latent);
        Net dec = new Net(t.hidden, 2 * t.block);
        int decWidth = t.latent + w.width();
        double[] last;
        byte[] onnx;
        double diff;
        try (NDManager manager = engine.newManager();
                Model em = Model.newInstance("forecast-scenariovae-encoder", engine.djlDevice(),
                        TrainingEngine.ENGINE_NAME);
                Model dm = Model.newInstance("forecast-scenariovae-decoder", engine.djlDevice(),
                        TrainingEngine.ENGINE_NAME)) {
            em.setBlock(enc.block);
            dm.setBlock(dec.block);
            int batch = Math.min(t.batchSize, w.rows());
            int updates = t.epochs * ((w.rows() + batch - 1) / batch);
            try (Trainer et = em.newTrainer(config(t, engine, updates));
                    Trainer dt = dm.newTrainer(config(t, engine, updates))) {
                et.initialize(new Shape(1, w.width() + t.block));
                dt.initialize(new Shape(1, decWidth));
                last = fit(t, w, manager, et, dt, enc, dec);
                onnx = export(dec, decWidth, t);
                diff = DeepArTraining.check(onnx, manager, dt, decWidth, t.seed, ScenarioVae.INPUT,
                        ScenarioVae.OUTPUT);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(diff <= DeepArTraining.EXPORT_TOLERANCE)) {
            throw new RetailGenException(ErrorCode.EXPORT_FAILED, "the ONNX export differs from the trained decoder "
                    + "by " + diff + " (tolerance " + DeepArTraining.EXPORT_TOLERANCE + ")");
        }
        ByteBuffer bb = ByteBuffer.allocate(4 * (w.condition().length + w.target().length));
        bb.asFloatBuffer().put(w.condition()).put(w.target());
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put("final_loss", last[0]);
        metrics.put("final_nll", last[1]);
        metrics.put("final_kl", last[2]);
        metrics.put("final_diversity", last[3]);
        metrics.put("onnx_max_abs_diff", diff);
        metrics.put("train_seconds", seconds);
        metrics.put("train_windows", (double) w.rows());
        String fingerprint = DataFingerprint.ofBytes(bb.array());
        Provenance prov = Provenance.capture(fingerprint, w.rows(), t.hyperParameters(), t.seed, metrics);
        String version = fingerprint.replaceAll("[^0-9a-fA-F]", "");
        version = version.substring(0, Math.min(12, version.length()));
        LOG.info("trained scenario VAE on {} windows from {} series in {} s, final loss {} (nll {}, kl {}, "
                + "diversity {}), ONNX max abs diff {}", w.rows(), series.size(), String.format("%.1f", seconds),
                last[0], last[1], last[2], last[3], diff);
        return new ScenarioVae(s, t.drivers, onnx, prov, ScenarioVae.TRAINED_NAME, version.isEmpty() ? "0" : version,
                io.retailgen.core.Device.cpu());
    }

    private static DefaultTrainingConfig config(ScenarioVaeTrainer t, TrainingEngine engine, int updates) {
        Tracker lr = Tracker.cosine().setBaseValue(t.learningRate).optFinalValue(t.learningRate * 0.02f)
                .setMaxUpdates(Math.max(1, updates)).build();
        return new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(Optimizer.adam().optLearningRateTracker(lr)
                .build()).optDevices(new ai.djl.Device[] {engine.djlDevice()});
    }

    /** @return the last epoch's mean loss, likelihood, KL and diversity terms */
    private static double[] fit(ScenarioVaeTrainer t, Windows w, NDManager manager, Trainer et, Trainer dt, Net enc,
            Net dec) {
        int rows = w.rows();
        int f = w.width();
        int b = t.block;
        int lat = t.latent;
        int batch = Math.min(t.batchSize, rows);
        TrainingProgress progress = t.listener != null ? TrainingProgress.of(t.listener) : TrainingProgress.of();
        progress.start(t.epochs, (rows + batch - 1) / batch);
        SplittableRandom rnd = new SplittableRandom(t.seed);
        int[] order = IntStream.range(0, rows).toArray();
        double[] epochMeans = new double[4];
        float[] cb = new float[batch * f];
        float[] yb = new float[batch * b];
        float[] eps = new float[3 * batch * lat];
        for (int epoch = 0; epoch < t.epochs; epoch++) {
            Shuffle.inPlace(order, rnd);
            double[] sums = new double[4];
            int seen = 0;
            for (int s = 0; s < rows; s += batch) {
                int n = Math.min(batch, rows - s);
                for (int k = 0; k < n; k++) {
                    int r = order[s + k];
                    System.arraycopy(w.condition(), r * f, cb, k * f, f);
                    System.arraycopy(w.target(), r * b, yb, k * b, b);
                }
                for (int i = 0; i < 3 * n * lat; i++) {
                    eps[i] = (float) rnd.nextGaussian();
                }
                double[] terms;
                try (NDManager step = manager.newSubManager()) {
                    NDArray c = step.create(Arrays.copyOf(cb, n * f), new Shape(n, f));
                    NDArray y = step.create(Arrays.copyOf(yb, n * b), new Shape(n, b));
                    NDArray e = step.create(Arrays.copyOf(eps, 3 * n * lat), new Shape(3, n, lat));
                    zeroGradients(enc.block);
                    zeroGradients(dec.block);
                    try (GradientCollector gc = et.newGradientCollector()) {
                        NDArray h = et.forward(new NDList(c.concat(y, 1))).singletonOrThrow();
                        NDArray mu = h.get(":, 0:" + lat);
                        NDArray logVar = h.get(":, " + lat + ":").clip(-10, 10);
                        NDArray latent = mu.add(logVar.mul(0.5f).exp().mul(e.get(0)));
                        NDArray out = dt.forward(new NDList(latent.concat(c, 1))).singletonOrThrow();
                        NDArray m = out.get(":, 0:" + b);
                        float half = (float) ScenarioVae.LOG_SIGMA_HALF_WIDTH;
                        NDArray ls = out.get(":, " + b + ":").div(half).tanh().mul(half)
                                .add((float) ScenarioVae.LOG_SIGMA_CENTRE);
                        NDArray nll = ls.add(y.sub(m).square().mul(ls.mul(-2).exp()).mul(0.5f)).mean();
                        NDArray kl = logVar.exp().add(mu.square()).sub(logVar).sub(1f).sum(new int[] {1}).mean()
                                .mul(0.5f / b);
                        NDArray loss = nll.add(kl.mul((float) t.klWeight));
                        NDArray div = diversity(dt, c, e.get(1), e.get(2), b);
                        if (t.diversityWeight > 0) {
                            loss = loss.add(div.mul((float) t.diversityWeight));
                        }
                        gc.backward(loss);
                        terms = new double[] {loss.getFloat(), nll.getFloat(), kl.getFloat(), div.getFloat()};
                    }
                    et.step();
                    dt.step();
                }
                if (!Double.isFinite(terms[0])) {
                    throw new RetailGenException(ErrorCode.TRAINING_FAILED, "scenario VAE training diverged at epoch "
                            + (epoch + 1) + ": loss is " + terms[0] + "; lower the learning rate (" + t.learningRate
                            + ")");
                }
                progress.step(terms[0], n);
                for (int i = 0; i < 4; i++) {
                    sums[i] += terms[i] * n;
                }
                seen += n;
            }
            for (int i = 0; i < 4; i++) {
                epochMeans[i] = sums[i] / seen;
            }
            progress.endEpoch(Map.of("loss", epochMeans[0], "nll", epochMeans[1], "kl", epochMeans[2], "diversity",
                    epochMeans[3]));
        }
        progress.end();
        return epochMeans;
    }

    /**
     * The diversity term {@code tau / (tau + d_y / d_z)} averaged over the batch: {@code d_y} the mean absolute
     * difference of the decoded means of two prior latents of the same context, {@code d_z} that of the latents.
     */
    static NDArray diversity(Trainer dt, NDArray condition, NDArray z1, NDArray z2, int block) {
        NDArray m1 = dt.forward(new NDList(z1.concat(condition, 1))).singletonOrThrow().get(":, 0:" + block);
        NDArray m2 = dt.forward(new NDList(z2.concat(condition, 1))).singletonOrThrow().get(":, 0:" + block);
        NDArray dy = m1.sub(m2).abs().mean(new int[] {1});
        NDArray dz = z1.sub(z2).abs().mean(new int[] {1}).add(1e-6f);
        float tau = (float) ScenarioVaeTrainer.DIVERSITY_TAU;
        return dy.div(dz).add(tau).pow(-1).mul(tau).mean();
    }

    private static void zeroGradients(Block block) {
        for (Parameter p : block.getParameters().values()) {
            NDArray a = p.getArray();
            if (p.requiresGradient() && a.hasGradient()) {
                try (NDArray g = a.getGradient()) {
                    g.subi(g);
                }
            }
        }
    }

    private static byte[] export(Net dec, int width, ScenarioVaeTrainer t) {
        List<Block> layers = dec.mlp.getChildren().values();
        OnnxGraphBuilder g = OnnxGraphBuilder.create("forecast_scenariovae_decoder")
                .docString("Scenario VAE decoder: [latent " + t.latent + ", context " + t.context + ", drivers "
                        + t.drivers + "] -> (mu, log sigma) of log(y / context mean + 0.05) for " + t.block
                        + " steps; hidden " + t.hidden);
        GraphValue x = g.input(ScenarioVae.INPUT, ElementType.FLOAT, -1, width);
        GraphValue h = g.tanh(DeepArTraining.gemm(g, "l1", x, (Linear) layers.get(0)));
        GraphValue a = DeepArTraining.gemm(g, "l2", h, (Linear) layers.get(2));
        GraphValue b = DeepArTraining.gemm(g, "skip", x, (Linear) dec.skip);
        g.output(g.add(a, b), ScenarioVae.OUTPUT);
        return g.toBytes();
    }
}
