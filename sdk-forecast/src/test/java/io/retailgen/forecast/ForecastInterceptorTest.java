package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.Interceptor;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.core.intercept.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One request through the interceptors per public forecast call, and the executor option. */
class ForecastInterceptorTest {

    private static List<TimeSeries> batch(int count) {
        List<TimeSeries> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(TimeSeries.of("sku-" + i, Frequency.MONTHLY, ForecasterTest.seasonal(48, 12, 100 + 10 * i, 1,
                    0.2, 2, i)));
        }
        return out;
    }

    private static Interceptor recorder(List<GenerationRequest> into) {
        return chain -> {
            into.add(chain.request());
            return chain.proceed(chain.request());
        };
    }

    @Test
    void everyPublicCallPassesExactlyOneRequest() {
        List<GenerationRequest> seen = Collections.synchronizedList(new ArrayList<>());
        Forecaster f = Forecaster.builder().paths(100).interceptors(InterceptorChain.of(recorder(seen))).build();

        Forecast one = f.forecast(batch(1).get(0), 6);
        assertThat(seen).hasSize(1);
        GenerationRequest r = seen.get(0);
        assertThat(r.module()).isEqualTo("forecast");
        assertThat(r.operation()).isEqualTo("forecast");
        assertThat(r.modelName()).isEqualTo("forecast-auto");
        assertThat(r.modelVersion()).isEqualTo("statistical");
        assertThat(r.text()).startsWith("sku-0 " + one.model() + " h=6 total=").contains("p10..p90=");
        assertThat(r.attribute("series")).isEqualTo("1");
        assertThat(r.attribute("horizon")).isEqualTo("6");
        assertThat(r.attribute("paths")).isEqualTo("100");
        assertThat(r.attribute("method")).isEqualTo("auto");

        List<Forecast> all = f.forecastAll(batch(7), 4);
        assertThat(all).hasSize(7);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).operation()).isEqualTo("forecastAll");
        assertThat(seen.get(1).attribute("series")).isEqualTo("7");
        assertThat(seen.get(1).text().lines()).hasSize(7);

        HierarchicalData h = ReconcilerTest.synthetic(48, 3);
        List<Forecast> coherent = f.forecastHierarchy(h, 3, Reconciliation.BOTTOM_UP);
        assertThat(coherent).hasSize(h.hierarchy().size());
        assertThat(seen).hasSize(3);
        assertThat(seen.get(2).operation()).isEqualTo("forecastHierarchy");
        assertThat(seen.get(2).text()).contains("Total ", "north/s1 ");

        Evaluation.backtest(batch(1).get(0), 3, 2, 1, f);
        assertThat(seen).as("evaluation scores without passing the chain").hasSize(3);
    }

    @Test
    void aLongBatchIsSummarisedInBoundedText() {
        List<GenerationRequest> seen = new ArrayList<>();
        Forecaster f = Forecaster.builder().paths(20).interceptors(InterceptorChain.of(recorder(seen))).build();
        f.forecastAll(batch(ForecastAudit.SUMMARY_SERIES + 5), 2);
        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.text().lines()).hasSize(ForecastAudit.SUMMARY_SERIES + 1);
            assertThat(r.text()).endsWith("... and 5 more series");
        });
    }

    @Test
    void aBlockVerdictFailsTheCallNamingTheRule() {
        Interceptor block = chain -> GenerationResponse.block(List.of(new Finding(0, 1, "no-forecasts-on-sundays",
                "schedule", Severity.HIGH, "closed")));
        Forecaster f = Forecaster.builder().paths(50).interceptors(InterceptorChain.of(block)).build();
        assertThatThrownBy(() -> f.forecastAll(batch(2), 3)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("blocked forecastAll of 2 series").hasMessageContaining("no-forecasts-on-sundays");
        assertThatThrownBy(() -> f.forecast(batch(1).get(0), 3)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("no-forecasts-on-sundays");
    }

    @Test
    void forecastAllRunsOnTheGivenExecutorWithTheSameResultAsOnTheCallingThread() {
        AtomicInteger tasks = new AtomicInteger();
        Executor counting = command -> {
            tasks.incrementAndGet();
            new Thread(command).start();
        };
        List<TimeSeries> series = batch(6);
        List<Forecast> pooled = Forecaster.builder().paths(80).executor(counting).build().forecastAll(series, 5);
        List<Forecast> inline = Forecaster.builder().paths(80).executor(Runnable::run).build().forecastAll(series, 5);
        assertThat(tasks.get()).isEqualTo(6);
        for (int i = 0; i < series.size(); i++) {
            assertThat(pooled.get(i).seriesId()).isEqualTo(series.get(i).id());
            assertThat(pooled.get(i).mean()).containsExactly(inline.get(i).mean());
        }
        assertThatThrownBy(() -> Forecaster.builder().executor(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("executor");
    }

    @Test
    void theDefaultExecutorIsTheModulesOwnDaemonPoolNotTheCommonPool() throws Exception {
        String[] name = new String[1];
        boolean[] daemon = new boolean[1];
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Forecaster.defaultExecutor().execute(() -> {
            name[0] = Thread.currentThread().getName();
            daemon[0] = Thread.currentThread().isDaemon();
            done.countDown();
        });
        assertThat(done.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(name[0]).startsWith("retailgen-forecast-");
        assertThat(daemon[0]).isTrue();
        assertThat(Forecaster.defaultExecutor()).isNotSameAs(java.util.concurrent.ForkJoinPool.commonPool());
    }

    @Test
    void anErrorInOneSeriesSurfacesUnwrappedFromThePool() {
        GenerativeScenarioModel failing = new GenerativeScenarioModel() {
            @Override
            public ScenarioSet sample(TimeSeries history, int horizon, Map<String, double[]> drivers, int paths,
                    long seed) {
                if (history.id().equals("sku-2")) {
                    throw new IllegalStateException("cannot sample " + history.id());
                }
                return new ScenarioSet(name(), seed, new double[paths][horizon]);
            }

            @Override
            public String name() {
                return "test-model";
            }
        };
        Forecaster f = Forecaster.builder().method(Method.GENERATIVE).generativeModel(failing).paths(5).build();
        assertThatThrownBy(() -> f.forecastAll(batch(4), 2)).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("cannot sample sku-2");
        assertThatThrownBy(() -> f.forecastAll(batch(3), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizon must be >= 1");
    }
}
