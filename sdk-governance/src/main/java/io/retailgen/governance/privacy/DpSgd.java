package io.retailgen.governance.privacy;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The private part of a DP-SGD step (Abadi et al. 2016) over plain float arrays, so that any training loop can use
 * it: clip each example's gradient to L2 norm {@code clipNorm}, sum, add Gaussian noise of standard deviation
 * {@code noiseMultiplier * clipNorm} to every coordinate, and divide by the expected batch size. Account for the
 * privacy spent with {@link RdpAccountant#compose(double, double, long)} using the same noise multiplier and the
 * sampling rate {@code batchSize / datasetSize}.
 *
 * <pre>{@code
 * DpSgd dp = new DpSgd(1.0, 1.1, new SplittableRandom(42));
 * float[] update = dp.privateGradient(perExampleGradients, 256);
 * accountant.compose(256.0 / 60_000, 1.1, 1);
 * }</pre>
 *
 * <p>Not thread-safe (it owns a random generator); use one per training loop.
 */
public final class DpSgd {

    private final double clipNorm;
    private final double noiseMultiplier;
    private final SplittableRandom random;

    /**
     * @param clipNorm the L2 norm each example's gradient is clipped to, {@code > 0}
     * @param noiseMultiplier the noise standard deviation relative to {@code clipNorm}, {@code >= 0}
     * @param random the source of noise (seed it for reproducible runs)
     */
    public DpSgd(double clipNorm, double noiseMultiplier, SplittableRandom random) {
        if (!(clipNorm > 0) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("clipNorm must be finite and > 0, was " + clipNorm);
        }
        if (!(noiseMultiplier >= 0) || Double.isInfinite(noiseMultiplier)) {
            throw new IllegalArgumentException("noiseMultiplier must be finite and >= 0, was " + noiseMultiplier);
        }
        this.clipNorm = clipNorm;
        this.noiseMultiplier = noiseMultiplier;
        this.random = Objects.requireNonNull(random, "random == null");
    }

    /**
     * Scales {@code gradient} in place so that its L2 norm is at most {@code clipNorm}.
     *
     * @param gradient one example's gradient
     * @param clipNorm the bound, {@code > 0}
     * @return the factor applied (1 when the gradient was already within the bound)
     */
    public static double clip(float[] gradient, double clipNorm) {
        double sq = 0;
        for (float g : gradient) {
            sq += (double) g * g;
        }
        double norm = Math.sqrt(sq);
        if (norm <= clipNorm) {
            return 1;
        }
        double scale = clipNorm / norm;
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = (float) (gradient[i] * scale);
        }
        return scale;
    }

    /**
     * Clips every example's gradient (the input arrays are not modified), sums them, adds noise and divides by
     * {@code expectedBatchSize}.
     *
     * @param perExample one gradient per example, all of the same length
     * @param expectedBatchSize the expected batch size under Poisson sampling (or the fixed batch size), {@code > 0}
     * @return the private average gradient
     */
    public float[] privateGradient(float[][] perExample, int expectedBatchSize) {
        Objects.requireNonNull(perExample, "perExample == null");
        if (expectedBatchSize <= 0) {
            throw new IllegalArgumentException("expectedBatchSize must be > 0, was " + expectedBatchSize);
        }
        if (perExample.length == 0) {
            throw new IllegalArgumentException("need at least one per-example gradient");
        }
        int d = perExample[0].length;
        double[] sum = new double[d];
        for (int e = 0; e < perExample.length; e++) {
            float[] g = perExample[e];
            if (g.length != d) {
                throw new IllegalArgumentException("gradient #" + e + " has " + g.length + " values, expected " + d);
            }
            double sq = 0;
            for (float v : g) {
                sq += (double) v * v;
            }
            double scale = Math.min(1, clipNorm / Math.max(Math.sqrt(sq), 1e-30));
            for (int i = 0; i < d; i++) {
                sum[i] += g[i] * scale;
            }
        }
        double std = noiseMultiplier * clipNorm;
        float[] out = new float[d];
        for (int i = 0; i < d; i++) {
            out[i] = (float) ((sum[i] + std * random.nextGaussian()) / expectedBatchSize);
        }
        return out;
    }

    /** @return the L2 norm every example's gradient is clipped to */
    public double clipNorm() {
        return clipNorm;
    }

    /**
     * The last part of {@link #privateGradient}, for a caller that computed the sum of the clipped per-example
     * gradients itself (for example by ghost clipping, which never materializes them): adds the noise to every
     * coordinate of {@code sum} and divides by {@code expectedBatchSize}, in place.
     *
     * @param sum the sum of the clipped gradients of one batch; overwritten with the private average
     * @param expectedBatchSize the expected batch size of the sampling, {@code > 0}
     */
    public void noisyAverage(float[] sum, int expectedBatchSize) {
        if (expectedBatchSize <= 0) {
            throw new IllegalArgumentException("expectedBatchSize must be > 0, was " + expectedBatchSize);
        }
        double std = noiseMultiplier * clipNorm;
        for (int i = 0; i < sum.length; i++) {
            sum[i] = (float) ((sum[i] + std * random.nextGaussian()) / expectedBatchSize);
        }
    }
}
