package io.retailgen.forecast;

import io.retailgen.core.bundle.ModelHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

/**
 * The {@link Forecaster} built by {@link Forecaster.Builder}: data rules, model fitting, scenario pooling, the
 * fan-out over the executor and one pass through the interceptors per public call.
 */
final class StatisticalForecaster implements Forecaster {

    /**
     * ARIMA(p,1,0) and SES join the ensemble only for seasonal periods up to this (yearly, quarterly, other), where
     * the point forecast becomes a trimmed mean of five. For monthly and weekly data neither models the seasonal
     * dynamics (both hurt M3 monthly and the aus-retail hierarchy), so the ensemble is the mean of ETS, Theta and
     * the log-scale damped trend.
     */
    static final int SHORT_PERIOD_MAX = 4;

    private static final ThreadLocal<Ets.Workspace> WORKSPACE = ThreadLocal.withInitial(Ets.Workspace::new);

    private final Method method;
    private final int paths;
    private final long seed;
    private final GenerativeScenarioModel generative;
    private final ModelHandle<DeepArModel> handle;
    private final Executor executor;
    private final ForecastAudit audit;

    StatisticalForecaster(Forecaster.Builder b) {
        this.method = b.method;
        this.paths = b.paths;
        this.seed = b.seed;
        this.generative = b.generative;
        this.handle = b.handle;
        this.executor = b.executor != null ? b.executor : ForecastExecutor.shared();
        this.audit = new ForecastAudit(b.interceptors, this);
    }

    @Override
    public Forecast forecast(TimeSeries series, int horizon) {
        Forecast f = compute(series, horizon);
        audit.pass("forecast", List.of(f), horizon);
        return f;
    }

    @Override
    public List<Forecast> forecastAll(List<TimeSeries> series, int horizon) {
        List<Forecast> all = computeAll(series, horizon);
        audit.pass("forecastAll", all, horizon);
        return all;
    }

    @Override
    public List<Forecast> forecastHierarchy(HierarchicalData data, int horizon, Reconciliation how) {
        Objects.requireNonNull(data, "data == null");
        Objects.requireNonNull(how, "how == null");
        List<Forecast> coherent = Reconciler.reconcile(data, computeAll(data.series(), horizon), how);
        audit.pass("forecastHierarchy", coherent, horizon);
        return coherent;
    }

    @Override
    public Forecast whatIf(TimeSeries series, int horizon, Map<String, double[]> futureDrivers) {
        Objects.requireNonNull(series, "series == null");
        Objects.requireNonNull(futureDrivers, "futureDrivers == null");
        checkHorizon(horizon);
        if (method != Method.GENERATIVE) {
            throw new IllegalStateException("whatIf needs Method.GENERATIVE and a generative model; method "
                    + method.name().toLowerCase(java.util.Locale.ROOT) + " ignores drivers");
        }
        Map<String, double[]> drivers = new java.util.LinkedHashMap<>(futureDrivers(series, horizon));
        drivers.putAll(futureDrivers);
        Forecast f = generative(series, horizon, drivers, seriesSeed(series));
        audit.pass("whatIf", List.of(f), horizon);
        return f;
    }

    private long seriesSeed(TimeSeries series) {
        return seed ^ (series.id().hashCode() * 0x9E3779B97F4A7C15L);
    }

    /** Samples the generative model (the handle's current one, or the fixed one) with the given future drivers. */
    private Forecast generative(TimeSeries series, int horizon, Map<String, double[]> drivers, long s) {
        double[] none = new double[series.length()];
        java.util.Arrays.fill(none, Double.NaN);
        if (handle != null) {
            return handle.apply(m -> {
                ScenarioSet set = m.sample(series, horizon, drivers, paths, s);
                return new Forecast(series.id(), m.name(), set.mean(), set, "", none);
            });
        }
        ScenarioSet set = generative.sample(series, horizon, drivers, paths, s);
        return new Forecast(series.id(), generative.name(), set.mean(), set, "", none);
    }

    /** Every series' forecast, on the executor, without passing the interceptors. */
    List<Forecast> computeAll(List<TimeSeries> series, int horizon) {
        Objects.requireNonNull(series, "series == null");
        checkHorizon(horizon);
        return ForecastExecutor.map(executor, series, s -> compute(s, horizon));
    }

    Executor executor() {
        return executor;
    }

    int paths() {
        return paths;
    }

    /** The name of the model behind the forecasts, for the interceptors. */
    String modelName() {
        if (handle != null) {
            return handle.apply(DeepArModel::modelName);
        }
        if (generative != null) {
            return generative instanceof DeepArModel d ? d.modelName() : generative.name();
        }
        return "forecast-" + method.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The version of the model behind the forecasts, for the interceptors. */
    String modelVersion() {
        if (handle != null) {
            return handle.version();
        }
        if (generative instanceof DeepArModel d) {
            return d.version();
        }
        return generative != null ? "unversioned" : "statistical";
    }

    private static void checkHorizon(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
    }

    @Override
    public Method method() {
        return method;
    }

    /** The cleaned history and what was done to it. */
    record Cleaned(double[] y, int observed, boolean nonNegative, String note, int dropped) {
    }

    static Cleaned clean(double[] raw) {
        int first = 0;
        while (first < raw.length && Double.isNaN(raw[first])) {
            first++;
        }
        if (first == raw.length) {
            return new Cleaned(new double[0], 0, true, "no observed value: forecasting zeros", raw.length);
        }
        int last = raw.length - 1;
        while (Double.isNaN(raw[last])) {
            last--;
        }
        double[] y = new double[raw.length - first];
        int gaps = 0;
        int observed = 0;
        boolean nonNegative = true;
        int prev = -1;
        for (int t = first; t <= last; t++) {
            double v = raw[t];
            int i = t - first;
            if (Double.isNaN(v)) {
                gaps++;
                continue;
            }
            observed++;
            nonNegative &= v >= 0;
            y[i] = v;
            if (prev >= 0 && i - prev > 1) {
                for (int j = prev + 1; j < i; j++) {
                    y[j] = y[prev] + (y[i] - y[prev]) * (j - prev) / (i - prev);
                }
            }
            prev = i;
        }
        int trailing = raw.length - 1 - last;
        for (int i = last - first + 1; i < y.length; i++) {
            y[i] = y[last - first];
        }
        StringBuilder note = new StringBuilder();
        if (first > 0) {
            note.append("dropped ").append(first).append(" leading missing; ");
        }
        if (gaps > 0) {
            note.append("interpolated ").append(gaps).append(" missing; ");
        }
        if (trailing > 0) {
            note.append("carried last value over ").append(trailing).append(" trailing missing; ");
        }
        if (!nonNegative) {
            note.append("negative values: additive models only; ");
        }
        return new Cleaned(y, observed, nonNegative, note.toString().trim(), first);
    }

    /** One series' forecast, without passing the interceptors. */
    Forecast compute(TimeSeries series, int horizon) {
        Objects.requireNonNull(series, "series == null");
        checkHorizon(horizon);
        long s = seriesSeed(series);
        if (method == Method.GENERATIVE) {
            return generative(series, horizon, futureDrivers(series, horizon), s);
        }
        Cleaned c = clean(series.values());
        try {
            return statistical(series.id(), c, series.frequency().seasonalPeriod(), horizon, s);
        } catch (RuntimeException e) {
            String note = (c.note() + " fit failed (" + e.getMessage() + "): naive fallback").trim();
            return fromModels(series.id(), c, List.of(SeasonalNaive.fit(c.y(), c.y().length, 1)), horizon, s, note);
        }
    }

    private static Map<String, double[]> futureDrivers(TimeSeries series, int horizon) {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        int n = series.length();
        series.covariates().forEach((k, v) -> {
            double[] f = new double[horizon];
            for (int i = 0; i < horizon; i++) {
                f[i] = n + i < v.length ? v[n + i] : v[v.length - 1];
            }
            out.put(k, f);
        });
        return out;
    }

    private Forecast statistical(String id, Cleaned c, int m, int h, long s) {
        double[] y = c.y();
        int n = y.length;
        if (n == 0) {
            return constant(id, c, 0, h, s, c.note());
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (max - min <= 1e-12 * Math.max(1, Math.abs(max))) {
            return constant(id, c, y[n - 1], h, s, (c.note() + (max == 0 ? " all-zero" : " constant")
                    + " series: constant forecast").trim());
        }
        if (n < 3) {
            return fromModels(id, c, List.of(SeasonalNaive.fit(y, n, 1)), h, s,
                    (c.note() + " fewer than 3 values: naive").trim());
        }
        Ets.Workspace ws = WORKSPACE.get();
        List<FittedModel> models = new ArrayList<>(5);
        switch (method) {
            case ETS -> models.add(orFallback(Ets.auto(y, n, m, ws), y, n, m));
            case THETA -> models.add(theta(y, n, m, ws));
            case DAMPED -> models.add(damped(y, n, m, ws));
            case SEASONAL_NAIVE -> models.add(SeasonalNaive.fit(y, n, m));
            default -> {
                models.add(orFallback(Ets.auto(y, n, m, ws), y, n, m));
                models.add(theta(y, n, m, ws));
                models.add(logDamped(y, n, m, ws));
                if (m <= SHORT_PERIOD_MAX) {
                    models.add(arima(y, n, m));
                    models.add(ses(y, n, m, ws));
                }
            }
        }
        String note = c.note();
        if (m > 1 && n < 2 * m) {
            note = (note + " shorter than two seasons: no seasonality").trim();
        }
        return fromModels(id, c, models, h, s, note);
    }

    private static FittedModel orFallback(FittedModel model, double[] y, int n, int m) {
        return model != null ? model : SeasonalNaive.fit(y, n, m);
    }

    private static FittedModel theta(double[] y, int n, int m, Ets.Workspace ws) {
        double[] idx = SeasonalAdjusted.indicesIfSeasonal(y, n, m);
        double[] a = idx == null ? y : SeasonalAdjusted.adjust(y, n, idx);
        FittedModel th = Theta.fit(a, n, ws.nm);
        return idx == null ? th : new SeasonalAdjusted(th, idx, n);
    }

    private static FittedModel damped(double[] y, int n, int m, Ets.Workspace ws) {
        double[] idx = SeasonalAdjusted.indicesIfSeasonal(y, n, m);
        double[] a = idx == null ? y : SeasonalAdjusted.adjust(y, n, idx);
        FittedModel d = Ets.fit(a, n, 1, false, Ets.Trend.AD, Ets.Season.N, ws);
        if (d == null) {
            d = Ets.fit(a, n, 1, false, Ets.Trend.N, Ets.Season.N, ws);
        }
        if (d == null) {
            return SeasonalNaive.fit(y, n, m);
        }
        return idx == null ? d : new SeasonalAdjusted(d, idx, n);
    }

    /** ETS(A,Ad,N) on the log of the seasonally adjusted data; additive damped trend when a value is not positive. */
    private static FittedModel logDamped(double[] y, int n, int m, Ets.Workspace ws) {
        double[] idx = SeasonalAdjusted.indicesIfSeasonal(y, n, m);
        double[] a = idx == null ? y : SeasonalAdjusted.adjust(y, n, idx);
        FittedModel d = LogTransformed.dampedOnLog(a, n, ws);
        if (d == null) {
            return damped(y, n, m, ws);
        }
        return idx == null ? d : new SeasonalAdjusted(d, idx, n);
    }

    /** Simple exponential smoothing, ETS(A,N,N), on the seasonally adjusted data. */
    private static FittedModel ses(double[] y, int n, int m, Ets.Workspace ws) {
        double[] idx = SeasonalAdjusted.indicesIfSeasonal(y, n, m);
        double[] a = idx == null ? y : SeasonalAdjusted.adjust(y, n, idx);
        FittedModel d = Ets.fit(a, n, 1, false, Ets.Trend.N, Ets.Season.N, ws);
        if (d == null) {
            return SeasonalNaive.fit(y, n, m);
        }
        return idx == null ? d : new SeasonalAdjusted(d, idx, n);
    }

    private static FittedModel arima(double[] y, int n, int m) {
        double[] idx = SeasonalAdjusted.indicesIfSeasonal(y, n, m);
        double[] a = idx == null ? y : SeasonalAdjusted.adjust(y, n, idx);
        FittedModel d = Arima.fit(a, n);
        if (d == null) {
            return SeasonalNaive.fit(y, n, m);
        }
        return idx == null ? d : new SeasonalAdjusted(d, idx, n);
    }

    private Forecast constant(String id, Cleaned c, double value, int h, long s, String note) {
        double[] d = new double[paths * h];
        java.util.Arrays.fill(d, value);
        double[] mean = new double[h];
        java.util.Arrays.fill(mean, value);
        double[] fitted = new double[c.dropped() + c.y().length];
        java.util.Arrays.fill(fitted, 0, c.dropped(), Double.NaN);
        java.util.Arrays.fill(fitted, c.dropped(), fitted.length, value);
        return new Forecast(id, "Constant", mean, new ScenarioSet("Constant", s, paths, h, d), note, fitted);
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
                java.util.Arrays.sort(col);
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

    private Forecast fromModels(String id, Cleaned c, List<FittedModel> models, int h, long s, String note) {
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
        java.util.Arrays.fill(fitted, 0, c.dropped(), Double.NaN);
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
