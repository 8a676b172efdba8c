package io.retailgen.forecast;

import java.util.SplittableRandom;

/** Repeats the last season (the last value when there is no season); paths add Gaussian seasonal-difference noise. */
final class SeasonalNaive implements FittedModel {

    private final double[] last;
    private final double sigma;

    private final int df;

    private SeasonalNaive(double[] last, double sigma, int df) {
        this.last = last;
        this.sigma = sigma;
        this.df = Math.max(1, df);
    }

    @Override
    public void fitted(double[] y, int n, double[] out) {
        int lag = last.length;
        for (int t = 0; t < n; t++) {
            out[t] = t >= lag ? y[t - lag] : y[0];
        }
    }

    @Override
    public int residualDf() {
        return df;
    }

    static SeasonalNaive fit(double[] y, int n, int m) {
        int lag = m > 1 && n >= m ? m : 1;
        double[] last = new double[lag];
        System.arraycopy(y, n - lag, last, 0, lag);
        double ss = 0;
        int count = 0;
        for (int t = lag; t < n; t++) {
            double d = y[t] - y[t - lag];
            ss += d * d;
            count++;
        }
        return new SeasonalNaive(last, count == 0 ? 0 : Math.sqrt(ss / count), count);
    }

    @Override
    public String name() {
        return last.length > 1 ? "SeasonalNaive" : "Naive";
    }

    @Override
    public void forecast(int h, double[] out) {
        for (int k = 0; k < h; k++) {
            out[k] = last[k % last.length];
        }
    }

    @Override
    public void simulate(int h, SplittableRandom rng, double[] out, int offset, double sigmaScale) {
        int lag = last.length;
        for (int k = 0; k < h; k++) {
            double prev = k < lag ? last[k] : out[offset + k - lag];
            out[offset + k] = prev + sigma * sigmaScale * rng.nextGaussian();
        }
    }
}
