package io.retailgen.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Regression with ARIMA errors on drivers known ahead (promotion flags, prices, holidays, a macro indicator):
 * {@code w_t = sum_j beta_j x_jt + eta_t}, where {@code w} is the series (its log when every value is positive, so a
 * driver's effect is multiplicative) and {@code eta} follows the automatic ARIMA(p,1,0) of the ensemble. The
 * coefficients are estimated by least squares on first differences ({@code dw_t = c + sum_j beta_j dx_jt}, the drift
 * {@code c} left to the ARIMA), then the ARIMA is fitted to {@code eta = w - sum_j beta_j x_j} and its simulated paths
 * carry the future drivers' effect. Implements {@link GenerativeScenarioModel}, so it serves through
 * {@link Forecaster} with {@link Method#GENERATIVE}: {@code forecast} takes the future drivers from the covariates
 * beyond the history, {@code whatIf} from the caller.
 *
 * <pre>{@code
 * ArimaWithDrivers m = ArimaWithDrivers.of("promo", "price");
 * Map<String, Double> effects = m.effects(series);                    // beta per driver (log scale: ~ % per unit)
 * Forecaster f = Forecaster.builder().method(Method.GENERATIVE).generativeModel(m).build();
 * Forecast promo = f.whatIf(series, 8, Map.of("promo", new double[] {1, 1, 0, 0, 0, 0, 0, 0}));
 * }</pre>
 *
 * <p>Missing values: leading ones are dropped, inner ones interpolated linearly, trailing ones carry the last value. A
 * driver missing from a series, or missing at a step, counts as 0. Immutable and thread-safe.
 */
public final class ArimaWithDrivers implements GenerativeScenarioModel {

    /** The fewest values a series needs (the ARIMA's minimum). */
    static final int MIN_VALUES = 6;
    private static final double RIDGE = 1e-9;

    private final List<String> drivers;

    private ArimaWithDrivers(List<String> drivers) {
        this.drivers = drivers;
    }

    /**
     * @param drivers the covariate names to regress on (none: a plain ARIMA), distinct and non-blank
     * @return the model
     */
    public static ArimaWithDrivers of(String... drivers) {
        return new ArimaWithDrivers(GenerativeArguments.driverNames(drivers));
    }

    /** @return the driver names */
    public List<String> drivers() {
        return drivers;
    }

    @Override
    public String name() {
        return "arima-drivers" + drivers;
    }

    /** A fitted series: the transform, the coefficients, the history's length and the ARIMA of the errors. */
    record Fit(boolean log, boolean nonNegative, double[] beta, Arima errors) {
    }

    /**
     * @param history the series with its covariates
     * @return the coefficient of each driver ({@code d log y / d x} when the series is positive, else
     *     {@code d y / d x})
     * @throws IllegalArgumentException when the series has fewer than 6 values
     */
    public Map<String, Double> effects(TimeSeries history) {
        Fit f = fit(history);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < drivers.size(); j++) {
            out.put(drivers.get(j), f.beta()[j]);
        }
        return out;
    }

    Fit fit(TimeSeries history) {
        double[] raw = history.values();
        int lead = 0;
        while (lead < raw.length && Double.isNaN(raw[lead])) {
            lead++;
        }
        double[] y = interpolate(java.util.Arrays.copyOfRange(raw, lead, raw.length));
        int n = y.length;
        if (n < MIN_VALUES) {
            throw new IllegalArgumentException("series " + history.id() + " has " + n + " values; regression with "
                    + "ARIMA errors needs at least " + MIN_VALUES);
        }
        boolean log = java.util.Arrays.stream(y).allMatch(v -> v > 0);
        boolean nonNegative = java.util.Arrays.stream(y).allMatch(v -> v >= 0);
        double[] w = new double[n];
        for (int t = 0; t < n; t++) {
            w[t] = log ? Math.log(y[t]) : y[t];
        }
        double[][] x = driverHistory(history, lead, n);
        int d = drivers.size();
        int k = d + 1;
        double[][] a = new double[k][k];
        double[] b = new double[k];
        double[] row = new double[k];
        for (int t = 1; t < n; t++) {
            row[0] = 1;
            for (int j = 0; j < d; j++) {
                row[j + 1] = x[j][t] - x[j][t - 1];
            }
            double dw = w[t] - w[t - 1];
            for (int i = 0; i < k; i++) {
                b[i] += row[i] * dw;
                for (int j = 0; j <= i; j++) {
                    a[i][j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            a[i][i] += RIDGE * (1 + a[i][i]); // a driver that never changes gets a zero coefficient, not a failure
        }
        double[] coef = new double[k];
        double[] beta = new double[d];
        if (d > 0 && Arima.solve(a, b, coef, k)) {
            System.arraycopy(coef, 1, beta, 0, d);
        }
        double[] eta = new double[n];
        for (int t = 0; t < n; t++) {
            eta[t] = w[t];
            for (int j = 0; j < d; j++) {
                eta[t] -= beta[j] * x[j][t];
            }
        }
        return new Fit(log, nonNegative, beta, Arima.fit(eta, n));
    }

    private double[][] driverHistory(TimeSeries history, int lead, int n) {
        Map<String, double[]> cov = history.covariates();
        double[][] x = new double[drivers.size()][n];
        for (int j = 0; j < drivers.size(); j++) {
            double[] c = cov.get(drivers.get(j));
            for (int t = 0; c != null && t < n; t++) {
                double v = c[lead + t];
                x[j][t] = Double.isFinite(v) ? v : 0;
            }
        }
        return x;
    }

    static double[] interpolate(double[] y) {
        double[] out = y.clone();
        int last = -1;
        for (int t = 0; t < out.length; t++) {
            if (!Double.isNaN(out[t])) {
                for (int g = last + 1; g < t && last >= 0; g++) {
                    out[g] = out[last] + (out[t] - out[last]) * (g - last) / (t - last);
                }
                last = t;
            }
        }
        for (int t = last + 1; t < out.length && last >= 0; t++) {
            out[t] = out[last];
        }
        return out;
    }

    @Override
    public ScenarioSet sample(TimeSeries history, int horizon, Map<String, double[]> futureDrivers, int paths,
            long seed) {
        Map<String, double[]> known = new LinkedHashMap<>();
        futureDrivers.forEach((k, v) -> {
            if (drivers.contains(k)) {
                known.put(k, v);
            }
        });
        GenerativeArguments.checkSample(history, horizon, known, paths, drivers);
        Fit f = fit(history);
        double[] effect = new double[horizon];
        for (int j = 0; j < drivers.size(); j++) {
            double[] future = known.get(drivers.get(j));
            for (int s = 0; future != null && s < horizon; s++) {
                effect[s] += f.beta()[j] * (Double.isFinite(future[s]) ? future[s] : 0);
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[paths * horizon];
        for (int p = 0; p < paths; p++) {
            f.errors().simulate(horizon, rng, out, p * horizon, 1);
            for (int s = 0; s < horizon; s++) {
                int i = p * horizon + s;
                double v = out[i] + effect[s];
                v = f.log() ? Math.exp(Math.min(v, 700)) : v;
                out[i] = f.nonNegative() ? Math.max(0, v) : v;
            }
        }
        return new ScenarioSet(name(), seed, paths, horizon, out);
    }

    @Override
    public String toString() {
        return "ArimaWithDrivers" + new ArrayList<>(drivers);
    }
}
