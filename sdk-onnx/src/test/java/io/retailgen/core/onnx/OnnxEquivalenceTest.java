package io.retailgen.core.onnx;

import static io.retailgen.core.onnx.OrtRunner.assertClose;
import static io.retailgen.core.onnx.OrtRunner.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.engine.PtNDArray;
import io.retailgen.core.onnx.OrtRunner.Feed;
import io.retailgen.core.onnx.OrtRunner.Out;
import io.retailgen.core.runtime.ElementType;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exported graphs, run by ONNX Runtime, give the same numbers as the same computation done with DJL on the PyTorch
 * engine, for random shapes and random weights. Tolerance: {@value OrtRunner#TOLERANCE} absolute for expected values
 * of magnitude up to 1, relative to the magnitude above that.
 */
class OnnxEquivalenceTest {

    private static final int EXAMPLES = 25;
    private static NDManager root;

    @BeforeAll
    static void startEngine() {
        root = Engine.getEngine("PyTorch").newBaseManager();
    }

    @AfterAll
    static void stopEngine() {
        root.close();
    }

    private static NDArray nd(NDManager m, float[] data, long... shape) {
        return m.create(data, new Shape(shape));
    }

    @Test
    void mlpWithGemmActivationsAndSoftmax() {
        qt().withExamples(EXAMPLES).forAll(integers().between(1, 6), integers().between(1, 8),
                integers().between(1, 8), longs().all()).checkAssert((batch, in, hidden, seed) -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    int out = 2 + rnd.nextInt(5);
                    int activation = rnd.nextInt(4);
                    float slope = (float) rnd.nextDouble(0.01, 0.5);
                    float alpha = (float) rnd.nextDouble(0.5, 2);
                    float beta = (float) rnd.nextDouble(0.5, 2);
                    float[] x = uniform(rnd, batch * in, -1, 1);
                    float[] w1 = uniform(rnd, in * hidden, -1, 1);
                    float[] b1 = uniform(rnd, hidden, -1, 1);
                    float[] w2 = uniform(rnd, out * hidden, -1, 1); // PyTorch Linear layout [out, in]
                    float[] b2 = uniform(rnd, out, -1, 1);

                    OnnxGraphBuilder g = OnnxGraphBuilder.create("mlp");
                    GraphValue vx = g.input("x", ElementType.FLOAT, OnnxDim.symbolic("batch"), OnnxDim.of(in));
                    GraphValue h = g.gemm(vx, g.constant("w1", w1, in, hidden), g.constant("b1", b1, hidden));
                    h = switch (activation) {
                        case 0 -> g.relu(h);
                        case 1 -> g.tanh(h);
                        case 2 -> g.sigmoid(h);
                        default -> g.leakyRelu(h, slope);
                    };
                    GraphValue logits = g.gemm(h, g.constant("w2", w2, out, hidden), g.constant("b2", b2, out), alpha,
                            beta, false, true);
                    g.output(logits, "logits").output(g.softmax(logits, -1), "probs");
                    assertThat(logits.shape()).contains(java.util.List.of(OnnxDim.symbolic("batch"), OnnxDim.of(out)));

                    Map<String, Out> ort = OrtRunner.run(g.toBytes(), Feed.of("x", x, batch, in));
                    try (NDManager m = root.newSubManager()) {
                        NDArray hh = nd(m, x, batch, in).matMul(nd(m, w1, in, hidden)).add(nd(m, b1, hidden));
                        hh = switch (activation) {
                            case 0 -> Activation.relu(hh);
                            case 1 -> Activation.tanh(hh);
                            case 2 -> Activation.sigmoid(hh);
                            default -> Activation.leakyRelu(hh, slope);
                        };
                        NDArray lg = hh.matMul(nd(m, w2, out, hidden).transpose()).mul(alpha)
                                .add(nd(m, b2, out).mul(beta));
                        assertThat(ort.get("logits").shape()).containsExactly(batch, out);
                        assertClose("logits", ort.get("logits").floats(), lg.toFloatArray());
                        assertClose("probs", ort.get("probs").floats(), lg.softmax(-1).toFloatArray());
                    }
                });
    }

    @Test
    void batchedMatMulWithBroadcastArithmetic() {
        qt().withExamples(EXAMPLES).forAll(integers().between(1, 4), integers().between(1, 5),
                integers().between(1, 6), longs().all()).checkAssert((batch, rows, inner, seed) -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    int cols = 1 + rnd.nextInt(6);
                    float[] a = uniform(rnd, batch * rows * inner, -1, 1);
                    float[] b = uniform(rnd, inner * cols, -1, 1);
                    float[] c = uniform(rnd, cols, -1, 1);
                    float[] d = uniform(rnd, rows, -1, 1);
                    float[] e = uniform(rnd, batch * rows * cols, -1, 1);
                    float[] f = uniform(rnd, cols, 0.5, 2);
                    for (int i = 0; i < f.length; i++) {
                        f[i] = rnd.nextBoolean() ? f[i] : -f[i];
                    }

                    OnnxGraphBuilder g = OnnxGraphBuilder.create("arith");
                    GraphValue va = g.input("a", ElementType.FLOAT, -1, rows, inner);
                    GraphValue ve = g.input("e", ElementType.FLOAT, -1, rows, cols);
                    GraphValue p = g.matMul(va, g.constant("b", b, inner, cols));
                    GraphValue q = g.sub(g.add(p, g.constant("c", c, cols)), g.constant("d", d, rows, 1));
                    GraphValue r = g.div(g.mul(q, ve), g.constant("f", f, cols));
                    g.output(r, "y");

                    Map<String, Out> ort = OrtRunner.run(g.toBytes(), Feed.of("a", a, batch, rows, inner),
                            Feed.of("e", e, batch, rows, cols));
                    try (NDManager m = root.newSubManager()) {
                        NDArray ref = nd(m, a, batch, rows, inner).matMul(nd(m, b, inner, cols)).add(nd(m, c, cols))
                                .sub(nd(m, d, rows, 1)).mul(nd(m, e, batch, rows, cols)).div(nd(m, f, cols));
                        assertThat(ort.get("y").shape()).containsExactly(batch, rows, cols);
                        assertClose("y", ort.get("y").floats(), ref.toFloatArray());
                    }
                });
    }

    @Test
    void convolutionThenResize() {
        qt().withExamples(EXAMPLES).forAll(integers().between(1, 2), integers().between(1, 3),
                integers().between(1, 3), longs().all()).checkAssert((batch, groups, channelsPerGroup, seed) -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    int c = groups * channelsPerGroup;
                    int mOut = groups * (1 + rnd.nextInt(2));
                    int k = 1 + rnd.nextInt(3);
                    int pad = rnd.nextInt(2);
                    int stride = 1 + rnd.nextInt(2);
                    int dilation = 1 + rnd.nextInt(2);
                    int minSize = Math.max(1, dilation * (k - 1) + 1 - 2 * pad);
                    int h = minSize + rnd.nextInt(5);
                    int w = minSize + rnd.nextInt(5);
                    int scale = 1 + rnd.nextInt(3);
                    ResizeMode mode = rnd.nextBoolean() ? ResizeMode.NEAREST : ResizeMode.LINEAR;
                    float[] x = uniform(rnd, batch * c * h * w, -1, 1);
                    float[] kernel = uniform(rnd, mOut * channelsPerGroup * k * k, -1, 1);
                    float[] bias = uniform(rnd, mOut, -1, 1);

                    OnnxGraphBuilder g = OnnxGraphBuilder.create("convnet").opset(19);
                    GraphValue vx = g.input("x", ElementType.FLOAT, -1, c, h, w);
                    GraphValue y = g.conv(vx, g.constant("k", kernel, mOut, channelsPerGroup, k, k),
                            g.constant("kb", bias, mOut), new long[] {pad, pad, pad, pad},
                            new long[] {stride, stride}, new long[] {dilation, dilation}, groups);
                    GraphValue z = g.resize(y, mode, 1, 1, scale, scale);
                    g.output(y, "conv").output(z, "resized");

                    Map<String, Out> ort = OrtRunner.run(g.toBytes(), Feed.of("x", x, batch, c, h, w));
                    try (NDManager m = root.newSubManager()) {
                        NDArray ref = Conv2d.conv2d(nd(m, x, batch, c, h, w),
                                nd(m, kernel, mOut, channelsPerGroup, k, k), nd(m, bias, mOut),
                                new Shape(stride, stride), new Shape(pad, pad), new Shape(dilation, dilation), groups)
                                .singletonOrThrow();
                        long[] s = ref.getShape().getShape();
                        // shape inference of the builder agrees with PyTorch
                        assertThat(y.shape().orElseThrow().subList(1, 4)).containsExactly(OnnxDim.of(s[1]),
                                OnnxDim.of(s[2]), OnnxDim.of(s[3]));
                        assertThat(ort.get("conv").shape()).containsExactly(s);
                        assertClose("conv", ort.get("conv").floats(), ref.toFloatArray());
                        NDArray up = mode == ResizeMode.NEAREST
                                ? ref.repeat(2, scale).repeat(3, scale)
                                : ref.getNDArrayInternal().interpolation(new long[] {s[2] * scale, s[3] * scale}, 1,
                                        false);
                        assertThat(ort.get("resized").shape()).containsExactly(up.getShape().getShape());
                        assertClose("resized " + mode, ort.get("resized").floats(), up.toFloatArray());
                    }
                });
    }

    @Test
    void gruOneStepMatchesPyTorchEquations() {
        qt().withExamples(EXAMPLES).forAll(integers().between(1, 4), integers().between(1, 6),
                integers().between(1, 6), longs().all()).checkAssert((batch, in, hidden, seed) -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    float[] wih = uniform(rnd, 3 * hidden * in, -1, 1);
                    float[] whh = uniform(rnd, 3 * hidden * hidden, -1, 1);
                    float[] bih = uniform(rnd, 3 * hidden, -1, 1);
                    float[] bhh = uniform(rnd, 3 * hidden, -1, 1);
                    float[] x = uniform(rnd, batch * in, -1, 1);
                    float[] h0 = uniform(rnd, batch * hidden, -1, 1);

                    OnnxGraphBuilder g = OnnxGraphBuilder.create("gru_step");
                    GraphValue vx = g.input("x", ElementType.FLOAT, OnnxDim.symbolic("batch"), OnnxDim.of(in));
                    GraphValue vh = g.input("h", ElementType.FLOAT, OnnxDim.symbolic("batch"), OnnxDim.of(hidden));
                    GruOutputs out = g.gru("gru", g.unsqueeze(vx, 0),
                            GruWeights.fromPyTorch(in, hidden, wih, whh, bih, bhh), g.unsqueeze(vh, 0));
                    g.output(g.squeeze(out.lastHidden(), 0), "h_next");

                    Map<String, Out> ort = OrtRunner.run(g.toBytes(), Feed.of("x", x, batch, in),
                            Feed.of("h", h0, batch, hidden));
                    try (NDManager m = root.newSubManager()) {
                        // PyTorch's GRU cell, gates in PyTorch order (r, z, n)
                        NDArray gi = nd(m, x, batch, in).matMul(nd(m, wih, 3L * hidden, in).transpose())
                                .add(nd(m, bih, 3L * hidden));
                        NDArray hPrev = nd(m, h0, batch, hidden);
                        NDArray gh = hPrev.matMul(nd(m, whh, 3L * hidden, hidden).transpose())
                                .add(nd(m, bhh, 3L * hidden));
                        NDList giParts = gi.split(3, 1);
                        NDList ghParts = gh.split(3, 1);
                        NDArray r = Activation.sigmoid(giParts.get(0).add(ghParts.get(0)));
                        NDArray z = Activation.sigmoid(giParts.get(1).add(ghParts.get(1)));
                        NDArray n = Activation.tanh(giParts.get(2).add(r.mul(ghParts.get(2))));
                        NDArray hNext = z.neg().add(1).mul(n).add(z.mul(hPrev));
                        assertThat(ort.get("h_next").shape()).containsExactly(batch, hidden);
                        assertClose("h_next", ort.get("h_next").floats(), hNext.toFloatArray());
                    }
                });
    }

    @Test
    void gruSequenceMatchesTorchGru() {
        qt().withExamples(EXAMPLES).forAll(integers().between(1, 6), integers().between(1, 3),
                integers().between(1, 5), longs().all()).checkAssert((seq, batch, hidden, seed) -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    int in = 1 + rnd.nextInt(5);
                    boolean withH0 = rnd.nextBoolean();
                    float[] wih = uniform(rnd, 3 * hidden * in, -1, 1);
                    float[] whh = uniform(rnd, 3 * hidden * hidden, -1, 1);
                    float[] bih = uniform(rnd, 3 * hidden, -1, 1);
                    float[] bhh = uniform(rnd, 3 * hidden, -1, 1);
                    float[] x = uniform(rnd, seq * batch * in, -1, 1);
                    float[] h0 = withH0 ? uniform(rnd, batch * hidden, -1, 1) : new float[batch * hidden];

                    OnnxGraphBuilder g = OnnxGraphBuilder.create("gru_seq").opset(21);
                    GraphValue vx = g.input("x", ElementType.FLOAT, OnnxDim.symbolic("seq"),
                            OnnxDim.symbolic("batch"), OnnxDim.of(in));
                    GraphValue vh = withH0 ? g.input("h0", ElementType.FLOAT, 1, -1, hidden) : null;
                    GruOutputs out = g.gru("enc", vx, GruWeights.fromPyTorch(in, hidden, wih, whh, bih, bhh), vh);
                    g.output(out.y(), "y").output(out.lastHidden(), "h_n");

                    Map<String, Out> ort = withH0
                            ? OrtRunner.run(g.toBytes(), Feed.of("x", x, seq, batch, in),
                                    Feed.of("h0", h0, 1, batch, hidden))
                            : OrtRunner.run(g.toBytes(), Feed.of("x", x, seq, batch, in));
                    try (NDManager m = root.newSubManager()) {
                        NDList params = new NDList(nd(m, wih, 3L * hidden, in), nd(m, whh, 3L * hidden, hidden),
                                nd(m, bih, 3L * hidden), nd(m, bhh, 3L * hidden));
                        NDList torch = nd(m, x, seq, batch, in).getNDArrayInternal().gru(nd(m, x, seq, batch, in),
                                nd(m, h0, 1, batch, hidden), params, true, 1, 0.0, false, false, false);
                        assertThat(ort.get("y").shape()).containsExactly(seq, 1, batch, hidden);
                        assertClose("y", ort.get("y").floats(), torch.get(0).toFloatArray());
                        assertClose("h_n", ort.get("h_n").floats(), torch.get(1).toFloatArray());
                    }
                });
    }

    @Test
    void indexingAndShapeOperators() {
        qt().withExamples(EXAMPLES).forAll(integers().between(1, 3), integers().between(1, 5),
                integers().between(1, 4), longs().all()).checkAssert((batch, len, dim, seed) -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    int vocab = 2 + rnd.nextInt(8);
                    int extra = 1 + rnd.nextInt(3);
                    int channels = dim + extra;
                    int start = rnd.nextInt(channels);
                    int step = 1 + rnd.nextInt(2);
                    boolean toEnd = rnd.nextBoolean();
                    int end = toEnd ? channels : start + 1 + rnd.nextInt(channels - start);
                    float[] emb = uniform(rnd, vocab * dim, -1, 1);
                    float[] z = uniform(rnd, batch * len * extra, -1, 1);
                    long[] ids = new long[batch * len];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = rnd.nextInt(2 * vocab) - vocab; // negative ids count from the end
                    }

                    OnnxGraphBuilder g = OnnxGraphBuilder.create("indexing").opset(18);
                    GraphValue vIds = g.input("ids", ElementType.INT64, -1, len);
                    GraphValue vz = g.input("z", ElementType.FLOAT, -1, len, extra);
                    GraphValue e = g.gather(g.constant("emb", emb, vocab, dim), vIds, 0);
                    GraphValue cat = g.concat(-1, e, vz);
                    GraphValue t = g.transpose(cat, 0, 2, 1);
                    GraphValue s = g.slice(t, new long[] {start}, new long[] {toEnd ? Long.MAX_VALUE : end},
                            new long[] {1}, new long[] {step});
                    GraphValue flat = g.reshape(s, 0, -1);
                    GraphValue u = g.unsqueeze(flat, 1);
                    GraphValue sum = g.reduceSum(u, new long[] {-1}, true);
                    GraphValue scaled = g.exp(g.mul(sum, g.constant("tenth", new float[] {0.1f})));
                    g.output(scaled, "exp_sum").output(g.logSoftmax(flat, -1), "log_probs")
                            .output(g.reduceSum(t, new long[] {1, 2}, false), "total");

                    int kept = (end - start + step - 1) / step;
                    assertThat(s.shape().orElseThrow().subList(1, 3)).containsExactly(OnnxDim.of(kept),
                            OnnxDim.of(len));

                    Map<String, Out> ort = OrtRunner.run(g.toBytes(), Feed.of("ids", ids, batch, len),
                            Feed.of("z", z, batch, len, extra));
                    try (NDManager m = root.newSubManager()) {
                        NDArray idx = m.create(ids, new Shape(batch, len)).add(vocab).mod(vocab);
                        NDArray eRef = idx.oneHot(vocab, DataType.FLOAT32).matMul(nd(m, emb, vocab, dim));
                        NDArray tRef = eRef.concat(nd(m, z, batch, len, extra), -1).transpose(0, 2, 1);
                        NDArray sRef = tRef.get(new NDIndex(":, {}:{}:{}", start, end, step));
                        NDArray flatRef = sRef.reshape(batch, -1);
                        NDArray sumRef = flatRef.expandDims(1).sum(new int[] {-1}, true);
                        assertThat(ort.get("exp_sum").shape()).containsExactly(batch, 1, 1);
                        assertClose("exp_sum", ort.get("exp_sum").floats(), sumRef.mul(0.1f).exp().toFloatArray());
                        assertClose("log_probs", ort.get("log_probs").floats(),
                                flatRef.logSoftmax(-1).toFloatArray());
                        assertClose("total", ort.get("total").floats(), tRef.sum(new int[] {1, 2}).toFloatArray());
                    }
                });
    }

    @Test
    void topKMatchesTorchTopK() {
        qt().withExamples(EXAMPLES).forAll(integers().between(1, 5), integers().between(1, 9),
                integers().between(-2, 1), longs().all()).checkAssert((rows, cols, axis, seed) -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    int axisSize = (axis == 0 || axis == -2) ? rows : cols;
                    int k = 1 + rnd.nextInt(axisSize);
                    boolean largest = rnd.nextBoolean();
                    float[] x = uniform(rnd, rows * cols, -10, 10);

                    OnnxGraphBuilder g = OnnxGraphBuilder.create("topk");
                    GraphValue vx = g.input("x", ElementType.FLOAT, rows, cols);
                    TopKOutputs top = g.topK(vx, k, axis, largest);
                    g.output(top.values(), "values").output(top.indices(), "indices");
                    assertThat(top.indices().elementType()).isEqualTo(ElementType.INT64);

                    Map<String, Out> ort = OrtRunner.run(g.toBytes(), Feed.of("x", x, rows, cols));
                    try (NDManager m = root.newSubManager()) {
                        NDList ref = ((PtNDArray) nd(m, x, rows, cols)).topK(k, axis, largest, true);
                        assertClose("values", ort.get("values").floats(), ref.get(0).toFloatArray());
                        assertThat(ort.get("indices").longs()).containsExactly(ref.get(1).toLongArray());
                    }
                });
    }

    @Test
    void batchNormFlattenSqueezeIdentity() {
        qt().withExamples(EXAMPLES).forAll(integers().between(1, 3), integers().between(1, 4),
                integers().between(1, 4), longs().all()).checkAssert((batch, channels, size, seed) -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    float[] x = uniform(rnd, batch * channels * size * size, -2, 2);
                    float[] scale = uniform(rnd, channels, 0.5, 1.5);
                    float[] bias = uniform(rnd, channels, -1, 1);
                    float[] mean = uniform(rnd, channels, -0.5, 0.5);
                    float[] var = uniform(rnd, channels, 0.5, 2);
                    float eps = 1e-5f;

                    OnnxGraphBuilder g = OnnxGraphBuilder.create("bn").opset(20);
                    GraphValue vx = g.input("x", ElementType.FLOAT, -1, channels, size, size);
                    GraphValue y = g.batchNorm(vx, g.constant("gamma", scale, channels),
                            g.constant("beta", bias, channels), g.constant("mean", mean, channels),
                            g.constant("var", var, channels), eps);
                    GraphValue flat = g.flatten(y, 1);
                    GraphValue back = g.squeeze(g.unsqueeze(g.identity(flat), 0, -1), 0, 3);
                    g.output(back, "flat");

                    Map<String, Out> ort = OrtRunner.run(g.toBytes(), Feed.of("x", x, batch, channels, size, size));
                    try (NDManager m = root.newSubManager()) {
                        NDArray ref = nd(m, x, batch, channels, size, size).sub(nd(m, mean, channels, 1, 1))
                                .div(nd(m, var, channels, 1, 1).add(eps).sqrt()).mul(nd(m, scale, channels, 1, 1))
                                .add(nd(m, bias, channels, 1, 1)).reshape(batch, -1);
                        assertThat(ort.get("flat").shape()).containsExactly(batch, (long) channels * size * size);
                        assertClose("flat", ort.get("flat").floats(), ref.toFloatArray());
                    }
                });
    }
}
