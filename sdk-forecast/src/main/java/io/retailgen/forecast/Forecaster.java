package io.retailgen.forecast;

import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelHandle;
import io.retailgen.core.intercept.InterceptorChain;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Makes probabilistic forecasts: a point forecast and a {@link ScenarioSet} of future paths per series. Instances are
 * immutable after {@link Builder#build()} and safe for concurrent use; share one.
 *
 * <pre>{@code
 * Forecaster f = Forecaster.builder().method(Method.AUTO).paths(1000).seed(42)
 *         .executor(myPool)                       // forecastAll and forecastHierarchy fan out here
 *         .interceptors(InterceptorChain.of(audit))
 *         .build();
 * Forecast fc = f.forecast(TimeSeries.of("sku-1", Frequency.MONTHLY, history), 12);
 * List<Forecast> all = f.forecastAll(manySeries, 12);
 * List<Forecast> coherent = f.forecastHierarchy(data, 12, Reconciliation.MINT_SHRINK);
 * }</pre>
 *
 * <p>Data rules (also in {@code docs/forecast.md}): leading missing values are dropped, inner gaps are interpolated
 * linearly, trailing gaps carry the last value; a series without any value forecasts zeros; an all-zero or constant
 * series forecasts its constant with no spread; fewer than 3 values use the naive model; seasonality needs two full
 * seasons; zeros or negative values switch off multiplicative terms; a series without negative history never gets
 * negative scenarios. A series whose fit fails falls back to the naive model, so one bad series never fails a batch.
 *
 * <p>Interceptors: each of {@link #forecast}, {@link #whatIf}, {@link #forecastAll} and {@link #forecastHierarchy}
 * passes exactly one {@link io.retailgen.core.intercept.GenerationRequest} through the chain after the forecasts are
 * made: module
 * {@code "forecast"}, operation the method's name, text a compact summary (per series: id, model, horizon, the total
 * of the mean over the horizon and its 80% interval from the paths), attributes {@code series}, {@code horizon},
 * {@code paths} and {@code method}, and the model name and version. A {@code BLOCK} verdict makes the call throw a
 * {@link RetailGenException} naming the rules; other verdicts return the forecasts unchanged (they hold numbers, not
 * text to rewrite). {@link Evaluation} scores through the same forecaster without passing the chain.
 */
public sealed interface Forecaster permits ForecasterBase {

    /** The {@link io.retailgen.core.intercept.GenerationRequest#module()} of every forecast request. */
    String MODULE = "forecast";

    /**
     * @param series the history
     * @param horizon the number of steps to forecast, at least 1
     * @return the forecast
     * @throws RetailGenException when an interceptor blocks it
     */
    Forecast forecast(TimeSeries series, int horizon);

    /**
     * A what-if forecast of the generative model: the paths under the given future drivers (such as a discount
     * depth for each future step), with the same seed as {@link #forecast}, so the difference to the plain forecast
     * is the drivers' effect and not sampling noise. Drivers not given come from the series' covariates as in
     * {@link #forecast}.
     *
     * <pre>{@code
     * Forecast promo = forecaster.whatIf(sku, 8, Map.of("discount", new double[] {.2, .2, .2, .2, 0, 0, 0, 0}));
     * }</pre>
     *
     * @param series the history
     * @param horizon the number of steps, at least 1
     * @param futureDrivers driver values for the {@code horizon} future steps, by name
     * @return the forecast under those drivers
     * @throws IllegalStateException when the method is not {@link Method#GENERATIVE}
     * @throws IllegalArgumentException when a driver is unknown to the model or has fewer than {@code horizon}
     *     values
     * @throws RetailGenException when an interceptor blocks it
     */
    Forecast whatIf(TimeSeries series, int horizon, java.util.Map<String, double[]> futureDrivers);

    /**
     * Forecasts many series in parallel on the {@link Builder#executor executor}; the result is in input order and
     * does not depend on the executor or its thread count.
     *
     * @param series the histories
     * @param horizon the number of steps
     * @return one forecast per series
     * @throws RetailGenException when an interceptor blocks them
     */
    List<Forecast> forecastAll(List<TimeSeries> series, int horizon);

    /**
     * Forecasts every node of a hierarchy (in parallel, as {@link #forecastAll}) and reconciles them with
     * {@link Reconciler#reconcile}, so that each node's mean and every path equal the sums of its children's. For
     * {@link Reconciliation#MINT_BOTTOM_UP_VALIDATED} every node is also forecast from the history without its last
     * {@code horizon} periods, to choose the blend on them (twice the work); for
     * {@link Reconciliation#LOG_AGGREGATES_WLS_BOTTOM_UP} also from the history without its last {@code 2 * horizon}
     * periods, and the aggregate nodes once more on the log scale for each of the three (about three times the work).
     *
     * @param data every node of the hierarchy
     * @param horizon the number of steps
     * @param how the reconciliation
     * @return one reconciled forecast per node, in {@link Hierarchy#ids()} order
     * @throws RetailGenException when an interceptor blocks them
     */
    List<Forecast> forecastHierarchy(HierarchicalData data, int horizon, Reconciliation how);

    /** @return the method */
    Method method();

    /**
     * @return a builder: {@link Method#AUTO}, 1,000 paths, seed 42, the shared forecast executor,
     *     {@link InterceptorChain#empty()}
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * The executor a forecaster uses when none is given: a shared pool of daemon threads named
     * {@code retailgen-forecast-N}, one per available processor, created on first use (never the common fork-join
     * pool).
     *
     * @return the shared executor
     */
    static Executor defaultExecutor() {
        return ForecastExecutor.shared();
    }

    /** Builds a {@link Forecaster}. Not thread-safe; the built forecaster is. */
    final class Builder {
        Method method = Method.AUTO;
        int paths = 1000;
        long seed = 42;
        GenerativeScenarioModel generative;
        ModelHandle<DeepArModel> handle;
        Executor executor;
        InterceptorChain interceptors = InterceptorChain.empty();

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
         * @param model a generative scenario model, needed by {@link Method#GENERATIVE} (replaces a
         *     {@link #model(ModelHandle)})
         * @return this
         */
        public Builder generativeModel(GenerativeScenarioModel model) {
            this.generative = Objects.requireNonNull(model, "model == null");
            this.handle = null;
            return this;
        }

        /**
         * @param model a handle on a {@link DeepArModel} for {@link Method#GENERATIVE}: every forecast samples the
         *     handle's current model, so {@link ModelHandle#swap} and {@link ModelHandle#refresh} take effect on the
         *     next call (replaces a {@link #generativeModel})
         * @return this
         */
        public Builder model(ModelHandle<DeepArModel> model) {
            this.handle = Objects.requireNonNull(model, "model == null");
            this.generative = null;
            return this;
        }

        /**
         * @param pool runs the per-series work of {@link #forecastAll} and {@link #forecastHierarchy} (default:
         *     {@link Forecaster#defaultExecutor()}); {@code Runnable::run} forecasts on the calling thread
         * @return this
         */
        public Builder executor(Executor pool) {
            this.executor = Objects.requireNonNull(pool, "executor == null");
            return this;
        }

        /**
         * @param chain the interceptors every public forecast call passes (default {@link InterceptorChain#empty()})
         * @return this
         */
        public Builder interceptors(InterceptorChain chain) {
            this.interceptors = Objects.requireNonNull(chain, "interceptors == null");
            return this;
        }

        /**
         * @return the forecaster
         * @throws IllegalStateException when {@link Method#GENERATIVE} is chosen without a generative model
         */
        public Forecaster build() {
            if (method == Method.GENERATIVE && generative == null && handle == null) {
                throw new IllegalStateException("method GENERATIVE needs model(...) or generativeModel(...); train one "
                        + "with DeepArTrainer.builder()...build().train(...) or choose auto, ets, theta, damped or "
                        + "ensemble");
            }
            return method == Method.GENERATIVE ? new GenerativeForecaster(this) : new StatisticalForecaster(this);
        }
    }
}
