package io.retailgen.forecast;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link Forecaster} of the statistical methods: each series is prepared once ({@link PreparedSeries}), the
 * method's models are fitted to it and combined ({@link Ensemble}); short, constant and empty series get simple
 * fallbacks, and a failed fit falls back to the naive forecast with a note.
 */
final class StatisticalForecaster extends ForecasterBase {

    StatisticalForecaster(Forecaster.Builder b) {
        super(b);
    }

    @Override
    public Forecast whatIf(TimeSeries series, int horizon, Map<String, double[]> futureDrivers) {
        Objects.requireNonNull(series, "series == null");
        Objects.requireNonNull(futureDrivers, "futureDrivers == null");
        checkHorizon(horizon);
        throw new IllegalStateException("whatIf needs Method.GENERATIVE and a generative model; method "
                + methodName() + " ignores drivers");
    }

    @Override
    String modelName() {
        return "forecast-" + methodName();
    }

    @Override
    String modelVersion() {
        return "statistical";
    }

    @Override
    Forecast compute(TimeSeries series, int horizon) {
        Objects.requireNonNull(series, "series == null");
        checkHorizon(horizon);
        long s = seriesSeed(series);
        PreparedSeries.Cleaned c = PreparedSeries.clean(series.values());
        try {
            return statistical(series.id(), PreparedSeries.of(c, series.frequency().seasonalPeriod()), horizon, s);
        } catch (RuntimeException e) {
            String note = (c.note() + " fit failed (" + e.getMessage() + "): naive fallback").trim();
            return Ensemble.forecast(series.id(), c, List.of(SeasonalNaive.fit(c.y(), c.y().length, 1)), horizon,
                    paths, s, note);
        }
    }

    private Forecast statistical(String id, PreparedSeries p, int h, long s) {
        PreparedSeries.Cleaned c = p.cleaned();
        double[] y = p.y();
        int n = p.n();
        if (n == 0) {
            return Ensemble.constant(id, c, 0, h, paths, s, c.note());
        }
        if (p.constant()) {
            return Ensemble.constant(id, c, y[n - 1], h, paths, s, (c.note() + (p.max() == 0 ? " all-zero"
                    : " constant") + " series: constant forecast").trim());
        }
        if (n < 3) {
            return Ensemble.forecast(id, c, List.of(SeasonalNaive.fit(y, n, 1)), h, paths, s,
                    (c.note() + " fewer than 3 values: naive").trim());
        }
        boolean combined = method == Method.AUTO || method == Method.ENSEMBLE;
        Ensemble.Validation validation = combined ? Ensemble.validate(method, p, h, s) : null;
        return Ensemble.forecast(id, c, Ensemble.members(method, p), validation, h, paths, s, p.note());
    }
}
