package io.retailgen.forecast;

import io.retailgen.core.onnx.GraphValue;
import io.retailgen.core.onnx.OnnxGraphBuilder;
import io.retailgen.core.runtime.ElementType;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@link DeepArModel} step network {@code params = W2 tanh(W1 x + b1) + b2 + W3 x + b3} as one flat weight
 * vector, and its ONNX graph built from that vector. The layout is {@code W1 [hidden, F]}, {@code b1 [hidden]},
 * {@code W2 [2, hidden]}, {@code b2 [2]}, {@code W3 [2, F]}, {@code b3 [2]}, each row-major (DJL's {@code Linear}
 * layout: one row per output unit). Needs no DJL, so a model can be rebuilt from weights where only ONNX Runtime is
 * present.
 */
final class DeepArGraph {

    /** The parameter blocks in vector order: {@code {rows, columns}} (bias blocks have one column). */
    private final List<int[]> blocks;
    private final int features;
    private final int hidden;

    DeepArGraph(int features, int hidden) {
        this.features = features;
        this.hidden = hidden;
        this.blocks = List.of(new int[] {hidden, features}, new int[] {hidden, 1}, new int[] {2, hidden},
                new int[] {2, 1}, new int[] {2, features}, new int[] {2, 1});
    }

    static DeepArGraph of(DeepArTrainer t) {
        return new DeepArGraph(DeepArModel.featureCount(t.window, t.drivers.size()), t.hidden);
    }

    static String docString(DeepArTrainer t) {
        return "DeepAR-style step network: " + DeepArModel.featureCount(t.window, t.drivers.size()) + " features -> "
                + "(mu, log sigma) of log(y / scale + 0.05); hidden " + t.hidden + ", drivers " + t.drivers;
    }

    /** @return the number of values in the flat vector */
    int size() {
        int n = 0;
        for (int[] b : blocks) {
            n += b[0] * b[1];
        }
        return n;
    }

    /** @return the parameter blocks in vector order as {@code {rows, columns}}; biases have one column */
    List<int[]> blocks() {
        return blocks;
    }

    /**
     * Seeded starting weights: the matrices uniform in {@code +-sqrt(6 / (fan_in + fan_out))} (Glorot and Bengio
     * 2010), the biases zero.
     */
    float[] initial(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[size()];
        int at = 0;
        for (int[] b : blocks) {
            int n = b[0] * b[1];
            if (b[1] > 1) {
                double bound = Math.sqrt(6.0 / (b[0] + b[1]));
                for (int i = 0; i < n; i++) {
                    out[at + i] = (float) ((r.nextDouble() * 2 - 1) * bound);
                }
            }
            at += n;
        }
        return out;
    }

    /**
     * @param flat a weight vector of {@link #size()} values
     * @param docString the graph's description
     * @return the ONNX graph: input {@code features [n, F]}, output {@code params [n, 2]}
     */
    byte[] export(float[] flat, String docString) {
        if (flat.length != size()) {
            throw new IllegalArgumentException("weights of " + flat.length + " values, the network has " + size()
                    + " (features " + features + ", hidden " + hidden + ")");
        }
        OnnxGraphBuilder g = OnnxGraphBuilder.create("forecast_deepar_step").docString(docString);
        GraphValue x = g.input(DeepArModel.INPUT, ElementType.FLOAT, -1, features);
        GraphValue h = g.tanh(gemm(g, "l1", x, flat, 0));
        GraphValue a = gemm(g, "l2", h, flat, 2);
        GraphValue b = gemm(g, "skip", x, flat, 4);
        g.output(g.add(a, b), DeepArModel.OUTPUT);
        return g.toBytes();
    }

    private GraphValue gemm(OnnxGraphBuilder g, String name, GraphValue x, float[] flat, int block) {
        int start = offset(block);
        int[] w = blocks.get(block);
        int[] b = blocks.get(block + 1);
        float[] weight = Arrays.copyOfRange(flat, start, start + w[0] * w[1]);
        float[] bias = Arrays.copyOfRange(flat, start + w[0] * w[1], start + w[0] * w[1] + b[0]);
        GraphValue wv = g.constant(name + "_weight", weight, w[0], w[1]);
        GraphValue bv = g.constant(name + "_bias", bias, b[0]);
        return g.gemm(x, wv, bv, 1f, 1f, false, true);
    }

    /** @return where block {@code index} starts in the flat vector */
    int offset(int index) {
        int at = 0;
        for (int i = 0; i < index; i++) {
            at += blocks.get(i)[0] * blocks.get(i)[1];
        }
        return at;
    }
}
