package io.retailgen.forecast;

import java.util.SplittableRandom;

/** A model fitted to one series: point forecasts and simulated future paths. */
interface FittedModel {

    /** @return a short name such as {@code ETS(M,Ad,M)} */
    String name();

    /** Writes the point forecasts for steps 1..h into {@code out[0..h)}. */
    void forecast(int h, double[] out);

    /**
     * Writes one simulated future path for steps 1..h into {@code out[offset..offset+h)}, with the innovation
     * standard deviation multiplied by {@code sigmaScale}.
     */
    void simulate(int h, SplittableRandom rng, double[] out, int offset, double sigmaScale);

    /**
     * Writes the in-sample one-step-ahead fitted values of {@code y[0..n)} into {@code out[0..n)}.
     */
    void fitted(double[] y, int n, double[] out);

    /** @return the residual degrees of freedom of the fit (observations minus parameters), at least 1 */
    int residualDf();
}
