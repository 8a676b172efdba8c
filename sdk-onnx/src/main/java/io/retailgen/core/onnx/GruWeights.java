package io.retailgen.core.onnx;

import java.util.Arrays;

/**
 * The weights of a one-layer, one-direction GRU in ONNX layout, ready for
 * {@link OnnxGraphBuilder#gru(String, GraphValue, GruWeights, GraphValue)}.
 *
 * <p><b>Gate order.</b> PyTorch (and therefore DJL's PyTorch engine) stores the three gates of a GRU in the order
 * reset, update, new ({@code r, z, n}); ONNX expects update, reset, hidden ({@code z, r, h}). The equations are the
 * same when the ONNX node uses {@code linear_before_reset=1}, which the builder always writes, so exporting a trained
 * GRU means swapping the first two gate blocks of every weight and bias. {@link #fromPyTorch} does that; do not feed
 * PyTorch-ordered arrays to the constructor.
 *
 * <pre>{@code
 * GruWeights wts = GruWeights.fromPyTorch(inputSize, hidden,
 *         weightIh, weightHh, biasIh, biasHh);     // PyTorch layout, gates r,z,n
 * GruOutputs out = g.gru("gru", x, wts, h0);        // ONNX layout, gates z,r,h
 * }</pre>
 *
 * <p>Instances are immutable (arrays are copied in and out) and thread-safe.
 *
 * @param inputSize the number of input features, {@code > 0}
 * @param hiddenSize the number of hidden units, {@code > 0}
 * @param w the input weights {@code W}, shape {@code [1, 3*hidden, input]}, gates {@code z, r, h}
 * @param r the recurrent weights {@code R}, shape {@code [1, 3*hidden, hidden]}, gates {@code z, r, h}
 * @param b the biases {@code B = [Wb; Rb]}, shape {@code [1, 6*hidden]}, gates {@code z, r, h} in each half
 */
public record GruWeights(int inputSize, int hiddenSize, float[] w, float[] r, float[] b) {

    /** Validates the sizes and copies the arrays. */
    public GruWeights {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("inputSize must be > 0, was " + inputSize);
        }
        if (hiddenSize <= 0) {
            throw new IllegalArgumentException("hiddenSize must be > 0, was " + hiddenSize);
        }
        w = checked("w", w, 3L * hiddenSize * inputSize);
        r = checked("r", r, 3L * hiddenSize * hiddenSize);
        b = checked("b", b, 6L * hiddenSize);
    }

    /**
     * Converts PyTorch GRU parameters ({@code weight_ih_l0}, {@code weight_hh_l0}, {@code bias_ih_l0},
     * {@code bias_hh_l0}, row-major, gates {@code r, z, n}) into ONNX layout (gates {@code z, r, h}).
     *
     * @param inputSize the number of input features
     * @param hiddenSize the number of hidden units
     * @param weightIh shape {@code [3*hidden, input]}
     * @param weightHh shape {@code [3*hidden, hidden]}
     * @param biasIh shape {@code [3*hidden]}, or {@code null} for zeros
     * @param biasHh shape {@code [3*hidden]}, or {@code null} for zeros
     * @return the weights in ONNX layout
     */
    public static GruWeights fromPyTorch(int inputSize, int hiddenSize, float[] weightIh, float[] weightHh,
            float[] biasIh, float[] biasHh) {
        if (hiddenSize <= 0) {
            throw new IllegalArgumentException("hiddenSize must be > 0, was " + hiddenSize);
        }
        if (inputSize <= 0) {
            throw new IllegalArgumentException("inputSize must be > 0, was " + inputSize);
        }
        checked("weightIh", weightIh, 3L * hiddenSize * inputSize);
        checked("weightHh", weightHh, 3L * hiddenSize * hiddenSize);
        float[] bi = biasIh == null ? new float[3 * hiddenSize] : checked("biasIh", biasIh, 3L * hiddenSize);
        float[] bh = biasHh == null ? new float[3 * hiddenSize] : checked("biasHh", biasHh, 3L * hiddenSize);
        float[] b = new float[6 * hiddenSize];
        System.arraycopy(reorderPyTorchGates(bi), 0, b, 0, 3 * hiddenSize);
        System.arraycopy(reorderPyTorchGates(bh), 0, b, 3 * hiddenSize, 3 * hiddenSize);
        return new GruWeights(inputSize, hiddenSize, reorderPyTorchGates(weightIh), reorderPyTorchGates(weightHh), b);
    }

    /**
     * Swaps the first two of three equal gate blocks: PyTorch order {@code r, z, n} becomes ONNX order
     * {@code z, r, h}. Works for a weight matrix {@code [3*hidden, k]} or a bias {@code [3*hidden]} stored row-major.
     * Applying it twice gives the input back.
     *
     * @param gates the gate blocks, length a multiple of 3
     * @return a new array with blocks 0 and 1 swapped
     */
    public static float[] reorderPyTorchGates(float[] gates) {
        if (gates == null) {
            throw new NullPointerException("gates == null");
        }
        if (gates.length == 0 || gates.length % 3 != 0) {
            throw new IllegalArgumentException(
                    "gate array length must be a positive multiple of 3, was " + gates.length);
        }
        int block = gates.length / 3;
        float[] out = new float[gates.length];
        System.arraycopy(gates, block, out, 0, block);
        System.arraycopy(gates, 0, out, block, block);
        System.arraycopy(gates, 2 * block, out, 2 * block, block);
        return out;
    }

    /** @return a copy of the input weights {@code W} */
    @Override
    public float[] w() {
        return w.clone();
    }

    /** @return a copy of the recurrent weights {@code R} */
    @Override
    public float[] r() {
        return r.clone();
    }

    /** @return a copy of the biases {@code B} */
    @Override
    public float[] b() {
        return b.clone();
    }

    /** @return the ONNX shape of {@code W}: {@code [1, 3*hidden, input]} */
    public long[] wShape() {
        return new long[] {1, 3L * hiddenSize, inputSize};
    }

    /** @return the ONNX shape of {@code R}: {@code [1, 3*hidden, hidden]} */
    public long[] rShape() {
        return new long[] {1, 3L * hiddenSize, hiddenSize};
    }

    /** @return the ONNX shape of {@code B}: {@code [1, 6*hidden]} */
    public long[] bShape() {
        return new long[] {1, 6L * hiddenSize};
    }

    float[] wUnsafe() {
        return w;
    }

    float[] rUnsafe() {
        return r;
    }

    float[] bUnsafe() {
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GruWeights g && g.inputSize == inputSize && g.hiddenSize == hiddenSize
                && Arrays.equals(g.w, w) && Arrays.equals(g.r, r) && Arrays.equals(g.b, b);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * inputSize + hiddenSize) + Arrays.hashCode(w)) + Arrays.hashCode(r))
                + Arrays.hashCode(b);
    }

    @Override
    public String toString() {
        return "GruWeights[inputSize=" + inputSize + ", hiddenSize=" + hiddenSize + "]";
    }

    private static float[] checked(String what, float[] a, long expected) {
        if (a == null) {
            throw new NullPointerException(what + " == null");
        }
        if (a.length != expected) {
            throw new IllegalArgumentException(
                    what + " has " + a.length + " elements, expected " + expected + " for its GRU shape");
        }
        return a.clone();
    }
}
