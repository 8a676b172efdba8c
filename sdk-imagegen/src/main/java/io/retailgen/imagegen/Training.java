package io.retailgen.imagegen;

import static io.retailgen.imagegen.ImageBatches.batch;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.Tensor;
import io.retailgen.training.TrainingEngine;
import io.retailgen.core.train.TrainingProgress;
import io.retailgen.core.util.Shuffle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The DJL training loops: the classifier, then the conditional GAN with an exponential moving average generator. */
final class Training {
    private static final Logger LOG = LoggerFactory.getLogger(Training.class);
    private static final int EXPORT_CHECK_ROWS = 64;

    private Training() {
    }

    record Trained(byte[] onnx, double exportMaxAbsDiff, int epochs, long steps, double seconds, double lastLoss) {
    }

    private static DefaultTrainingConfig config(TrainingEngine engine, Loss loss, Optimizer optimizer) {
        return new DefaultTrainingConfig(loss).optOptimizer(optimizer)
                .optDevices(new ai.djl.Device[] {engine.djlDevice()});
    }

    static void zeroGradients(Block block) {
        for (Parameter p : block.getParameters().values()) {
            NDArray a = p.getArray();
            if (p.requiresGradient() && a.hasGradient()) {
                try (NDArray g = a.getGradient()) {
                    g.subi(g);
                }
            }
        }
    }

    private static void requireFinite(double loss, String what, int epoch) {
        if (!Double.isFinite(loss)) {
            throw new RetailGenException(ErrorCode.TRAINING_FAILED,
                    what + " training diverged at epoch " + epoch + ": loss is " + loss);
        }
    }

    /** Trains the classifier with softmax cross-entropy and Adam; inputs are pixels in [0, 1]. */
    static Trained trainClassifier(TrainingEngine engine, LabeledImages data, int classes, int epochs, int batchSize,
            TrainingProgress progress, SplittableRandom rnd) {
        long t0 = System.nanoTime();
        Nets.Classifier net = new Nets.Classifier(classes);
        int per = data.pixelsPerImage();
        int steps = (data.count() + batchSize - 1) / batchSize;
        long global = 0;
        double last = Double.NaN;
        try (Model model = Model.newInstance("imagegen-classifier", engine.djlDevice(), TrainingEngine.ENGINE_NAME)) {
            model.setBlock(net.block);
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
            try (Trainer trainer = model.newTrainer(config(engine, Loss.softmaxCrossEntropyLoss(), adam));
                 NDManager root = engine.newManager()) {
                trainer.initialize(new Shape(1, 1, Nets.SIDE, Nets.SIDE));
                progress.start(epochs, steps);
                float[] x = new float[batchSize * per];
                float[] y = new float[batchSize];
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    int[] order = Shuffle.permutation(data.count(), rnd);
                    for (int start = 0; start < order.length; start += batchSize) {
                        int n = Math.min(batchSize, order.length - start);
                        batch(data, order, start, n, 1f / 255f, 0f, x, null, y, classes);
                        try (NDManager step = root.newSubManager()) {
                            NDArray xb = step.create(java.util.Arrays.copyOf(x, n * per),
                                    new Shape(n, 1, Nets.SIDE, Nets.SIDE));
                            NDArray yb = step.create(java.util.Arrays.copyOf(y, n), new Shape(n));
                            zeroGradients(net.block);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(xb)).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(yb), new NDList(logits));
                                gc.backward(loss);
                                last = loss.getFloat();
                            }
                            trainer.step();
                            requireFinite(last, "classifier", epoch);
                            progress.step(last, n);
                            global++;
                            logEvery("classifier", global, epoch, last, t0);
                        }
                    }
                    progress.endEpoch();
                }
                progress.end();
                byte[] onnx = net.export("Fashion-MNIST-style category classifier (" + classes
                        + " categories), trained with DJL on " + engine.describe());
                double diff = checkClassifier(root, trainer, onnx, rnd);
                return new Trained(onnx, diff, epochs, global, (System.nanoTime() - t0) / 1e9, last);
            }
        }
    }

    private static double checkClassifier(NDManager root, Trainer trainer, byte[] onnx, SplittableRandom rnd) {
        float[] x = new float[EXPORT_CHECK_ROWS * Nets.SIDE * Nets.SIDE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextDouble();
        }
        float[] djl;
        try (NDManager scope = root.newSubManager()) {
            NDArray in = scope.create(x, new Shape(EXPORT_CHECK_ROWS, 1, Nets.SIDE, Nets.SIDE));
            djl = trainer.evaluate(new NDList(in)).singletonOrThrow().softmax(1).toFloatArray();
        }
        try (OnnxModel m = OnnxModel.builder().model(onnx).name("classifier-check").build()) {
            float[] ort = m.run(Map.of(Nets.IN_IMAGE, Tensor.ofFloats(x, EXPORT_CHECK_ROWS, 1, Nets.SIDE,
                    Nets.SIDE))).get(Nets.OUT_PROBABILITIES).toFloatArray();
            return maxAbsDiff(djl, ort);
        }
    }

    private static void logEvery(String what, long step, int epoch, double loss, long t0) {
        if (step % 200 == 0 && LOG.isInfoEnabled()) {
            double s = (System.nanoTime() - t0) / 1e9;
            LOG.info(String.format(java.util.Locale.ROOT, "%s step %d (epoch %d): loss %.4f, %.1f s, %.1f steps/s",
                    what, step, epoch, loss, s, step / s));
        }
    }

    static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** One mini-batch step of {@link #timedEpochs}. */
    interface BatchStep {
        /**
         * @param step the step's manager (closed after the step)
         * @param images the batch, {@code [batch, 1, 28, 28]}
         * @param oneHot its categories, {@code [batch, classes]}
         * @param epoch the epoch, from 1
         * @param global the steps run before this one
         * @return the loss to report
         */
        double run(NDManager step, NDArray images, NDArray oneHot, int epoch, long global);
    }

    /** What {@link #timedEpochs} ran: epochs started, steps and the last reported loss. */
    record Loop(int epochs, long steps, double lastLoss) {
    }

    /**
     * Shuffled mini-batch epochs (pixels scaled to {@code pixel * scale + offset}) until the epochs are done or the
     * deadline passes (checked after each step), with progress, a finiteness check and a log line every 200 steps.
     */
    static Loop timedEpochs(String what, LabeledImages data, int classes, int epochs, int bs, float scale,
            float offset, long deadlineNanos, NDManager root, TrainingProgress progress, SplittableRandom rnd,
            long t0, BatchStep body) {
        int per = data.pixelsPerImage();
        float[] x = new float[bs * per];
        float[] oh = new float[bs * classes];
        long global = 0;
        int epochsRun = 0;
        double last = Double.NaN;
        progress.start(epochs, data.count() / bs);
        boolean out = false;
        for (int epoch = 1; epoch <= epochs && !out; epoch++) {
            int[] order = Shuffle.permutation(data.count(), rnd);
            for (int start = 0; start + bs <= order.length; start += bs) {
                batch(data, order, start, bs, scale, offset, x, oh, null, classes);
                try (NDManager step = root.newSubManager()) {
                    last = body.run(step, step.create(x, new Shape(bs, 1, Nets.SIDE, Nets.SIDE)),
                            step.create(oh, new Shape(bs, classes)), epoch, global);
                }
                requireFinite(last, what, epoch);
                progress.step(last, bs);
                global++;
                logEvery(what, global, epoch, last, t0);
                if (System.nanoTime() > deadlineNanos) {
                    out = true;
                    break;
                }
            }
            progress.endEpoch();
            epochsRun = epoch;
        }
        progress.end();
        return new Loop(epochsRun, global, last);
    }

    /** Settings of the GAN run. */
    record GanSettings(int latent, int classes, int width, int epochs, int batchSize, float learningRate,
            float emaDecay, long deadlineNanos, boolean subPixel) {
    }

    /**
     * Trains the conditional GAN (hinge loss, Xavier-initialised weights, Adam with beta1 = 0.5) until the epochs
     * are done or the deadline passes, then writes the moving-average generator (with batch-norm statistics
     * recomputed) to ONNX and checks ONNX Runtime against DJL on random inputs.
     */
    static Trained trainGan(TrainingEngine engine, LabeledImages data, GanSettings s, TrainingProgress progress,
            SplittableRandom rnd) {
        long t0 = System.nanoTime();
        Nets.Generator gen = new Nets.Generator(s.latent(), s.classes(), s.width(), s.subPixel());
        Nets.Discriminator dis = new Nets.Discriminator(s.classes(), s.width());
        int bs = s.batchSize();
        try (Model gm = Model.newInstance("imagegen-generator", engine.djlDevice(), TrainingEngine.ENGINE_NAME);
             Model dm = Model.newInstance("imagegen-discriminator", engine.djlDevice(),
                     TrainingEngine.ENGINE_NAME)) {
            // DJL's default weight initialiser (Gaussian, fan-in, magnitude 2) gives a 2.5x worse Frechet distance
            // here than Xavier with averaged fan (docs/imagegen.md): the wide first Linear starts far too large
            gen.block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            dis.block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            gm.setBlock(gen.block);
            dm.setBlock(dis.block);
            Optimizer ga = Optimizer.adam().optLearningRateTracker(Tracker.fixed(s.learningRate())).optBeta1(0.5f)
                    .build();
            Optimizer da = Optimizer.adam().optLearningRateTracker(Tracker.fixed(s.learningRate())).optBeta1(0.5f)
                    .build();
            try (Trainer gt = gm.newTrainer(config(engine, Loss.l2Loss(), ga));
                 Trainer dt = dm.newTrainer(config(engine, Loss.l2Loss(), da));
                 NDManager root = engine.newManager()) {
                gt.initialize(gen.inputShape());
                dt.initialize(new Shape(2, 1, Nets.SIDE, Nets.SIDE));
                List<Parameter> gParams = new ArrayList<>();
                List<NDArray> ema = new ArrayList<>();
                for (Parameter p : gen.block.getParameters().values()) {
                    if (p.requiresGradient()) {
                        gParams.add(p);
                        NDArray copy = root.create(p.getArray().toFloatArray(), p.getArray().getShape());
                        ema.add(copy);
                    }
                }
                Loop loop = timedEpochs("GAN", data, s.classes(), s.epochs(), bs, 2f / 255f, -1f, s.deadlineNanos(),
                        root, progress, rnd, t0, (step, real, onehot, epoch, global) -> {
                    NDArray z = step.randomNormal(new Shape(bs, s.latent()));
                    double dLoss;
                    double gLoss;
                    NDArray fake;
                    zeroGradients(dis.block);
                    try (GradientCollector gc = dt.newGradientCollector()) {
                        fake = gt.forward(new NDList(z.concat(onehot, 1))).singletonOrThrow();
                        NDArray dReal = head(dt.forward(new NDList(real)).singletonOrThrow(), onehot);
                        NDArray dFake = head(dt.forward(new NDList(fake.stopGradient())).singletonOrThrow(),
                                onehot);
                        NDArray loss = Activation.relu(dReal.neg().add(1f)).mean()
                                .add(Activation.relu(dFake.add(1f)).mean());
                        gc.backward(loss);
                        dLoss = loss.getFloat();
                    }
                    dt.step();
                    zeroGradients(gen.block);
                    try (GradientCollector gc = gt.newGradientCollector()) {
                        NDArray dOut = head(dt.forward(new NDList(fake)).singletonOrThrow(), onehot);
                        NDArray loss = dOut.mean().neg();
                        gc.backward(loss);
                        gLoss = loss.getFloat();
                    }
                    gt.step();
                    requireFinite(dLoss + gLoss, "GAN", epoch);
                    float keep = Math.min(s.emaDecay(), (1f + global) / (10f + global));
                    for (int i = 0; i < gParams.size(); i++) {
                        try (NDArray t = gParams.get(i).getArray().mul(1f - keep)) {
                            ema.get(i).muli(keep).addi(t);
                        }
                    }
                    return gLoss;
                });
                for (int i = 0; i < gParams.size(); i++) {
                    NDArray a = gParams.get(i).getArray();
                    a.subi(a).addi(ema.get(i));
                }
                recomputeBatchNorm(gt, root, s, 40, rnd);
                byte[] onnx = gen.export("Class-conditional DCGAN-style generator (" + s.classes()
                        + " categories, latent " + s.latent() + ", width " + s.width()
                        + "), moving-average weights, trained with DJL on " + engine.describe());
                double diff = checkGenerator(root, gt, s, onnx, rnd);
                return new Trained(onnx, diff, loop.epochs(), loop.steps(), (System.nanoTime() - t0) / 1e9,
                        loop.lastLoss());
            }
        }
    }

    /** Settings of the conditional VAE run. */
    record VaeSettings(int latent, int classes, int width, int epochs, int batchSize, float learningRate, float beta,
            long deadlineNanos) {
    }

    /** Encoder and decoder graphs of a trained conditional VAE. */
    record TrainedVae(byte[] encoderOnnx, byte[] decoderOnnx, double exportMaxAbsDiff, int epochs, long steps,
            double seconds, double lastLoss) {
    }

    /**
     * Trains the conditional VAE (Bernoulli likelihood on pixels in [0, 1], KL weight {@code beta}, Adam) until the
     * epochs are done or the deadline passes, then exports the encoder and the decoder and checks both against DJL.
     */
    static TrainedVae trainVae(TrainingEngine engine, LabeledImages data, VaeSettings s, TrainingProgress progress,
            SplittableRandom rnd) {
        long t0 = System.nanoTime();
        Nets.Encoder enc = new Nets.Encoder(s.latent(), s.classes(), s.width());
        Nets.Decoder dec = new Nets.Decoder(s.latent(), s.classes(), s.width());
        int per = data.pixelsPerImage();
        int bs = s.batchSize();
        try (Model em = Model.newInstance("imagegen-encoder", engine.djlDevice(), TrainingEngine.ENGINE_NAME);
             Model dm = Model.newInstance("imagegen-decoder", engine.djlDevice(), TrainingEngine.ENGINE_NAME)) {
            em.setBlock(enc.block);
            dm.setBlock(dec.block);
            Optimizer ea = Optimizer.adam().optLearningRateTracker(Tracker.fixed(s.learningRate())).build();
            Optimizer da = Optimizer.adam().optLearningRateTracker(Tracker.fixed(s.learningRate())).build();
            try (Trainer et = em.newTrainer(config(engine, Loss.l2Loss(), ea));
                 Trainer dt = dm.newTrainer(config(engine, Loss.l2Loss(), da));
                 NDManager root = engine.newManager()) {
                et.initialize(enc.inputShape());
                dt.initialize(dec.inputShape());
                Loop loop = timedEpochs("VAE", data, s.classes(), s.epochs(), bs, 1f / 255f, 0f, s.deadlineNanos(),
                        root, progress, rnd, t0, (step, img, onehot, epoch, global) -> {
                    NDArray eps = step.randomNormal(new Shape(bs, s.latent()));
                    double vLoss;
                    zeroGradients(enc.block);
                    zeroGradients(dec.block);
                    try (GradientCollector gc = et.newGradientCollector()) {
                        NDArray h = et.forward(new NDList(Nets.Encoder.withCategoryPlanes(img, onehot)))
                                .singletonOrThrow();
                        NDArray mu = h.get(":, 0:" + s.latent());
                        NDArray logVar = h.get(":, " + s.latent() + ":");
                        NDArray z = mu.add(logVar.mul(0.5f).exp().mul(eps));
                        NDArray logits = dt.forward(new NDList(z.concat(onehot, 1))).singletonOrThrow();
                        NDArray flat = img.reshape(bs, per);
                        NDArray recon = Activation.softPlus(logits.reshape(bs, per))
                                .sub(flat.mul(logits.reshape(bs, per))).sum(new int[] {1}).mean();
                        NDArray kl = logVar.exp().add(mu.square()).sub(logVar).sub(1f).sum(new int[] {1})
                                .mean().mul(0.5f);
                        NDArray loss = recon.add(kl.mul(s.beta()));
                        gc.backward(loss);
                        vLoss = loss.getFloat();
                    }
                    et.step();
                    dt.step();
                    return vLoss;
                });
                String about = "(" + s.classes() + " categories, latent " + s.latent() + ", width " + s.width()
                        + "), trained with DJL on " + engine.describe();
                byte[] encOnnx = enc.export("Class-conditional VAE encoder " + about);
                byte[] decOnnx = dec.export("Class-conditional VAE decoder " + about);
                double diff = Math.max(checkEncoder(root, et, s, encOnnx, rnd), checkDecoder(root, dt, s, decOnnx,
                        rnd));
                return new TrainedVae(encOnnx, decOnnx, diff, loop.epochs(), loop.steps(),
                        (System.nanoTime() - t0) / 1e9, loop.lastLoss());
            }
        }
    }

    private static float[] oneHots(int n, int classes, SplittableRandom rnd) {
        float[] y = new float[n * classes];
        for (int r = 0; r < n; r++) {
            y[r * classes + rnd.nextInt(classes)] = 1f;
        }
        return y;
    }

    private static double checkEncoder(NDManager root, Trainer et, VaeSettings s, byte[] onnx,
            SplittableRandom rnd) {
        int n = EXPORT_CHECK_ROWS;
        float[] x = new float[n * Nets.SIDE * Nets.SIDE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextDouble();
        }
        float[] y = oneHots(n, s.classes(), rnd);
        float[] djl;
        try (NDManager scope = root.newSubManager()) {
            NDArray img = scope.create(x, new Shape(n, 1, Nets.SIDE, Nets.SIDE));
            NDArray oh = scope.create(y, new Shape(n, s.classes()));
            djl = et.evaluate(new NDList(Nets.Encoder.withCategoryPlanes(img, oh))).singletonOrThrow()
                    .toFloatArray();
        }
        try (OnnxModel m = OnnxModel.builder().model(onnx).name("encoder-check").build()) {
            Map<String, Tensor> out = m.run(Map.of(Nets.IN_IMAGE, Tensor.ofFloats(x, n, 1, Nets.SIDE, Nets.SIDE),
                    Nets.IN_CATEGORY, Tensor.ofFloats(y, n, s.classes())));
            float[] mu = out.get(Nets.OUT_MEAN).toFloatArray();
            float[] lv = out.get(Nets.OUT_LOG_VAR).toFloatArray();
            float[] ort = new float[n * 2 * s.latent()];
            for (int r = 0; r < n; r++) {
                System.arraycopy(mu, r * s.latent(), ort, r * 2 * s.latent(), s.latent());
                System.arraycopy(lv, r * s.latent(), ort, r * 2 * s.latent() + s.latent(), s.latent());
            }
            return maxAbsDiff(djl, ort);
        }
    }

    private static double checkDecoder(NDManager root, Trainer dt, VaeSettings s, byte[] onnx,
            SplittableRandom rnd) {
        int n = EXPORT_CHECK_ROWS;
        float[] z = new float[n * s.latent()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rnd.nextGaussian();
        }
        float[] y = oneHots(n, s.classes(), rnd);
        float[] djl;
        try (NDManager scope = root.newSubManager()) {
            NDArray in = scope.create(z, new Shape(n, s.latent())).concat(scope.create(y, new Shape(n, s.classes())),
                    1);
            djl = Activation.sigmoid(dt.evaluate(new NDList(in)).singletonOrThrow()).toFloatArray();
        }
        try (OnnxModel m = OnnxModel.builder().model(onnx).name("decoder-check").build()) {
            float[] ort = m.run(Map.of(Nets.IN_LATENT, Tensor.ofFloats(z, n, s.latent()), Nets.IN_CATEGORY,
                    Tensor.ofFloats(y, n, s.classes()))).get(Nets.OUT_IMAGE).toFloatArray();
            return maxAbsDiff(djl, ort);
        }
    }

    private static NDArray head(NDArray logits, NDArray onehot) {
        return logits.mul(onehot).sum(new int[] {1});
    }

    /** Batch-norm running statistics for the averaged weights: forward passes in training mode, no gradients. */
    private static void recomputeBatchNorm(Trainer gt, NDManager root, GanSettings s, int batches,
            SplittableRandom rnd) {
        int bs = 256;
        for (int b = 0; b < batches; b++) {
            try (NDManager scope = root.newSubManager()) {
                gt.forward(new NDList(latentBatch(scope, bs, s.latent(), s.classes(), rnd)));
            }
        }
    }

    private static NDArray latentBatch(NDManager m, int n, int latent, int classes, SplittableRandom rnd) {
        float[] in = new float[n * (latent + classes)];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < latent; j++) {
                in[r * (latent + classes) + j] = (float) rnd.nextGaussian();
            }
            in[r * (latent + classes) + latent + rnd.nextInt(classes)] = 1f;
        }
        return m.create(in, new Shape(n, latent + classes));
    }

    private static double checkGenerator(NDManager root, Trainer gt, GanSettings s, byte[] onnx,
            SplittableRandom rnd) {
        int n = EXPORT_CHECK_ROWS;
        float[] djl;
        float[] in;
        try (NDManager scope = root.newSubManager()) {
            NDArray zc = latentBatch(scope, n, s.latent(), s.classes(), rnd);
            in = zc.toFloatArray();
            djl = gt.evaluate(new NDList(zc)).singletonOrThrow().add(1f).mul(0.5f).toFloatArray();
        }
        int w = s.latent() + s.classes();
        float[] z = new float[n * s.latent()];
        float[] y = new float[n * s.classes()];
        for (int r = 0; r < n; r++) {
            System.arraycopy(in, r * w, z, r * s.latent(), s.latent());
            System.arraycopy(in, r * w + s.latent(), y, r * s.classes(), s.classes());
        }
        try (OnnxModel m = OnnxModel.builder().model(onnx).name("generator-check").build()) {
            float[] ort = m.run(Map.of(Nets.IN_LATENT, Tensor.ofFloats(z, n, s.latent()), Nets.IN_CATEGORY,
                    Tensor.ofFloats(y, n, s.classes()))).get(Nets.OUT_IMAGE).toFloatArray();
            return maxAbsDiff(djl, ort);
        }
    }
}
