package io.retailgen.forecast;

import java.util.SplittableRandom;

/**
 * Complex exponential smoothing (CES) without a seasonal part, after Svetunkov, Kourentzes and Ord (2022, "Complex
 * exponential smoothing", Naval Research Logistics 69(8)): the level {@code l} and an information potential
 * {@code c} are smoothed together with a complex smoothing parameter {@code a0 + i a1}, which lets the model move
 * between level and trend behaviour without choosing a trend model. In state-space form:
 * <pre>
 *   y[t] = l[t-1] + e[t]
 *   l[t] = l[t-1] + (a1 - 1) c[t-1] + (a0 - a1) e[t]
 *   c[t] = l[t-1] + (1 - a0) c[t-1] + (a0 + a1) e[t]
 * </pre>
 * The parameters and the initial states minimise the squared one-step errors subject to the stability condition
 * (the eigenvalues of the discount matrix inside the unit circle). Seasonal adjustment is done outside, by
 * {@link PreparedSeries}.
 */
final class ComplexSmoothing implements FittedModel {

    private final double a0;
    private final double a1;
    private final double l0;
    private final double c0;
    private final double level;
    private final double potential;
    private final double sigma;
    private final int n;

    private ComplexSmoothing(double a0, double a1, double l0, double c0, double[] y, int n) {
        this.a0 = a0;
        this.a1 = a1;
        this.l0 = l0;
        this.c0 = c0;
        this.n = n;
        double[] end = new double[2];
        double sse = run(y, n, a0, a1, l0, c0, end, null);
        this.level = end[0];
        this.potential = end[1];
        this.sigma = Math.sqrt(sse / Math.max(1, n - 4));
    }

    /**
     * Whether the discount matrix {@code D = F - g w'} has both eigenvalues inside the unit circle, so that old
     * observations lose their weight.
     */
    static boolean stable(double a0, double a1) {
        double d11 = 1 - (a0 - a1);
        double d12 = a1 - 1;
        double d21 = 1 - (a0 + a1);
        double d22 = 1 - a0;
        double tr = d11 + d22;
        double det = d11 * d22 - d12 * d21;
        double disc = tr * tr - 4 * det;
        if (disc < 0) {
            return det < 1;
        }
        double r = Math.sqrt(disc);
        return Math.abs((tr + r) / 2) < 1 && Math.abs((tr - r) / 2) < 1;
    }

    private static double run(double[] y, int n, double a0, double a1, double l0, double c0, double[] end,
            double[] fitted) {
        double l = l0;
        double c = c0;
        double sse = 0;
        for (int t = 0; t < n; t++) {
            if (fitted != null) {
                fitted[t] = l;
            }
            double e = y[t] - l;
            sse += e * e;
            double ln = l + (a1 - 1) * c + (a0 - a1) * e;
            c = l + (1 - a0) * c + (a0 + a1) * e;
            l = ln;
        }
        if (end != null) {
            end[0] = l;
            end[1] = c;
        }
        return sse;
    }

    /** Fits CES to {@code y[0..n)}; null when the series is too short (fewer than 4 values) or no stable fit. */
    static ComplexSmoothing fit(double[] y, int n, NelderMead nm) {
        if (n < 4) {
            return null;
        }
        double scale = 0;
        double mean = 0;
        int k = Math.min(n, 10);
        for (int t = 0; t < k; t++) {
            mean += y[t];
        }
        mean /= k;
        for (int t = 1; t < n; t++) {
            scale += Math.abs(y[t] - y[t - 1]);
        }
        scale = Math.max(scale / (n - 1), 1e-6 * (Math.abs(mean) + 1));
        // start at a0 = 1.3, a1 = 1 (the usual starting values) with c = l, a level-like start
        double[] x = {1.3, 1.0, y[0], y[0]};
        double[] step = {0.1, 0.1, scale, scale};
        nm.minimize(p -> stable(p[0], p[1]) ? run(y, n, p[0], p[1], p[2], p[3], null, null) : 1e300, x, step, 4,
                500, 1e-9);
        if (!stable(x[0], x[1]) || !Double.isFinite(x[2]) || !Double.isFinite(x[3])) {
            return null;
        }
        ComplexSmoothing m = new ComplexSmoothing(x[0], x[1], x[2], x[3], y, n);
        return Double.isFinite(m.sigma) ? m : null;
    }

    @Override
    public String name() {
        return "CES";
    }

    @Override
    public void forecast(int h, double[] out) {
        double l = level;
        double c = potential;
        for (int k = 0; k < h; k++) {
            out[k] = l;
            double ln = l + (a1 - 1) * c;
            c = l + (1 - a0) * c;
            l = ln;
        }
    }

    @Override
    public void simulate(int h, SplittableRandom rng, double[] out, int offset, double sigmaScale) {
        double l = level;
        double c = potential;
        for (int k = 0; k < h; k++) {
            double e = sigma * sigmaScale * rng.nextGaussian();
            out[offset + k] = l + e;
            double ln = l + (a1 - 1) * c + (a0 - a1) * e;
            c = l + (1 - a0) * c + (a0 + a1) * e;
            l = ln;
        }
    }

    @Override
    public void fitted(double[] y, int n, double[] out) {
        run(y, n, a0, a1, l0, c0, null, out);
    }

    @Override
    public int residualDf() {
        return Math.max(1, n - 4);
    }
}
