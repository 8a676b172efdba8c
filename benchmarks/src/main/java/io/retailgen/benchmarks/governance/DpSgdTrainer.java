package io.retailgen.benchmarks.governance;

import io.retailgen.governance.privacy.DpSgd;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A small classifier trained by mini-batch SGD, plainly or with DP-SGD, to measure what differential privacy costs
 * in a real training loop: a perceptron with one hidden layer (ReLU) and a softmax output, over plain float arrays.
 *
 * <p>The private step never materializes per-example gradients ("ghost clipping"). For a dense layer the gradient
 * of one example is the outer product of the layer's input {@code a} and its output delta {@code d}, whose squared
 * L2 norm is {@code |a|^2 |d|^2} (plus {@code |d|^2} for the bias). The clip factor of every example,
 * {@code min(1, clipNorm / |g|)}, therefore comes from two vector norms per layer; scaling each example's deltas by
 * its factor before the usual weight-gradient accumulation gives the sum of the clipped gradients at the cost of
 * the non-private backward pass. {@link DpSgd} then adds the Gaussian noise and divides by the batch size.
 *
 * <pre>{@code
 * DpSgdTrainer model = new DpSgdTrainer(784, 128, 10, 42);
 * DpSgd dp = new DpSgd(1.0, 1.1, new SplittableRandom(7));
 * model.privateStep(images, labels, batch, 0.1, dp);   // or model.step(images, labels, batch, 0.1)
 * double acc = model.accuracy(testImages, testLabels);
 * }</pre>
 *
 * <p>Not thread-safe: it owns its parameters and scratch buffers.
 */
public final class DpSgdTrainer {

    private final int inputs;
    private final int hidden;
    private final int classes;
    /** All parameters: W1 (hidden x inputs, row-major), b1, W2 (classes x hidden), b2. */
    private final float[] params;
    private final int b1;
    private final int w2;
    private final int b2;
    private final float[] grad;
    private final float[] h;
    private final float[] d1;
    private final float[] p;

    /**
     * @param inputs the number of input features, {@code > 0}
     * @param hidden the number of hidden units, {@code > 0}
     * @param classes the number of classes, {@code >= 2}
     * @param seed the seed of the initial weights (He initialization, zero biases)
     */
    public DpSgdTrainer(int inputs, int hidden, int classes, long seed) {
        if (inputs <= 0 || hidden <= 0 || classes < 2) {
            throw new IllegalArgumentException("need inputs > 0, hidden > 0 and classes >= 2, was " + inputs + ", "
                    + hidden + ", " + classes);
        }
        this.inputs = inputs;
        this.hidden = hidden;
        this.classes = classes;
        b1 = Math.multiplyExact(hidden, inputs);
        w2 = b1 + hidden;
        b2 = Math.addExact(w2, Math.multiplyExact(classes, hidden));
        params = new float[Math.addExact(b2, classes)];
        grad = new float[params.length];
        SplittableRandom r = new SplittableRandom(seed);
        double s1 = Math.sqrt(2.0 / inputs);
        for (int i = 0; i < b1; i++) {
            params[i] = (float) (r.nextGaussian() * s1);
        }
        double s2 = Math.sqrt(2.0 / hidden);
        for (int i = w2; i < b2; i++) {
            params[i] = (float) (r.nextGaussian() * s2);
        }
        h = new float[hidden];
        d1 = new float[hidden];
        p = new float[classes];
    }

    /** @return the number of trainable parameters */
    public int parameterCount() {
        return params.length;
    }

    /**
     * One non-private SGD step on the mean cross-entropy of the batch.
     *
     * @param x the examples, each of {@code inputs} features
     * @param y their labels in {@code [0, classes)}
     * @param batch the indices of the batch's examples, at least one
     * @param learningRate the step size
     * @return the mean loss of the batch before the step
     */
    public double step(float[][] x, int[] y, int[] batch, double learningRate) {
        double loss = gradientSum(x, y, batch, Double.POSITIVE_INFINITY, false, grad);
        int n = batch.length;
        for (int i = 0; i < grad.length; i++) {
            grad[i] = (float) ((double) grad[i] / n);
        }
        apply(learningRate);
        return loss / n;
    }

    /**
     * One DP-SGD step: every example's gradient clipped to {@code dp}'s clip norm, summed, noised and divided by the
     * batch size. Account for it with {@link RdpAccountant#compose(double, double, long)} at sampling rate
     * {@code batch.length / x.length} and {@code dp}'s noise multiplier.
     *
     * @param x the examples, each of {@code inputs} features
     * @param y their labels in {@code [0, classes)}
     * @param batch the indices of the batch's examples, at least one
     * @param learningRate the step size
     * @param dp the clipping and noise
     * @return the mean (unclipped) loss of the batch before the step
     */
    public double privateStep(float[][] x, int[] y, int[] batch, double learningRate, DpSgd dp) {
        Objects.requireNonNull(dp, "dp == null");
        double loss = gradientSum(x, y, batch, dp.clipNorm(), true, grad);
        dp.noisyAverage(grad, batch.length);
        apply(learningRate);
        return loss / batch.length;
    }

    private void apply(double learningRate) {
        float lr = (float) learningRate;
        for (int i = 0; i < params.length; i++) {
            params[i] -= lr * grad[i];
        }
    }

    /**
     * @param x the examples
     * @param y their labels
     * @return the fraction of examples whose most probable class is their label
     */
    public double accuracy(float[][] x, int[] y) {
        checkData(x, y);
        int right = 0;
        for (int e = 0; e < x.length; e++) {
            forward(x[e]);
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            if (best == y[e]) {
                right++;
            }
        }
        return x.length == 0 ? 0 : (double) right / x.length;
    }

    /**
     * The sum over the batch of every example's gradient, each clipped to L2 norm {@code clipNorm} when
     * {@code clip}, into {@code out}.
     *
     * @return the sum of the examples' losses
     */
    double gradientSum(float[][] x, int[] y, int[] batch, double clipNorm, boolean clip, float[] out) {
        checkData(x, y);
        Objects.requireNonNull(batch, "batch == null");
        if (batch.length == 0) {
            throw new IllegalArgumentException("empty batch");
        }
        java.util.Arrays.fill(out, 0f);
        double loss = 0;
        for (int e : batch) {
            float[] xe = x[e];
            int label = y[e];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " of example " + e + " not in [0, " + classes
                        + ")");
            }
            forward(xe);
            loss -= Math.log(Math.max(p[label], 1e-30f));
            // output delta (softmax cross-entropy), then the hidden delta through W2 and the ReLU
            p[label] -= 1f;
            for (int j = 0; j < hidden; j++) {
                d1[j] = 0f;
            }
            for (int c = 0; c < classes; c++) {
                float dc = p[c];
                int row = w2 + c * hidden;
                for (int j = 0; j < hidden; j++) {
                    d1[j] += params[row + j] * dc;
                }
            }
            for (int j = 0; j < hidden; j++) {
                if (h[j] <= 0f) {
                    d1[j] = 0f;
                }
            }
            float scale = 1f;
            if (clip) {
                // ghost clipping: |g|^2 = |d2|^2 (|h|^2 + 1) + |d1|^2 (|x|^2 + 1), no per-example gradient needed
                double sq = sumOfSquares(p, classes) * (sumOfSquares(h, hidden) + 1)
                        + sumOfSquares(d1, hidden) * (sumOfSquares(xe, inputs) + 1);
                double norm = Math.sqrt(sq);
                if (norm > clipNorm) {
                    scale = (float) (clipNorm / norm);
                }
            }
            // accumulate the (scaled) outer products: the weight gradients of this example
            for (int c = 0; c < classes; c++) {
                float dc = p[c] * scale;
                int row = w2 + c * hidden;
                for (int j = 0; j < hidden; j++) {
                    out[row + j] += dc * h[j];
                }
                out[b2 + c] += dc;
            }
            for (int j = 0; j < hidden; j++) {
                float dj = d1[j] * scale;
                if (dj == 0f) {
                    continue; // an inactive unit: nothing to add (ReLU makes about half of them so)
                }
                int row = j * inputs;
                for (int i = 0; i < inputs; i++) {
                    out[row + i] += dj * xe[i];
                }
                out[b1 + j] += dj;
            }
        }
        return loss;
    }

    /** Sets {@link #h} and {@link #p} (the class probabilities) for one example. */
    private void forward(float[] xe) {
        if (xe.length != inputs) {
            throw new IllegalArgumentException("example has " + xe.length + " features, expected " + inputs);
        }
        for (int j = 0; j < hidden; j++) {
            float z = params[b1 + j] + dot(params, j * inputs, xe, inputs);
            h[j] = z > 0f ? z : 0f;
        }
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            float z = params[b2 + c] + dot(params, w2 + c * hidden, h, hidden);
            p[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            float ez = (float) Math.exp(p[c] - max);
            p[c] = ez;
            sum += ez;
        }
        for (int c = 0; c < classes; c++) {
            p[c] = (float) (p[c] / sum);
        }
    }

    /** {@code a[from..from+n) . b[0..n)} with four partial sums (independent chains the CPU overlaps). */
    private static float dot(float[] a, int from, float[] b, int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[from + i] * b[i];
            s1 += a[from + i + 1] * b[i + 1];
            s2 += a[from + i + 2] * b[i + 2];
            s3 += a[from + i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[from + i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double sumOfSquares(float[] a, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) a[i] * a[i];
        }
        return s;
    }

    private void checkData(float[][] x, int[] y) {
        Objects.requireNonNull(x, "x == null");
        Objects.requireNonNull(y, "y == null");
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " examples but " + y.length + " labels");
        }
    }

    // for tests

    /** @return the loss of one example, in double precision from the float parameters */
    double loss(float[] xe, int label) {
        forward(xe);
        return -Math.log(p[label]);
    }

    float[] parameters() {
        return params;
    }
}
