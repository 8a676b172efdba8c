package io.retailgen.forecast;

import java.util.SplittableRandom;

/**
 * A model fitted to multiplicatively seasonally adjusted data, with forecasts and paths re-seasonalised; made by
 * {@link PreparedSeries#reseasonalise}.
 */
final class SeasonalAdjusted implements FittedModel {

    private final FittedModel inner;
    private final double[] indices;
    private final int origin;

    SeasonalAdjusted(FittedModel inner, double[] indices, int origin) {
        this.inner = inner;
        this.indices = indices.clone();
        this.origin = origin;
    }

    @Override
    public void fitted(double[] y, int n, double[] out) {
        inner.fitted(PreparedSeries.adjust(y, n, indices), n, out);
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
