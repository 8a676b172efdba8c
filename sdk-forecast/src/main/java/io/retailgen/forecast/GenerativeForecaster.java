package io.retailgen.forecast;

import io.retailgen.core.bundle.ModelHandle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link Forecaster} of {@link Method#GENERATIVE}: samples the generative scenario model (a fixed one, or the
 * current model of a {@link ModelHandle}) with the series' future drivers, and answers what-if questions with
 * changed drivers.
 */
final class GenerativeForecaster extends ForecasterBase {

    private final GenerativeScenarioModel generative;
    private final ModelHandle<DeepArModel> handle;

    GenerativeForecaster(Forecaster.Builder b) {
        super(b);
        this.generative = b.generative;
        this.handle = b.handle;
    }

    @Override
    public Forecast whatIf(TimeSeries series, int horizon, Map<String, double[]> futureDrivers) {
        Objects.requireNonNull(series, "series == null");
        Objects.requireNonNull(futureDrivers, "futureDrivers == null");
        checkHorizon(horizon);
        Map<String, double[]> drivers = new LinkedHashMap<>(futureDrivers(series, horizon));
        drivers.putAll(futureDrivers);
        Forecast f = sample(series, horizon, drivers, seriesSeed(series));
        audit("whatIf", List.of(f), horizon);
        return f;
    }

    @Override
    Forecast compute(TimeSeries series, int horizon) {
        Objects.requireNonNull(series, "series == null");
        checkHorizon(horizon);
        return sample(series, horizon, futureDrivers(series, horizon), seriesSeed(series));
    }

    /** Samples the generative model (the handle's current one, or the fixed one) with the given future drivers. */
    private Forecast sample(TimeSeries series, int horizon, Map<String, double[]> drivers, long s) {
        double[] none = new double[series.length()];
        Arrays.fill(none, Double.NaN);
        if (handle != null) {
            return handle.apply(m -> {
                ScenarioSet set = m.sample(series, horizon, drivers, paths, s);
                return new Forecast(series.id(), m.name(), set.mean(), set, "", none);
            });
        }
        ScenarioSet set = generative.sample(series, horizon, drivers, paths, s);
        return new Forecast(series.id(), generative.name(), set.mean(), set, "", none);
    }

    /** The drivers after the history: the values past the series' length, or the last value carried forward. */
    private static Map<String, double[]> futureDrivers(TimeSeries series, int horizon) {
        Map<String, double[]> out = new LinkedHashMap<>();
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

    @Override
    String modelName() {
        if (handle != null) {
            return handle.apply(DeepArModel::modelName);
        }
        return generative instanceof DeepArModel d ? d.modelName() : generative.name();
    }

    @Override
    String modelVersion() {
        if (handle != null) {
            return handle.version();
        }
        return generative instanceof DeepArModel d ? d.version() : "unversioned";
    }
}
