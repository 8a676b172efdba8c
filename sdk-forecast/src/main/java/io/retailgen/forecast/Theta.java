package io.retailgen.forecast;

import java.util.SplittableRandom;

/**
 * The Theta method of Assimakopoulos and Nikolopoulos (2000) in the form Hyndman and Billah (2003) showed it to be:
 * simple exponential smoothing with drift equal to half the slope of a linear trend fitted to the data. Seasonal
 * adjustment is done outside, by {@link SeasonalAdjusted}.
 */
final class Theta implements FittedModel {

    private final double alpha;
    private final double level;
    private final double halfSlope;
    private final int n;
    private final double sigma;
    private double fittedStart;

    private Theta(double alpha, double level, double halfSlope, int n, double sigma) {
        this.alpha = alpha;
        this.level = level;
        this.halfSlope = halfSlope;
        this.n = n;
        this.sigma = sigma;
    }

    @Override
    public void fitted(double[] y, int n, double[] out) {
        double l = fittedStart;
        for (int t = 0; t < n; t++) {
            out[t] = l;
            l += alpha * (y[t] - l);
        }
    }

    @Override
    public int residualDf() {
        return Math.max(1, n - 3);
    }

    @Override
    public String name() {
        return "Theta";
    }

    static Theta fit(double[] y, int n, NelderMead nm) {
        Ses ses = Ses.fit(y, n, nm);
        Theta th = new Theta(Math.max(1e-10, ses.alpha), ses.level, linearSlope(y, n) / 2, n, ses.sigma);
        th.fittedStart = ses.start;
        return th;
    }

    /** The least-squares slope of a straight line through {@code y[0..n)} against time. */
    static double linearSlope(double[] y, int n) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int t = 0; t < n; t++) {
            sx += t;
            sy += y[t];
            sxx += (double) t * t;
            sxy += t * y[t];
        }
        double den = n * sxx - sx * sx;
        return den == 0 ? 0 : (n * sxy - sx * sy) / den;
    }

    @Override
    public void forecast(int h, double[] out) {
        double base = (1 - Math.pow(1 - alpha, n)) / alpha;
        for (int k = 0; k < h; k++) {
            out[k] = level + halfSlope * (k + base);
        }
    }

    @Override
    public void simulate(int h, SplittableRandom rng, double[] out, int offset, double sigmaScale) {
        double base = (1 - Math.pow(1 - alpha, n)) / alpha;
        double l = level;
        for (int k = 0; k < h; k++) {
            double e = sigma * sigmaScale * rng.nextGaussian();
            out[offset + k] = l + e + halfSlope * (k + base);
            l += alpha * e;
        }
    }

    /** Simple exponential smoothing with alpha and the initial level chosen by least squares. */
    static final class Ses {
        final double alpha;
        final double level;
        final double sigma;
        double start;

        private Ses(double alpha, double level, double sigma) {
            this.alpha = alpha;
            this.level = level;
            this.sigma = sigma;
        }

        static double sse(double[] y, int n, double a, double l0) {
            double l = l0;
            double sse = 0;
            for (int t = 0; t < n; t++) {
                double e = y[t] - l;
                sse += e * e;
                l += a * e;
            }
            return sse;
        }

        static Ses fit(double[] y, int n, NelderMead nm) {
            int k = Math.min(n, 10);
            double mean = 0;
            for (int t = 0; t < k; t++) {
                mean += y[t];
            }
            mean /= k;
            double scale = 0;
            for (int t = 1; t < n; t++) {
                scale += Math.abs(y[t] - y[t - 1]);
            }
            scale = Math.max(scale / Math.max(1, n - 1), 1e-6 * (Math.abs(mean) + 1));
            double[] x = {0.5, mean};
            double[] step = {0.1, scale};
            nm.minimize(p -> p[0] < Ets.LOWER || p[0] > Ets.UPPER ? 1e300 : sse(y, n, p[0], p[1]), x, step, 2, 300,
                    1e-9);
            double a = x[0];
            double l = x[1];
            double sse = 0;
            for (int t = 0; t < n; t++) {
                double e = y[t] - l;
                sse += e * e;
                l += a * e;
            }
            Ses ses = new Ses(a, l, Math.sqrt(sse / Math.max(1, n - 2)));
            ses.start = x[1];
            return ses;
        }
    }
}
