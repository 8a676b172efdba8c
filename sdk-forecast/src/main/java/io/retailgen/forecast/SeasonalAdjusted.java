package io.retailgen.forecast;

import java.util.SplittableRandom;

/** A model fitted to multiplicatively seasonally adjusted data, with forecasts and paths re-seasonalised. */
final class SeasonalAdjusted implements FittedModel {

    private final FittedModel inner;
    private final double[] indices;
    private final int origin;

    SeasonalAdjusted(FittedModel inner, double[] indices, int origin) {
        this.inner = inner;
        this.indices = indices.clone();
        this.origin = origin;
    }

    /** The seasonal indices when {@code y} passes the seasonality test and is positive, else null. */
    static double[] indicesIfSeasonal(double[] y, int n, int m) {
        if (m <= 1 || !Decomposition.isSeasonal(y, n, m)) {
            return null;
        }
        for (int t = 0; t < n; t++) {
            if (y[t] <= 0) {
                return null;
            }
        }
        double[] idx = new double[m];
        Decomposition.seasonalIndices(y, n, m, true, idx);
        for (double v : idx) {
            if (Math.abs(v) < 1e-4) {
                return null;
            }
        }
        return idx;
    }

    static double[] adjust(double[] y, int n, double[] indices) {
        double[] a = new double[n];
        int m = indices.length;
        for (int t = 0; t < n; t++) {
            a[t] = y[t] / indices[t % m];
        }
        return a;
    }

    @Override
    public void fitted(double[] y, int n, double[] out) {
        inner.fitted(adjust(y, n, indices), n, out);
        int m = indices.length;
        for (int t = 0; t < n; t++) {
            out[t] *= indices[t % m];
        }
    }

    @Override
    public int residualDf() {
        return Math.max(1, inner.residualDf() - (indices.length - 1));
    }

    @Override
    public String name() {
        return inner.name() + "+season";
    }

    @Override
    public void forecast(int h, double[] out) {
        inner.forecast(h, out);
        int m = indices.length;
        for (int k = 0; k < h; k++) {
            out[k] *= indices[(origin + k) % m];
        }
    }

    @Override
    public void simulate(int h, SplittableRandom rng, double[] out, int offset, double sigmaScale) {
        inner.simulate(h, rng, out, offset, sigmaScale);
        int m = indices.length;
        for (int k = 0; k < h; k++) {
            out[offset + k] *= indices[(origin + k) % m];
        }
    }
}
