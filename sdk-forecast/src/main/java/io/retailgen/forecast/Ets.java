package io.retailgen.forecast;

import java.util.SplittableRandom;

/**
 * Exponential smoothing state-space models (Hyndman, Koehler, Ord, Snyder 2008) in the error-correction form: the
 * state recursion is the same for additive and multiplicative errors, which change only the likelihood and the
 * simulation. Smoothing parameters, damping and the initial level and slope are estimated by maximum likelihood
 * (Nelder-Mead); initial seasonal states come from a classical decomposition of the first years.
 */
final class Ets implements FittedModel {

    enum Trend { N, A, AD }

    enum Season { N, A, M }

    static final double LOWER = 1e-4;
    static final double UPPER = 0.9999;
    static final double PHI_LOWER = 0.8;
    static final double PHI_UPPER = 0.98;

    static final int MAX_EVAL = 120;
    static final int RESTARTS = 0;

    final boolean multError;
    final Trend trend;
    final Season season;
    final int m;
    double alpha;
    double beta;
    double gamma;
    double phi = 1;
    double level;
    double slope;
    final double[] seasonal;
    int origin;
    double sigma;
    double aicc = Double.POSITIVE_INFINITY;
    double lik;
    int df = 1;
    double initLevel;
    double initSlope;
    double[] initSeasonal;

    @Override
    public void fitted(double[] y, int n, double[] out) {
        double[] s = new double[m];
        run(y, n, alpha, beta, gamma, phi, initLevel, initSlope, initSeasonal, s, false, out);
    }

    @Override
    public int residualDf() {
        return df;
    }

    private Ets(boolean multError, Trend trend, Season season, int m) {
        this.multError = multError;
        this.trend = trend;
        this.season = season;
        this.m = season == Season.N ? 1 : m;
        this.seasonal = new double[this.m];
    }

    @Override
    public String name() {
        return "ETS(" + (multError ? "M" : "A") + "," + (trend == Trend.AD ? "Ad" : trend.name()) + ","
                + season.name() + ")";
    }

    /** Work space for fitting one model: the objective evaluates without allocating. */
    static final class Workspace {
        final NelderMead nm = new NelderMead(6);
        final double[] x = new double[6];
        final double[] step = new double[6];
        double[] s0 = new double[1];
        double[] s = new double[1];

        void ensure(int m) {
            if (s0.length < m) {
                s0 = new double[m];
                s = new double[m];
            }
        }
    }

    /**
     * Runs the recursion over {@code y[0..n)} and returns {@code -2 log L} up to a constant, or a huge value when the
     * parameters are infeasible. With {@code keep} the final states and sigma are stored in this model.
     */
    private double run(double[] y, int n, double a, double b, double g, double ph, double l0, double b0,
            double[] s0, double[] s, boolean keep) {
        return run(y, n, a, b, g, ph, l0, b0, s0, s, keep, null);
    }

    private double run(double[] y, int n, double a, double b, double g, double ph, double l0, double b0,
            double[] s0, double[] s, boolean keep, double[] fittedOut) {
        double l = l0;
        double bb = trend == Trend.N ? 0 : b0;
        if (season != Season.N) {
            System.arraycopy(s0, 0, s, 0, m);
        }
        double sse = 0;
        double sumLog = 0;
        double ratio = trend == Trend.N ? 0 : b / a;
        for (int t = 0; t < n; t++) {
            double q = l + ph * bb;
            int j = t % m;
            double si = season == Season.N ? 0 : s[j];
            double f = season == Season.N ? q : season == Season.A ? q + si : q * si;
            double yt = y[t];
            if (fittedOut != null) {
                fittedOut[t] = f;
            }
            if (multError) {
                if (f <= 0 || Math.abs(f) < 1e-10) {
                    return 1e12;
                }
                double e = (yt - f) / f;
                sse += e * e;
                sumLog += Math.log(f);
            } else {
                double e = yt - f;
                sse += e * e;
            }
            double p = season == Season.N ? yt : season == Season.A ? yt - si : yt / si;
            double ln = q + a * (p - q);
            if (trend != Trend.N) {
                bb = ph * bb + ratio * (ln - l - ph * bb);
            }
            if (season == Season.A) {
                s[j] = si + g * (yt - q - si);
            } else if (season == Season.M) {
                if (q == 0) {
                    return 1e12;
                }
                s[j] = si + g * (yt / q - si);
            }
            l = ln;
            if (multError && l <= 0) {
                return 1e12;
            }
        }
        if (!(sse > 0)) {
            sse = 1e-300;
        }
        double result = n * Math.log(sse) + 2 * sumLog;
        if (keep) {
            level = l;
            slope = bb;
            origin = n;
            int np = parameterCount();
            df = Math.max(1, n - np);
            sigma = Math.sqrt(sse / Math.max(1, n - np));
            lik = result;
            double aic = result + 2 * (np + 1);
            int k = np + 1;
            aicc = n - k - 1 > 0 ? aic + 2.0 * k * (k + 1) / (n - k - 1) : Double.POSITIVE_INFINITY;
        }
        return Double.isNaN(result) ? 1e12 : result;
    }

    int parameterCount() {
        int np = 2;
        if (trend != Trend.N) {
            np += 2;
        }
        if (trend == Trend.AD) {
            np++;
        }
        if (season != Season.N) {
            np += 1 + (m - 1);
        }
        return np;
    }

    /** Fits one model; returns null when the model cannot be fitted to these data. */
    static Ets fit(double[] y, int n, int m, boolean multError, Trend trend, Season season, Workspace ws) {
        Ets model = new Ets(multError, trend, season, m);
        int mm = model.m;
        if (season != Season.N && n < 2 * mm) {
            return null;
        }
        int k = model.parameterCount() + 1;
        if (n - k - 1 <= 0) {
            return null;
        }
        ws.ensure(mm);
        double[] s0 = ws.s0;
        if (season != Season.N) {
            int len = Math.min(n, Math.max(2 * mm, Math.min(n, 3 * mm)));
            len -= len % mm;
            Decomposition.seasonalIndices(y, len, mm, season == Season.M, s0);
        }
        int maxn = Math.min(Math.max(10, 2 * mm), n);
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int t = 0; t < maxn; t++) {
            double v = season == Season.N ? y[t] : season == Season.A ? y[t] - s0[t % mm] : y[t] / s0[t % mm];
            double tt = t + 1;
            sx += tt;
            sy += v;
            sxx += tt * tt;
            sxy += tt * v;
        }
        double slope = (maxn * sxy - sx * sy) / (maxn * sxx - sx * sx);
        double intercept = (sy - slope * sx) / maxn;
        double l0 = trend == Trend.N ? sy / maxn : intercept;
        double b0 = trend == Trend.N ? 0 : slope;
        if (multError && l0 <= 0) {
            l0 = Math.max(1e-3, sy / maxn);
        }
        double scale = 0;
        for (int t = 1; t < n; t++) {
            scale += Math.abs(y[t] - y[t - 1]);
        }
        scale = Math.max(scale / Math.max(1, n - 1), 1e-6 * (Math.abs(l0) + 1));

        double[] x = ws.x;
        double[] step = ws.step;
        int d = 0;
        x[d] = season == Season.N ? 0.5 : 0.2;
        step[d++] = 0.1;
        if (trend != Trend.N) {
            x[d] = 0.05;
            step[d++] = 0.03;
        }
        if (season != Season.N) {
            x[d] = 0.05;
            step[d++] = 0.05;
        }
        if (trend == Trend.AD) {
            x[d] = 0.95;
            step[d++] = 0.02;
        }
        int levelIndex = d;
        x[d] = l0;
        step[d++] = scale;
        if (trend != Trend.N) {
            x[d] = b0;
            step[d++] = 0.2 * scale;
        }
        final int dim = d;
        double[] s = ws.s;
        NelderMead.Objective obj = p -> {
            int i = 0;
            double a = p[i++];
            double b = trend != Trend.N ? p[i++] : 0;
            double g = season != Season.N ? p[i++] : 0;
            double ph = trend == Trend.AD ? p[i++] : 1;
            if (a < LOWER || a > UPPER) {
                return 1e12;
            }
            if (trend != Trend.N && (b < LOWER || b > a)) {
                return 1e12;
            }
            if (season != Season.N && (g < LOWER || g > 1 - a)) {
                return 1e12;
            }
            if (trend == Trend.AD && (ph < PHI_LOWER || ph > PHI_UPPER)) {
                return 1e12;
            }
            double l = p[levelIndex];
            double bb = trend != Trend.N ? p[levelIndex + 1] : 0;
            return model.run(y, n, a, b, g, ph, l, bb, s0, s, false);
        };
        double best = ws.nm.minimize(obj, x, step, dim, MAX_EVAL * dim, 1e-8);
        for (int r = 0; r < RESTARTS && best < 1e11; r++) {
            for (int j = 0; j < dim; j++) {
                step[j] *= 0.5;
            }
            best = ws.nm.minimize(obj, x, step, dim, MAX_EVAL * dim, 1e-8);
        }
        if (best >= 1e11) {
            return null;
        }
        int i = 0;
        model.alpha = x[i++];
        model.beta = trend != Trend.N ? x[i++] : 0;
        model.gamma = season != Season.N ? x[i++] : 0;
        model.phi = trend == Trend.AD ? x[i++] : 1;
        double l = x[levelIndex];
        double bb = trend != Trend.N ? x[levelIndex + 1] : 0;
        model.initLevel = l;
        model.initSlope = bb;
        model.initSeasonal = java.util.Arrays.copyOf(s0, mm);
        model.run(y, n, model.alpha, model.beta, model.gamma, model.phi, l, bb, s0, model.seasonal, true);
        return Double.isFinite(model.aicc) ? model : null;
    }

    /**
     * Fits the usual model family and keeps the one with the smallest AICc: errors A and M (M only for positive
     * data), trend N, A, Ad, season N, A, M (seasonal only for {@code m > 1}, at least two seasons and
     * {@code m <= 24}; M only with multiplicative errors). Returns null when no model could be fitted.
     */
    static Ets auto(double[] y, int n, int m, Workspace ws) {
        return auto(y, n, m, false, ws);
    }

    /**
     * As {@link #auto(double[], int, int, Workspace)}, with only additive errors and seasons when
     * {@code additiveOnly}: the family for data on the log scale, where an additive season is a multiplicative one
     * on the original scale.
     */
    static Ets auto(double[] y, int n, int m, boolean additiveOnly, Workspace ws) {
        boolean positive = !additiveOnly;
        for (int t = 0; t < n && positive; t++) {
            if (y[t] <= 0) {
                positive = false;
            }
        }
        boolean seasonalAllowed = m > 1 && m <= 24 && n >= 2 * m;
        Ets best = null;
        for (int e = 0; e < 2; e++) {
            boolean mult = e == 1;
            if (mult && !positive) {
                continue;
            }
            for (Trend tr : Trend.values()) {
                for (Season se : Season.values()) {
                    if (se != Season.N && !seasonalAllowed) {
                        continue;
                    }
                    if (se == Season.M && (!mult || !positive)) {
                        continue;
                    }
                    Ets fit = fit(y, n, m, mult, tr, se, ws);
                    if (fit != null && (best == null || fit.aicc < best.aicc)) {
                        best = fit;
                    }
                }
            }
        }
        return best;
    }

    @Override
    public void forecast(int h, double[] out) {
        double phiSum = 0;
        double phiPow = 1;
        for (int k = 1; k <= h; k++) {
            phiPow *= phi;
            phiSum += trend == Trend.AD ? phiPow : 1;
            double q = level + (trend == Trend.N ? 0 : phiSum * slope);
            int j = (origin + k - 1) % m;
            out[k - 1] = season == Season.N ? q : season == Season.A ? q + seasonal[j] : q * seasonal[j];
        }
    }

    @Override
    public void simulate(int h, SplittableRandom rng, double[] out, int offset, double sigmaScale) {
        double l = level;
        double bb = slope;
        double ratio = trend == Trend.N ? 0 : beta / alpha;
        double ph = phi;
        double[] s = season == Season.N ? null : seasonal;
        int start = origin;
        // seasonal states change along the path: keep the changes in a local ring only for the touched slots
        double[] ring = season == Season.N ? null : RING.get();
        if (ring != null) {
            if (ring.length < m) {
                ring = new double[m];
                RING.set(ring);
            }
            System.arraycopy(s, 0, ring, 0, m);
        }
        for (int k = 0; k < h; k++) {
            double q = l + ph * bb;
            int j = (start + k) % m;
            double si = ring == null ? 0 : ring[j];
            double f = season == Season.N ? q : season == Season.A ? q + si : q * si;
            double e = sigma * sigmaScale * rng.nextGaussian();
            double yt = multError ? f * (1 + e) : f + e;
            out[offset + k] = yt;
            double p = season == Season.N ? yt : season == Season.A ? yt - si : (si == 0 ? yt : yt / si);
            double ln = q + alpha * (p - q);
            if (trend != Trend.N) {
                bb = ph * bb + ratio * (ln - l - ph * bb);
            }
            if (season == Season.A) {
                ring[j] = si + gamma * (yt - q - si);
            } else if (season == Season.M && q != 0) {
                ring[j] = si + gamma * (yt / q - si);
            }
            l = ln;
        }
    }

    private static final ThreadLocal<double[]> RING = ThreadLocal.withInitial(() -> new double[12]);
}
