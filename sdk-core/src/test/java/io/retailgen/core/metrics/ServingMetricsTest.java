package io.retailgen.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.core.intercept.Severity;
import io.retailgen.core.intercept.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServingMetricsTest {

    static GenerationRequest request(String text, String version, long elapsedNanos) {
        return GenerationRequest.builder().module("recommend").operation("recommend").text(text)
                .model("recs", version).attribute(GenerationRequest.ELAPSED_NANOS, Long.toString(elapsedNanos))
                .build();
    }

    @Test
    void timesCountsVerdictsAndErrorsTaggedByModuleAndModel() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ServingMetrics metrics = ServingMetrics.of(registry);
        InterceptorChain chain = InterceptorChain.of(metrics, c -> {
            if (c.request().text().contains("bad")) {
                return GenerationResponse.block(List.of(Finding.whole("no-bad", "test", Severity.HIGH, "bad")));
            }
            if (c.request().text().contains("boom")) {
                throw new IllegalStateException("boom");
            }
            return c.proceed(c.request());
        });
        for (int i = 0; i < 5; i++) {
            chain.execute(request("fine " + i, "1", 2_000_000), r -> GenerationResponse.allow(r.text()));
        }
        chain.execute(request("bad", "1", 0), r -> GenerationResponse.allow(r.text()));
        assertThatThrownBy(() -> chain.execute(request("boom", "1", 0), r -> GenerationResponse.allow(r.text())))
                .hasMessage("boom");

        Timer timer = registry.get(ServingMetrics.TIMER).tags("module", "recommend", "operation", "recommend",
                "model", "recs").timer();
        assertThat(timer.count()).isEqualTo(7);
        // the five allowed calls each spent 2 ms before reaching the chain
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(10);
        assertThat(Arrays.stream(timer.takeSnapshot().percentileValues()).map(ValueAtPercentile::percentile))
                .containsExactly(0.5, 0.95, 0.99);
        assertThat(registry.get(ServingMetrics.PERCENTILE).tags("quantile", "0.99").gauge().value())
                .isGreaterThan(0.001);
        assertThat(registry.get(ServingMetrics.VERDICTS).tags("verdict", "allow").counter().count()).isEqualTo(5);
        assertThat(registry.get(ServingMetrics.VERDICTS).tags("verdict", "block").counter().count()).isEqualTo(1);
        assertThat(registry.get(ServingMetrics.ERRORS).tags("exception", "IllegalStateException").counter().count())
                .isEqualTo(1);
    }

    @Test
    void theVersionGaugeFollowsAHotSwapAndCacheSizesAreRead() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ServingMetrics metrics = ServingMetrics.of(registry);
        InterceptorChain chain = InterceptorChain.of(metrics);
        chain.execute(request("a", "1", 0), r -> GenerationResponse.allow(r.text()));
        assertThat(registry.get(ServingMetrics.MODEL_VERSION).tags("version", "1").gauge().value()).isEqualTo(1);
        chain.execute(request("a", "2", 0), r -> GenerationResponse.allow(r.text()));
        assertThat(registry.get(ServingMetrics.MODEL_VERSION).tags("version", "1").gauge().value()).isZero();
        assertThat(registry.get(ServingMetrics.MODEL_VERSION).tags("version", "2").gauge().value()).isEqualTo(1);
        AtomicInteger size = new AtomicInteger(3);
        metrics.cacheSize("recommend", "sessions", size::get);
        size.set(41);
        assertThat(registry.get(ServingMetrics.CACHE_SIZE).tags("cache", "sessions").gauge().value()).isEqualTo(41);
        metrics.record("governance", "check", "default-policy", null, Verdict.REDACT, 1_000);
        assertThat(registry.get(ServingMetrics.VERDICTS).tags("module", "governance", "verdict", "redact").counter()
                .count()).isEqualTo(1);
    }

    @Test
    void repeatedCallsCountOnOneCounterPerTagSetConcurrently() throws InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ServingMetrics metrics = ServingMetrics.of(registry);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    metrics.record("governance", "check", "policy", null, i % 2 == 0 ? Verdict.ALLOW : Verdict.REDACT,
                            1_000);
                    metrics.error("governance", "check", null, new IllegalArgumentException("bad row"));
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(registry.find(ServingMetrics.VERDICTS).counters()).hasSize(2);
        assertThat(registry.get(ServingMetrics.VERDICTS).tag("verdict", "allow").counter().count()).isEqualTo(1000);
        assertThat(registry.get(ServingMetrics.VERDICTS).tag("verdict", "redact").counter().count()).isEqualTo(1000);
        assertThat(registry.get(ServingMetrics.ERRORS).tag("model", "unknown")
                .tag("exception", "IllegalArgumentException").counter().count()).isEqualTo(2000);
    }
}
