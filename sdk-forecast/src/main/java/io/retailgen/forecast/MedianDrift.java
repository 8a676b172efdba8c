package io.retailgen.forecast;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A random walk with drift whose drift is the median of the first differences instead of their mean: the last value
 * plus {@code k} times the typical change per period. The mean of the differences is {@code (y[n-1] - y[0]) / (n - 1)},
 * set by the two end points alone; the median ignores a few outlying jumps (a level shift, a one-off spike) and
 * follows the change of most periods. A member for seasonal periods up to 4, fitted to the seasonally adjusted
 * history. Paths add Gaussian innovations with the spread of the differences around the drift, plus the drift's own
 * sampling error (the median's variance being {@code pi / 2} times the mean's for Gaussian changes).
 */
final class MedianDrift implements FittedModel {

    private final double last;
    private final double drift;
    private final double sigma;
    private final int n;

    private MedianDrift(double last, double drift, double sigma, int n) {
        this.last = last;
        this.drift = drift;
        this.sigma = sigma;
        this.n = n;
    }

    /** Fits {@code y[0..n)}, or returns null when there are fewer than 3 values. */
    static MedianDrift fit(double[] y, int n) {
        if (n < 3) {
            return null;
        }
        double[] d = new double[n - 1];
        for (int t = 1; t < n; t++) {
            d[t - 1] = y[t] - y[t - 1];
        }
        double drift = median(d);
        double ss = 0;
        for (double v : d) {
            ss += (v - drift) * (v - drift);
        }
        double sigma = Math.sqrt(ss / Math.max(1, d.length - 1));
        if (!Double.isFinite(drift) || !Double.isFinite(sigma)) {
            return null;
        }
        return new MedianDrift(y[n - 1], drift, sigma, n);
    }

    /** The median of {@code v} (sorted in place). */
    static double median(double[] v) {
        Arrays.sort(v);
        int k = v.length;
        return k % 2 == 1 ? v[k / 2] : 0.5 * (v[k / 2 - 1] + v[k / 2]);
    }

    /** The estimated change per period. */
    double drift() {
        return drift;
    }

    @Override
    public String name() {
        return "MedianDrift";
    }

    @Override
    public void forecast(int h, double[] out) {
        for (int k = 0; k < h; k++) {
            out[k] = last + (k + 1) * drift;
        }
    }

    @Override
    public void simulate(int h, SplittableRandom rng, double[] out, int offset, double sigmaScale) {
        double s = sigma * sigmaScale;
        double pathDrift = drift + s * Math.sqrt(Math.PI / 2 / (n - 1)) * rng.nextGaussian();
        double level = last;
        for (int k = 0; k < h; k++) {
            level += pathDrift + s * rng.nextGaussian();
            out[offset + k] = level;
        }
    }

    @Override
    public void fitted(double[] y, int n, double[] out) {
        for (int t = 0; t < n; t++) {
            out[t] = t == 0 ? y[0] : y[t - 1] + drift;
        }
    }

    @Override
    public int residualDf() {
        return Math.max(1, n - 2);
    }
}
