package io.retailgen.forecast;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What every {@link Forecaster} shares: the builder's settings, the fan-out over the executor and one pass through
 * the interceptors per public call. Subclasses compute one series' forecast.
 */
abstract sealed class ForecasterBase implements Forecaster permits StatisticalForecaster, GenerativeForecaster {

    final Method method;
    final int paths;
    final long seed;
    private final Executor executor;
    private final ForecastAudit audit;

    ForecasterBase(Forecaster.Builder b) {
        this.method = b.method;
        this.paths = b.paths;
        this.seed = b.seed;
        this.executor = b.executor != null ? b.executor : ForecastExecutor.shared();
        this.audit = new ForecastAudit(b.interceptors, this);
    }

    /** One series' forecast, without passing the interceptors. */
    abstract Forecast compute(TimeSeries series, int horizon);

    /** The name of the model behind the forecasts, for the interceptors. */
    abstract String modelName();

    /** The version of the model behind the forecasts, for the interceptors. */
    abstract String modelVersion();

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
        List<Forecast> coherent = Reconciler.reconcile(data, computeAll(data.series(), horizon), how, this);
        audit.pass("forecastHierarchy", coherent, horizon);
        return coherent;
    }

    /** Passes a call's forecasts through the interceptors. */
    final void audit(String operation, List<Forecast> forecasts, int horizon) {
        audit.pass(operation, forecasts, horizon);
    }

    /** Every series' forecast, on the executor, without passing the interceptors. */
    final List<Forecast> computeAll(List<TimeSeries> series, int horizon) {
        Objects.requireNonNull(series, "series == null");
        checkHorizon(horizon);
        return ForecastExecutor.map(executor, series, s -> compute(s, horizon));
    }

    final Executor executor() {
        return executor;
    }

    final int paths() {
        return paths;
    }

    /** A seed of its own for every series, so that one series' paths do not depend on the others. */
    final long seriesSeed(TimeSeries series) {
        return seed ^ (series.id().hashCode() * 0x9E3779B97F4A7C15L);
    }

    static void checkHorizon(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
    }

    @Override
    public final Method method() {
        return method;
    }

    final String methodName() {
        return method.name().toLowerCase(Locale.ROOT);
    }
}
