package io.retailgen.forecast;

import java.util.List;
import java.util.Objects;

/**
 * Makes probabilistic forecasts: a point forecast and a {@link ScenarioSet} of future paths per series. Instances are
 * immutable after {@link Builder#build()} and safe for concurrent use; share one.
 *
 * <pre>{@code
 * Forecaster f = Forecaster.builder().method(Method.AUTO).paths(1000).seed(42).build();
 * Forecast fc = f.forecast(TimeSeries.of("sku-1", Frequency.MONTHLY, history), 12);
 * List<Forecast> all = f.forecastAll(manySeries, 12); // parallel across series
 * }</pre>
 *
 * <p>Data rules (also in {@code docs/forecast.md}): leading missing values are dropped, inner gaps are interpolated
 * linearly, trailing gaps carry the last value; a series without any value forecasts zeros; an all-zero or constant
 * series forecasts its constant with no spread; fewer than 3 values use the naive model; seasonality needs two full
 * seasons; zeros or negative values switch off multiplicative terms; a series without negative history never gets
 * negative scenarios. A series whose fit fails falls back to the naive model, so one bad series never fails a batch.
 */
public interface Forecaster {

    /**
     * @param series the history
     * @param horizon the number of steps to forecast, at least 1
     * @return the forecast
     */
    Forecast forecast(TimeSeries series, int horizon);

    /**
     * Forecasts many series in parallel (the common fork-join pool); the result is in input order and does not
     * depend on the thread count.
     *
     * @param series the histories
     * @param horizon the number of steps
     * @return one forecast per series
     */
    default List<Forecast> forecastAll(List<TimeSeries> series, int horizon) {
        Objects.requireNonNull(series, "series == null");
        return series.parallelStream().map(s -> forecast(s, horizon)).toList();
    }

    /** @return the method */
    Method method();

    /** @return a builder: {@link Method#AUTO}, 1,000 paths, seed 42 */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Forecaster}. Not thread-safe; the built forecaster is. */
    final class Builder {
        Method method = Method.AUTO;
        int paths = 1000;
        long seed = 42;
        GenerativeScenarioModel generative;

        Builder() {
        }

        /**
         * @param method the method
         * @return this
         */
        public Builder method(Method method) {
            this.method = Objects.requireNonNull(method, "method == null");
            return this;
        }

        /**
         * @param paths scenario paths per series, 1 to 1,000,000
         * @return this
         */
        public Builder paths(int paths) {
            if (paths < 1 || paths > 1_000_000) {
                throw new IllegalArgumentException("paths must be in [1, 1000000], got " + paths);
            }
            this.paths = paths;
            return this;
        }

        /**
         * @param seed the seed; each series derives its own stream from it and its id
         * @return this
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param model a trained generative scenario model, needed by {@link Method#GENERATIVE}
         * @return this
         */
        public Builder generativeModel(GenerativeScenarioModel model) {
            this.generative = Objects.requireNonNull(model, "model == null");
            return this;
        }

        /**
         * @return the forecaster
         * @throws IllegalStateException when {@link Method#GENERATIVE} is chosen without a generative model
         */
        public Forecaster build() {
            if (method == Method.GENERATIVE && generative == null) {
                throw new IllegalStateException("method GENERATIVE needs generativeModel(...); train one with "
                        + "GenerativeScenarioModel.train(...) or choose auto, ets, theta, damped or ensemble");
            }
            return new StatisticalForecaster(this);
        }
    }
}
