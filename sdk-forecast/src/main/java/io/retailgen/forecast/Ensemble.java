package io.retailgen.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The statistical models of a {@link Method} fitted to one {@link PreparedSeries}, and how their forecasts and paths
 * become one {@link Forecast}: the point forecast combined across members, the scenario paths pooled from them.
 * Stateless apart from the per-thread fitting workspace.
 */
final class Ensemble {

    /**
     * ARIMA(p,1,0) and SES join the ensemble only for seasonal periods up to this (yearly, quarterly, other), where
     * the point forecast becomes a trimmed mean of five. For monthly and weekly data neither models the seasonal
     * dynamics (both hurt M3 monthly and the aus-retail hierarchy), so the ensemble is the mean of ETS, Theta and
     * the log-scale damped trend.
     */
    static final int SHORT_PERIOD_MAX = 4;

    private static final ThreadLocal<Ets.Workspace> WORKSPACE = ThreadLocal.withInitial(Ets.Workspace::new);

    private Ensemble() {
    }

    /** The fitted members of {@code method} (every one falls back to seasonal naive when its fit fails). */
    static List<FittedModel> members(Method method, PreparedSeries p) {
        Ets.Workspace ws = WORKSPACE.get();
        List<FittedModel> models = new ArrayList<>(5);
        switch (method) {
            case ETS -> models.add(orNaive(Ets.auto(p.y(), p.n(), p.period(), ws), p));
            case THETA -> models.add(theta(p, ws));
            case DAMPED -> models.add(damped(p, ws));
            case SEASONAL_NAIVE -> models.add(p.seasonalNaive());
            default -> {
                models.add(orNaive(Ets.auto(p.y(), p.n(), p.period(), ws), p));
                models.add(theta(p, ws));
                models.add(logDamped(p, ws));
                if (p.period() <= SHORT_PERIOD_MAX) {
                    models.add(arima(p));
                    models.add(ses(p, ws));
                }
            }
        }
        return models;
    }

    private static FittedModel orNaive(FittedModel model, PreparedSeries p) {
        return model != null ? model : p.seasonalNaive();
    }

    /** Fits on the adjusted history and re-seasonalises, or falls back to seasonal naive when the fit fails. */
    private static FittedModel onAdjusted(FittedModel fitted, PreparedSeries p) {
        return fitted == null ? p.seasonalNaive() : p.reseasonalise(fitted);
    }

    private static FittedModel theta(PreparedSeries p, Ets.Workspace ws) {
        return p.reseasonalise(Theta.fit(p.adjusted(), p.n(), ws.nm));
    }

    private static FittedModel damped(PreparedSeries p, Ets.Workspace ws) {
        double[] a = p.adjusted();
        FittedModel d = Ets.fit(a, p.n(), 1, false, Ets.Trend.AD, Ets.Season.N, ws);
        if (d == null) {
            d = Ets.fit(a, p.n(), 1, false, Ets.Trend.N, Ets.Season.N, ws);
        }
        return onAdjusted(d, p);
    }

    /** ETS(A,Ad,N) on the log of the seasonally adjusted data; additive damped trend when a value is not positive. */
    private static FittedModel logDamped(PreparedSeries p, Ets.Workspace ws) {
        FittedModel d = LogTransformed.dampedOnLog(p.adjusted(), p.n(), ws);
        return d == null ? damped(p, ws) : p.reseasonalise(d);
    }

    /** Simple exponential smoothing, ETS(A,N,N), on the seasonally adjusted data. */
    private static FittedModel ses(PreparedSeries p, Ets.Workspace ws) {
        return onAdjusted(Ets.fit(p.adjusted(), p.n(), 1, false, Ets.Trend.N, Ets.Season.N, ws), p);
    }

    private static FittedModel arima(PreparedSeries p) {
        return onAdjusted(Arima.fit(p.adjusted(), p.n()), p);
    }

    /**
     * One draw of {@code sqrt(df / chi2(df))} (Wilson-Hilferty), so that a path's innovations follow the predictive
     * distribution with the residual variance estimated from {@code df} degrees of freedom (Student t across paths)
     * instead of treating the estimate as exact.
     */
    static double varianceScale(int df, SplittableRandom rng) {
        double c = 2.0 / (9.0 * df);
        double w = 1 - c + rng.nextGaussian() * Math.sqrt(c);
        double chi2OverDf = Math.max(w * w * w, 0.05);
        return Math.sqrt(1 / chi2OverDf);
    }

    /**
     * The point forecast of several models: their mean, or with four or more models the mean after dropping the
     * lowest and the highest at each step (a trimmed mean, robust to one model that runs away).
     */
    static void combine(double[][] each, int k, int h, double[] out) {
        double[] col = new double[k];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < k; j++) {
                col[j] = each[j][i];
            }
            int from = 0;
            int to = k;
            if (k >= 4) {
                Arrays.sort(col);
                from = 1;
                to = k - 1;
            }
            double sum = 0;
            for (int j = from; j < to; j++) {
                sum += col[j];
            }
            out[i] = sum / (to - from);
        }
    }

    /** A flat forecast with flat paths (no observed value, or a constant history). */
    static Forecast constant(String id, PreparedSeries.Cleaned c, double value, int h, int paths, long s,
            String note) {
        double[] d = new double[paths * h];
        Arrays.fill(d, value);
        double[] mean = new double[h];
        Arrays.fill(mean, value);
        double[] fitted = new double[c.dropped() + c.y().length];
        Arrays.fill(fitted, 0, c.dropped(), Double.NaN);
        Arrays.fill(fitted, c.dropped(), fitted.length, value);
        return new Forecast(id, "Constant", mean, new ScenarioSet("Constant", s, paths, h, d), note, fitted);
    }

    /**
     * The forecast of fitted models: the combined point forecast, {@code paths} scenario paths taken from the members
     * in turn (bounded, and floored at zero for non-negative histories), and the members' mean fitted values.
     */
    static Forecast forecast(String id, PreparedSeries.Cleaned c, List<FittedModel> models, int h, int paths, long s,
            String note) {
        int k = models.size();
        double[] mean = new double[h];
        double[][] each = new double[k][h];
        StringBuilder name = new StringBuilder(k > 1 ? "ensemble[" : "");
        for (int j = 0; j < k; j++) {
            FittedModel fm = models.get(j);
            fm.forecast(h, each[j]);
            name.append(j > 0 ? "," : "").append(fm.name());
        }
        combine(each, k, h, mean);
        if (k > 1) {
            name.append(']');
        }
        double scale = 0;
        for (double v : c.y()) {
            scale = Math.max(scale, Math.abs(v));
        }
        double[] data = new double[paths * h];
        SplittableRandom rng = new SplittableRandom(s);
        for (int p = 0; p < paths; p++) {
            FittedModel fm = models.get(p % k);
            fm.simulate(h, rng, data, p * h, varianceScale(fm.residualDf(), rng));
        }
        double limit = 1e6 * Math.max(scale, 1);
        for (int i = 0; i < data.length; i++) {
            double v = data[i];
            if (!Double.isFinite(v)) {
                v = mean[i % h];
            }
            v = Math.max(-limit, Math.min(limit, v));
            if (c.nonNegative() && v < 0) {
                v = 0;
            }
            data[i] = v;
        }
        if (c.nonNegative()) {
            for (int i = 0; i < h; i++) {
                mean[i] = Math.max(0, mean[i]);
            }
        }
        double[] y = c.y();
        double[] fitted = new double[c.dropped() + y.length];
        Arrays.fill(fitted, 0, c.dropped(), Double.NaN);
        double[] one = new double[y.length];
        for (FittedModel fm : models) {
            fm.fitted(y, y.length, one);
            for (int t = 0; t < y.length; t++) {
                fitted[c.dropped() + t] += one[t] / k;
            }
        }
        return new Forecast(id, name.toString(), mean, new ScenarioSet(name.toString(), s, paths, h, data), note,
                fitted);
    }
}
