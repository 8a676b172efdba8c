package io.retailgen.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.Interceptor;
import io.retailgen.core.intercept.Verdict;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Serving metrics in Micrometer, recorded where every public generation call already passes: an {@link Interceptor}
 * for the chains of the recommender, the image generator and the forecaster, and {@link #record} for calls outside
 * a chain (a content policy's checks). Put it first in the chain so that it sees the final verdict.
 *
 * <ul>
 *   <li>{@value #TIMER}: a timer with a percentile histogram and the 0.5, 0.95 and 0.99 percentiles, tagged
 *       {@code module}, {@code operation} and {@code model}; it times the call from its start when the module passes
 *       {@link GenerationRequest#ELAPSED_NANOS} (the recommender does), otherwise the rest of the chain;</li>
 *   <li>{@value #PERCENTILE}: gauges of that timer's 0.5, 0.95 and 0.99 percentiles (tag {@code quantile}), for
 *       registries such as Prometheus's that export the histogram and leave client-side percentiles out;</li>
 *   <li>{@value #VERDICTS}: a counter per {@code module}, {@code operation}, {@code model} and {@code verdict};</li>
 *   <li>{@value #ERRORS}: a counter per {@code module}, {@code operation}, {@code model} and {@code exception}
 *       (the class of what the chain threw);</li>
 *   <li>{@value #MODEL_VERSION}: a gauge per {@code module}, {@code model} and {@code version}: 1 for the version
 *       served last, 0 for versions served before (after a hot swap);</li>
 *   <li>{@value #CACHE_SIZE}: a gauge per {@code module} and {@code cache} for each {@link #cacheSize} given.</li>
 * </ul>
 *
 * <pre>{@code
 * ServingMetrics metrics = ServingMetrics.of(prometheusRegistry);
 * Recommender recs = Recommender.builder().model(model)
 *         .interceptors(InterceptorChain.of(metrics, new PolicyInterceptor(policy))).build();
 * }</pre>
 *
 * <p>Micrometer is an optional dependency of the SDK: an application that never creates a {@code ServingMetrics}
 * needs no Micrometer on its class path and pays nothing. Thread-safe.
 */
public final class ServingMetrics implements Interceptor {

    /** The timer of generation calls. */
    public static final String TIMER = "retailgen.generation";
    /** The gauges of the timer's client-side percentiles (tag {@code quantile}: 0.5, 0.95, 0.99), in seconds. */
    public static final String PERCENTILE = "retailgen.generation.percentile";
    /** The counter of verdicts. */
    public static final String VERDICTS = "retailgen.verdicts";
    /** The counter of failed calls. */
    public static final String ERRORS = "retailgen.errors";
    /** The gauge of the served model version. */
    public static final String MODEL_VERSION = "retailgen.model.version";
    /** The gauge of cache sizes. */
    public static final String CACHE_SIZE = "retailgen.cache.size";

    private static final String UNKNOWN = "unknown";
    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, String> servedVersion = new ConcurrentHashMap<>();
    private final Map<String, Boolean> versionGauges = new ConcurrentHashMap<>();

    private ServingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param registry where the meters go, such as a {@code PrometheusMeterRegistry}
     * @return the metrics
     */
    public static ServingMetrics of(MeterRegistry registry) {
        return new ServingMetrics(Objects.requireNonNull(registry, "registry == null"));
    }

    @Override
    public GenerationResponse intercept(Chain chain) {
        GenerationRequest request = chain.request();
        long t0 = System.nanoTime();
        long before = elapsedBefore(request);
        GenerationResponse response;
        try {
            response = chain.proceed(request);
        } catch (RuntimeException | Error e) {
            long nanos = before + System.nanoTime() - t0;
            timer(request.module(), request.operation(), model(request)).record(nanos, TimeUnit.NANOSECONDS);
            error(request.module(), request.operation(), model(request), e);
            throw e;
        }
        record(request.module(), request.operation(), request.modelName(), request.modelVersion(),
                response.verdict(), before + System.nanoTime() - t0);
        return response;
    }

    /**
     * Records one call that did not pass a chain.
     *
     * @param module the module, such as {@code governance}
     * @param operation the call, such as {@code check}
     * @param model the model or policy name, or null
     * @param version its version, or null
     * @param verdict the verdict
     * @param nanos how long the call took
     */
    public void record(String module, String operation, String model, String version, Verdict verdict, long nanos) {
        String m = model == null ? UNKNOWN : model;
        timer(module, operation, m).record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        counter(VERDICTS, "Generation outputs by verdict", module, operation, m, "verdict",
                verdict.name().toLowerCase(java.util.Locale.ROOT)).increment();
        if (version != null) {
            served(module, m, version);
        }
    }

    /**
     * Counts one call that failed.
     *
     * @param module the module
     * @param operation the call
     * @param model the model name, or null
     * @param failure what it threw
     */
    public void error(String module, String operation, String model, Throwable failure) {
        counter(ERRORS, "Generation calls that threw", module, operation, model == null ? UNKNOWN : model,
                "exception", failure.getClass().getSimpleName()).increment();
    }

    /** The counter of these tags, registered on first use and kept, so that a call costs one map look-up. */
    private Counter counter(String name, String description, String module, String operation, String model,
            String tag, String value) {
        String key = name + '\u0000' + module + '\u0000' + operation + '\u0000' + model + '\u0000' + value;
        return counters.computeIfAbsent(key, k -> Counter.builder(name).description(description)
                .tag("module", module).tag("operation", operation).tag("model", model).tag(tag, value)
                .register(registry));
    }

    /**
     * Publishes a cache's size as a gauge.
     *
     * @param module the module that owns the cache
     * @param cache its name, such as {@code sessions}
     * @param size reads the current size (called on every scrape; keep it cheap)
     */
    public void cacheSize(String module, String cache, Supplier<? extends Number> size) {
        Objects.requireNonNull(size, "size == null");
        Gauge.builder(CACHE_SIZE, size, s -> s.get().doubleValue()).description("Entries in an SDK cache")
                .tag("module", module).tag("cache", cache).strongReference(true).register(registry);
    }

    private void served(String module, String model, String version) {
        String key = module + '\u0000' + model;
        servedVersion.put(key, version);
        if (versionGauges.putIfAbsent(key + '\u0000' + version, Boolean.TRUE) == null) {
            Gauge.builder(MODEL_VERSION, this, s -> version.equals(s.servedVersion.get(key)) ? 1 : 0)
                    .description("1 for the model version served last, 0 for earlier ones").tag("module", module)
                    .tag("model", model).tag("version", version).strongReference(true).register(registry);
        }
    }

    private Timer timer(String module, String operation, String model) {
        return timers.computeIfAbsent(module + '\u0000' + operation + '\u0000' + model, k -> {
            Timer t = Timer.builder(TIMER).description("Public generation calls of the SDK").tag("module", module)
                    .tag("operation", operation).tag("model", model).publishPercentiles(PERCENTILES)
                    .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000))
                    .maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
            // registries that export the histogram (Prometheus) leave the client-side percentiles out: gauges
            for (double p : PERCENTILES) {
                Gauge.builder(PERCENTILE, t, x -> percentile(x, p)).baseUnit("seconds")
                        .description("Client-side percentile of " + TIMER + " (decaying window)")
                        .tag("module", module).tag("operation", operation).tag("model", model)
                        .tag("quantile", Double.toString(p)).register(registry);
            }
            return t;
        });
    }

    private static double percentile(Timer t, double p) {
        for (ValueAtPercentile v : t.takeSnapshot().percentileValues()) {
            if (v.percentile() == p) {
                return v.value(TimeUnit.SECONDS);
            }
        }
        return Double.NaN;
    }

    private static String model(GenerationRequest r) {
        return r.modelName() == null ? UNKNOWN : r.modelName();
    }

    private static long elapsedBefore(GenerationRequest r) {
        String v = r.attribute(GenerationRequest.ELAPSED_NANOS);
        if (v == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(v));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return "ServingMetrics[" + registry.getClass().getSimpleName() + "]";
    }
}
