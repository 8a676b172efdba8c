package io.retailgen.cli;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.onnx.GraphValue;
import io.retailgen.core.onnx.OnnxGraphBuilder;
import io.retailgen.core.runtime.ElementType;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.Tensor;
import io.retailgen.training.TrainingEngine;
import io.retailgen.core.train.TrainingListener;
import io.retailgen.core.train.TrainingProgress;
import io.retailgen.core.util.Shuffle;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Trains a small MLP with DJL, exports it to ONNX, and scores inputs with both, so that the demo can show that the
 * served model equals the trained one.
 */
final class MlpDemo implements AutoCloseable {
    static final String INPUT = "features";
    static final String OUTPUT = "probabilities";

    private final TrainingEngine engine;
    private final NDManager manager;
    private final Model model;
    private final Trainer trainer;
    private final int hidden;

    MlpDemo(TrainingEngine engine, int hidden, float learningRate) {
        this.engine = engine;
        this.hidden = hidden;
        this.manager = engine.newManager();
        SequentialBlock net = new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(ShopperIntentData.CLASSES).build());
        this.model = Model.newInstance("shopper-intent", engine.djlDevice(), TrainingEngine.ENGINE_NAME);
        model.setBlock(net);
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build())
                .optDevices(new ai.djl.Device[] {engine.djlDevice()});
        this.trainer = model.newTrainer(config);
        trainer.initialize(new Shape(1, ShopperIntentData.FEATURES));
    }

    /** Trains with mini-batch Adam and reports every step to the listener. */
    void train(ShopperIntentData data, int epochs, int batch, TrainingListener listener) {
        TrainingProgress progress = TrainingProgress.of(listener);
        int steps = (data.rows + batch - 1) / batch;
        progress.start(epochs, steps);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(engine.seed());
        int[] order = IntStream.range(0, data.rows).toArray();
        for (int epoch = 0; epoch < epochs; epoch++) {
            Shuffle.inPlace(order, rnd);
            for (int start = 0; start < data.rows; start += batch) {
                int n = Math.min(batch, data.rows - start);
                float[] xb = new float[n * ShopperIntentData.FEATURES];
                float[] yb = new float[n];
                for (int k = 0; k < n; k++) {
                    int r = order[start + k];
                    System.arraycopy(data.x, r * ShopperIntentData.FEATURES, xb, k * ShopperIntentData.FEATURES,
                            ShopperIntentData.FEATURES);
                    yb[k] = data.y[r];
                }
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.create(xb, new Shape(n, ShopperIntentData.FEATURES));
                    NDArray y = step.create(yb, new Shape(n));
                    double loss;
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                        NDArray l = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                        gc.backward(l);
                        loss = l.getFloat();
                    }
                    trainer.step();
                    if (!Double.isFinite(loss)) {
                        throw new RetailGenException(ErrorCode.TRAINING_FAILED,
                                "training diverged at epoch " + (epoch + 1) + ": loss is " + loss);
                    }
                    progress.step(loss, n);
                }
            }
            progress.endEpoch();
        }
        progress.end();
    }

    /** Class probabilities from the trained DJL network, row-major {@code [rows, classes]}. */
    float[] predict(float[] x, int rows) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray in = scope.create(x, new Shape(rows, ShopperIntentData.FEATURES));
            NDArray logits = trainer.evaluate(new NDList(in)).singletonOrThrow();
            return logits.softmax(1).toFloatArray();
        }
    }

    /** Writes the trained network as an ONNX graph: Gemm, Relu, Gemm, Softmax. */
    byte[] exportOnnx() {
        List<Block> layers = model.getBlock().getChildren().values();
        Linear first = (Linear) layers.get(0);
        Linear second = (Linear) layers.get(2);
        OnnxGraphBuilder g = OnnxGraphBuilder.create("shopper_intent_mlp")
                .docString("Shopper intent MLP: " + ShopperIntentData.FEATURES + " -> " + hidden + " -> "
                        + ShopperIntentData.CLASSES + ", trained with DJL on " + engine.describe());
        GraphValue x = g.input(INPUT, ElementType.FLOAT, -1, ShopperIntentData.FEATURES);
        GraphValue h = g.relu(gemm(g, "l1", x, first));
        GraphValue logits = gemm(g, "l2", h, second);
        g.output(g.softmax(logits, 1), OUTPUT);
        return g.toBytes();
    }

    private static GraphValue gemm(OnnxGraphBuilder g, String name, GraphValue x, Linear layer) {
        NDArray w = layer.getParameters().get("weight").getArray();
        NDArray b = layer.getParameters().get("bias").getArray();
        GraphValue wv = g.constant(name + "_weight", w.toFloatArray(), w.getShape().getShape());
        GraphValue bv = g.constant(name + "_bias", b.toFloatArray(), b.getShape().getShape());
        return g.gemm(x, wv, bv, 1f, 1f, false, true);
    }

    static float[] serve(OnnxModel onnx, float[] x, int rows) {
        Tensor out = onnx.run(Map.of(INPUT, Tensor.ofFloats(x, rows, ShopperIntentData.FEATURES))).get(OUTPUT);
        return out.toFloatArray();
    }

    static double accuracy(float[] probabilities, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < ShopperIntentData.CLASSES; c++) {
                if (probabilities[i * ShopperIntentData.CLASSES + c]
                        > probabilities[i * ShopperIntentData.CLASSES + best]) {
                    best = c;
                }
            }
            if (best == labels[i]) {
                right++;
            }
        }
        return (double) right / labels.length;
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    Device device() {
        return engine.device();
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
        manager.close();
    }
}
