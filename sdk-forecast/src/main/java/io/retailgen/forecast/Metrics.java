package io.retailgen.forecast;

import java.util.Arrays;
import java.util.Objects;

/**
 * Forecast accuracy measures. Percentage errors are in percent (sMAPE of a perfect forecast is 0, at most 200).
 * Scaled errors (MASE, RMSSE) divide by the in-sample error of the seasonal naive forecast with lag {@code m}
 * (lag 1 when the history is shorter than {@code m + 1}); a history whose naive error is 0 gives {@code NaN}.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * double s = Metrics.smape(actual, forecast.mean());
 * double c = Metrics.crps(actual, forecast.scenarios());
 * double cover = Metrics.coverage(actual, forecast.scenarios().interval(0.95));
 * }</pre>
 */
public final class Metrics {

    private Metrics() {
    }

    private static void sameLength(double[] a, double[] f) {
        Objects.requireNonNull(a, "actual == null");
        Objects.requireNonNull(f, "forecast == null");
        if (a.length != f.length || a.length == 0) {
            throw new IllegalArgumentException("actual has " + a.length + " values and forecast " + f.length
                    + "; they must be equal and non-zero");
        }
    }

    /**
     * @param actual the observed values
     * @param forecast the point forecasts
     * @return the mean of {@code 200 |a - f| / (|a| + |f|)}; a step where both are 0 counts as 0
     */
    public static double smape(double[] actual, double[] forecast) {
        sameLength(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs(actual[i]) + Math.abs(forecast[i]);
            s += d == 0 ? 0 : 200 * Math.abs(actual[i] - forecast[i]) / d;
        }
        return s / actual.length;
    }

    /**
     * @param actual the observed values
     * @param forecast the point forecasts
     * @return the mean of {@code 100 |a - f| / |a|} over steps with {@code a != 0}; NaN when all are 0
     */
    public static double mape(double[] actual, double[] forecast) {
        sameLength(actual, forecast);
        double s = 0;
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] != 0) {
                s += 100 * Math.abs(actual[i] - forecast[i]) / Math.abs(actual[i]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /**
     * The in-sample mean absolute error of the seasonal naive forecast; NaN gaps in the history are skipped.
     *
     * @param history the training values
     * @param m the seasonal lag
     * @return the scale
     */
    public static double naiveScale(double[] history, int m) {
        return naiveScale(history, m, 1);
    }

    private static double naiveScale(double[] y, int m, int power) {
        int lag = m >= 1 && y.length > m ? m : 1;
        double s = 0;
        int n = 0;
        for (int t = lag; t < y.length; t++) {
            double d = y[t] - y[t - lag];
            if (!Double.isNaN(d)) {
                s += power == 1 ? Math.abs(d) : d * d;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /**
     * @param history the training values (scale)
     * @param actual the observed future
     * @param forecast the point forecasts
     * @param m the seasonal lag
     * @return mean absolute error over the in-sample seasonal naive mean absolute error
     */
    public static double mase(double[] history, double[] actual, double[] forecast, int m) {
        sameLength(actual, forecast);
        double mae = 0;
        for (int i = 0; i < actual.length; i++) {
            mae += Math.abs(actual[i] - forecast[i]);
        }
        double scale = naiveScale(history, m, 1);
        return scale > 0 ? mae / actual.length / scale : Double.NaN;
    }

    /**
     * @param history the training values (scale)
     * @param actual the observed future
     * @param forecast the point forecasts
     * @param m the seasonal lag
     * @return root mean squared error over the root in-sample seasonal naive mean squared error
     */
    public static double rmsse(double[] history, double[] actual, double[] forecast, int m) {
        sameLength(actual, forecast);
        double mse = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = actual[i] - forecast[i];
            mse += d * d;
        }
        double scale = naiveScale(history, m, 2);
        return scale > 0 ? Math.sqrt(mse / actual.length / scale) : Double.NaN;
    }

    /**
     * The continuous ranked probability score from samples, averaged over steps: {@code E|X - a| - E|X - X'| / 2}.
     *
     * @param actual the observed values
     * @param scenarios paths with the same horizon
     * @return the mean CRPS, in the units of the data
     */
    public static double crps(double[] actual, ScenarioSet scenarios) {
        Objects.requireNonNull(scenarios, "scenarios == null");
        if (actual.length != scenarios.horizon()) {
            throw new IllegalArgumentException("actual has " + actual.length + " values, scenarios "
                    + scenarios.horizon() + " steps");
        }
        int n = scenarios.paths();
        double[] col = new double[n];
        double total = 0;
        for (int k = 0; k < actual.length; k++) {
            scenarios.column(k, col);
            Arrays.sort(col);
            double a = actual[k];
            double e1 = 0;
            double e2 = 0;
            for (int i = 0; i < n; i++) {
                e1 += Math.abs(col[i] - a);
                e2 += col[i] * (2.0 * i - n + 1);
            }
            total += e1 / n - e2 / ((double) n * n);
        }
        return total / actual.length;
    }

    /**
     * The pinball loss of a quantile forecast, averaged over steps.
     *
     * @param actual the observed values
     * @param quantile the forecast quantiles
     * @param p the probability of the quantile
     * @return the mean loss
     */
    public static double quantileLoss(double[] actual, double[] quantile, double p) {
        sameLength(actual, quantile);
        ScenarioSet.checkProbability(p);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = actual[i] - quantile[i];
            s += d >= 0 ? p * d : (p - 1) * d;
        }
        return s / actual.length;
    }

    /**
     * @param actual the observed values
     * @param interval the prediction interval
     * @return the share of steps inside the interval (bounds included)
     */
    public static double coverage(double[] actual, ScenarioSet.Interval interval) {
        double[] lo = interval.lower();
        double[] hi = interval.upper();
        sameLength(actual, lo);
        int in = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] >= lo[i] && actual[i] <= hi[i]) {
                in++;
            }
        }
        return (double) in / actual.length;
    }
}
