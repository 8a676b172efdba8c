package io.retailgen.forecast;

import java.util.SplittableRandom;

/**
 * The dynamic optimised Theta model (DOTM) of Fiorucci, Pellegrini, Louzada, Petropoulos and Koehler (2016, "Models
 * for optimising the theta method and their relationship to state space models", IJF 32(4)): simple exponential
 * smoothing of the data plus {@code (1 - 1/theta)} times a linear trend whose intercept {@code A} and slope {@code B}
 * are re-estimated by least squares at every step (so the trend follows recent data), with {@code theta >= 1}, the
 * smoothing weight and the initial level chosen by least squares on the one-step errors. Forecasts continue the
 * recursion with the forecasts as data. Seasonal adjustment is done outside, by {@link PreparedSeries}.
 */
final class DynamicTheta implements FittedModel {

    /** The largest theta tried; beyond it the trend line gets a weight of 1 - 1/theta close to 1 anyway. */
    static final double THETA_MAX = 50;

    /** The state after {@code t} observations: level, mean, intercept and slope of the regression on 1..t. */
    private static final class State {
        double level;
        double mean;
        double a;
        double b;
        int t;

        void start(double y, double alpha, double l0) {
            level = alpha * y + (1 - alpha) * l0;
            mean = y;
            a = y;
            b = 0;
            t = 1;
        }

        /** The one-step prediction from this state. */
        double predict(double alpha, double theta) {
            double decay = Math.pow(1 - alpha, t);
            return level + (1 - 1 / theta) * (a * decay + b * (1 - decay * (1 - alpha)) / alpha);
        }

        void update(double y, double alpha) {
            level = alpha * y + (1 - alpha) * level;
            int next = t + 1;
            b = ((next - 2) * b + 6 * (y - mean) / next) / (next + 1);
            mean = (t * mean + y) / next;
            a = mean - b * (next + 1) / 2.0;
            t = next;
        }

        void copy(State o) {
            level = o.level;
            mean = o.mean;
            a = o.a;
            b = o.b;
            t = o.t;
        }
    }

    private final double alpha;
    private final double theta;
    private final double l0;
    private final State last = new State();
    private final double sigma;
    private final int n;

    private DynamicTheta(double alpha, double theta, double l0, double[] y, int n) {
        this.alpha = alpha;
        this.theta = theta;
        this.l0 = l0;
        this.n = n;
        double sse = run(y, n, alpha, theta, l0, last, null);
        this.sigma = Math.sqrt(sse / Math.max(1, n - 4));
    }

    /** Runs the recursion over y[0..n), leaving the final state in {@code s}; returns the sum of squared errors. */
    private static double run(double[] y, int n, double alpha, double theta, double l0, State s, double[] fitted) {
        s.start(y[0], alpha, l0);
        if (fitted != null) {
            fitted[0] = y[0];
        }
        double sse = 0;
        for (int t = 1; t < n; t++) {
            double mu = s.predict(alpha, theta);
            if (fitted != null) {
                fitted[t] = mu;
            }
            double e = y[t] - mu;
            sse += e * e;
            s.update(y[t], alpha);
        }
        return sse;
    }

    /** Fits DOTM to {@code y[0..n)}; null when the series is too short (fewer than 4 values) or the fit fails. */
    static DynamicTheta fit(double[] y, int n, NelderMead nm) {
        if (n < 4) {
            return null;
        }
        State s = new State();
        double scale = 0;
        for (int t = 1; t < n; t++) {
            scale += Math.abs(y[t] - y[t - 1]);
        }
        scale = Math.max(scale / (n - 1), 1e-6 * (Math.abs(y[0]) + 1));
        double[] x = {0.5, 2.0, y[0]};
        double[] step = {0.1, 0.5, scale};
        nm.minimize(p -> p[0] < 0.01 || p[0] > 0.99 || p[1] < 1 || p[1] > THETA_MAX ? 1e300
                : run(y, n, p[0], p[1], p[2], s, null), x, step, 3, 300, 1e-9);
        if (!(x[0] >= 0.01 && x[0] <= 0.99 && x[1] >= 1 && Double.isFinite(x[2]))) {
            return null;
        }
        DynamicTheta d = new DynamicTheta(x[0], x[1], x[2], y, n);
        return Double.isFinite(d.sigma) ? d : null;
    }

    @Override
    public String name() {
        return "DOTM";
    }

    @Override
    public void forecast(int h, double[] out) {
        State s = new State();
        s.copy(last);
        for (int k = 0; k < h; k++) {
            double mu = s.predict(alpha, theta);
            out[k] = mu;
            s.update(mu, alpha);
        }
    }

    @Override
    public void simulate(int h, SplittableRandom rng, double[] out, int offset, double sigmaScale) {
        State s = new State();
        s.copy(last);
        for (int k = 0; k < h; k++) {
            double y = s.predict(alpha, theta) + sigma * sigmaScale * rng.nextGaussian();
            out[offset + k] = y;
            s.update(y, alpha);
        }
    }

    @Override
    public void fitted(double[] y, int n, double[] out) {
        run(y, n, alpha, theta, l0, new State(), out);
    }

    @Override
    public int residualDf() {
        return Math.max(1, n - 4);
    }
}
