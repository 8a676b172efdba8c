package io.retailgen.forecast;

import java.util.SplittableRandom;

/**
 * A model fitted to the natural logarithm of positive data: point forecasts are {@code exp} of the inner model's
 * (the median on the original scale), paths are {@code exp} of the inner model's paths, so errors are relative and
 * a trend is a growth rate. Used for the damped-trend, Theta and ETS members on the log scale.
 */
final class LogTransformed implements FittedModel {

    private final FittedModel inner;

    private LogTransformed(FittedModel inner) {
        this.inner = inner;
    }

    /**
     * Fits ETS(A,Ad,N) to {@code log(y)}, or ETS(A,N,N) when the damped fit fails; returns null when a value is not
     * positive or no fit succeeds.
     */
    static LogTransformed dampedOnLog(double[] y, int n, Ets.Workspace ws) {
        double[] l = logs(y, n);
        if (l == null) {
            return null;
        }
        Ets e = Ets.fit(l, n, 1, false, Ets.Trend.AD, Ets.Season.N, ws);
        if (e == null) {
            e = Ets.fit(l, n, 1, false, Ets.Trend.N, Ets.Season.N, ws);
        }
        return e == null ? null : new LogTransformed(e);
    }

    /**
     * The ETS model with the smallest AICc among those with additive errors and seasons, fitted to {@code log(y)}:
     * a season whose amplitude grows with the level and may drift, and errors relative to the level. Null when a
     * value is not positive or no fit succeeds.
     */
    static LogTransformed etsOnLog(double[] y, int n, int m, Ets.Workspace ws) {
        double[] l = logs(y, n);
        Ets e = l == null ? null : Ets.auto(l, n, m, true, ws);
        return e == null ? null : new LogTransformed(e);
    }

    /**
     * The Theta method ({@link Theta}) fitted to {@code log(y)}: simple exponential smoothing of the log with half
     * the slope of a log-linear trend as drift, so the extrapolated trend is a constant growth rate rather than a
     * constant increment. Null when a value is not positive.
     */
    static LogTransformed thetaOnLog(double[] y, int n, NelderMead nm) {
        double[] l = logs(y, n);
        return l == null ? null : new LogTransformed(Theta.fit(l, n, nm));
    }

    /** {@code log(y[0..n))}, or null when a value is not positive. */
    private static double[] logs(double[] y, int n) {
        double[] l = new double[n];
        for (int t = 0; t < n; t++) {
            if (!(y[t] > 0)) {
                return null;
            }
            l[t] = Math.log(y[t]);
        }
        return l;
    }

    @Override
    public String name() {
        return "log-" + inner.name();
    }

    @Override
    public void forecast(int h, double[] out) {
        inner.forecast(h, out);
        for (int k = 0; k < h; k++) {
            out[k] = Math.exp(out[k]);
        }
    }

    @Override
    public void simulate(int h, SplittableRandom rng, double[] out, int offset, double sigmaScale) {
        inner.simulate(h, rng, out, offset, sigmaScale);
        for (int k = 0; k < h; k++) {
            out[offset + k] = Math.exp(out[offset + k]);
        }
    }

    @Override
    public void fitted(double[] y, int n, double[] out) {
        double[] l = new double[n];
        for (int t = 0; t < n; t++) {
            l[t] = Math.log(Math.max(y[t], Double.MIN_NORMAL));
        }
        inner.fitted(l, n, out);
        for (int t = 0; t < n; t++) {
            out[t] = Math.exp(out[t]);
        }
    }

    @Override
    public int residualDf() {
        return inner.residualDf();
    }
}
