package io.retailgen.forecast;

import java.util.SplittableRandom;

/**
 * ARIMA(p,1,0) with or without drift, fitted by least squares on the first differences and chosen by AICc over
 * {@code p = 0..3}. A small, fast member of the ARIMA family that adds a model of a different kind (autoregressive
 * in the changes) to the exponential-smoothing ensemble. Candidates whose AR part is not clearly stationary
 * ({@code sum |phi| >= 1}) are skipped.
 */
final class Arima implements FittedModel {

    static final int MAX_P = 3;

    private final double[] phi;
    private final double drift;
    private final double sigma;
    private final int df;
    private final double last;
    private final double[] lastDiffs;

    private Arima(double[] phi, double drift, double sigma, int df, double last, double[] lastDiffs) {
        this.phi = phi;
        this.drift = drift;
        this.sigma = sigma;
        this.df = df;
        this.last = last;
        this.lastDiffs = lastDiffs;
    }

    @Override
    public String name() {
        return "ARIMA(" + phi.length + ",1,0)" + (drift != 0 ? "+drift" : "");
    }

    /** Fits the best candidate by AICc, or returns null when the series is too short (fewer than 6 values). */
    static Arima fit(double[] y, int n) {
        if (n < 6) {
            return null;
        }
        int nd = n - 1;
        double[] d = new double[nd];
        for (int t = 0; t < nd; t++) {
            d[t] = y[t + 1] - y[t];
        }
        int maxP = Math.min(MAX_P, (nd - 4) / 3);
        int start = Math.max(0, maxP);
        int rows = nd - start;
        Arima best = null;
        double bestAicc = Double.POSITIVE_INFINITY;
        double[][] xtx = new double[MAX_P + 1][MAX_P + 1];
        double[] xty = new double[MAX_P + 1];
        double[] coef = new double[MAX_P + 1];
        for (int p = 0; p <= maxP; p++) {
            for (int c = 0; c < 2; c++) {
                boolean withDrift = c == 1;
                int k = p + (withDrift ? 1 : 0);
                if (k == 0) {
                    double sse = 0;
                    for (int t = start; t < nd; t++) {
                        sse += d[t] * d[t];
                    }
                    double aicc = aicc(sse, rows, 0);
                    if (aicc < bestAicc) {
                        bestAicc = aicc;
                        best = build(y, n, d, new double[0], 0, sse, rows, 0);
                    }
                    continue;
                }
                for (int i = 0; i < k; i++) {
                    xty[i] = 0;
                    for (int j = 0; j < k; j++) {
                        xtx[i][j] = 0;
                    }
                }
                for (int t = start; t < nd; t++) {
                    for (int i = 0; i < k; i++) {
                        double xi = regressor(d, t, i, p, withDrift);
                        xty[i] += xi * d[t];
                        for (int j = 0; j <= i; j++) {
                            xtx[i][j] += xi * regressor(d, t, j, p, withDrift);
                        }
                    }
                }
                if (!solve(xtx, xty, coef, k)) {
                    continue;
                }
                double[] ph = new double[p];
                double abs = 0;
                for (int i = 0; i < p; i++) {
                    ph[i] = coef[i];
                    abs += Math.abs(coef[i]);
                }
                if (abs >= 0.98) {
                    continue;
                }
                double mu = withDrift ? coef[p] : 0;
                double sse = 0;
                for (int t = start; t < nd; t++) {
                    double e = d[t] - mu;
                    for (int i = 0; i < p; i++) {
                        e -= ph[i] * d[t - 1 - i];
                    }
                    sse += e * e;
                }
                double aicc = aicc(sse, rows, k);
                if (aicc < bestAicc) {
                    bestAicc = aicc;
                    best = build(y, n, d, ph, mu, sse, rows, k);
                }
            }
        }
        return best;
    }

    /** Solves the normal equations (lower triangle filled) by Cholesky; false when not positive definite. */
    static boolean solve(double[][] a, double[] b, double[] x, int k) {
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int q = 0; q < j; q++) {
                    s -= l[i][q] * l[j][q];
                }
                if (i == j) {
                    if (!(s > 1e-12 * Math.max(1, Math.abs(a[i][i])))) {
                        return false;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int q = 0; q < i; q++) {
                s -= l[i][q] * z[q];
            }
            z[i] = s / l[i][i];
        }
        for (int i = k - 1; i >= 0; i--) {
            double s = z[i];
            for (int q = i + 1; q < k; q++) {
                s -= l[q][i] * x[q];
            }
            x[i] = s / l[i][i];
        }
        return true;
    }

    private static double regressor(double[] d, int t, int i, int p, boolean withDrift) {
        return i < p ? d[t - 1 - i] : 1.0;
    }

    private static double aicc(double sse, int rows, int k) {
        int kk = k + 1;
        if (rows - kk - 1 <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return rows * Math.log(Math.max(sse, 1e-300) / rows) + 2.0 * kk + 2.0 * kk * (kk + 1) / (rows - kk - 1);
    }

    private static Arima build(double[] y, int n, double[] d, double[] phi, double mu, double sse, int rows, int k) {
        double[] lastDiffs = new double[phi.length];
        for (int i = 0; i < phi.length; i++) {
            lastDiffs[i] = d[d.length - 1 - i];
        }
        int df = Math.max(1, rows - k);
        return new Arima(phi, mu, Math.sqrt(sse / df), df, y[n - 1], lastDiffs);
    }

    @Override
    public void forecast(int h, double[] out) {
        run(h, null, out, 0, 0);
    }

    @Override
    public void simulate(int h, SplittableRandom rng, double[] out, int offset, double sigmaScale) {
        run(h, rng, out, offset, sigma * sigmaScale);
    }

    private void run(int h, SplittableRandom rng, double[] out, int offset, double sd) {
        int p = phi.length;
        double[] hist = p == 0 ? null : lastDiffs.clone();
        double level = last;
        for (int k = 0; k < h; k++) {
            double dd = drift;
            for (int i = 0; i < p; i++) {
                dd += phi[i] * hist[i];
            }
            if (rng != null) {
                dd += sd * rng.nextGaussian();
            }
            for (int i = p - 1; i > 0; i--) {
                hist[i] = hist[i - 1];
            }
            if (p > 0) {
                hist[0] = dd;
            }
            level += dd;
            out[offset + k] = level;
        }
    }

    @Override
    public void fitted(double[] y, int n, double[] out) {
        int p = phi.length;
        for (int t = 0; t < n; t++) {
            if (t == 0) {
                out[t] = y[0];
                continue;
            }
            double dd = drift;
            for (int i = 0; i < p; i++) {
                int u = t - 1 - i;
                dd += u >= 1 ? phi[i] * (y[u] - y[u - 1]) : 0;
            }
            out[t] = y[t - 1] + dd;
        }
    }

    @Override
    public int residualDf() {
        return df;
    }
}
