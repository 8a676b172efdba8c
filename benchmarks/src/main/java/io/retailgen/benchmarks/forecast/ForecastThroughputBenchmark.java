package io.retailgen.benchmarks.forecast;

import io.retailgen.forecast.Forecast;
import io.retailgen.forecast.Forecaster;
import io.retailgen.forecast.Frequency;
import io.retailgen.forecast.Method;
import io.retailgen.forecast.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fitting and forecasting throughput in series per second on M3-like series: a fixed mix of 64 synthetic yearly (30
 * values, horizon 6), quarterly (44, horizon 8) and monthly (126, horizon 18) series with trend, multiplicative
 * season and noise, in M3's proportions, each with 1,000 scenario paths, through {@link Forecaster#forecastAll}
 * (parallel across series on the forecaster's default executor, {@link Forecaster#defaultExecutor()}).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ForecastThroughputBenchmark -wi 2 -w 1 -i 3 -r 1 -f 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ForecastThroughputBenchmark {

    static final int SERIES = 64;

    /** The method: the default ensemble, or one of its members. */
    @Param({"auto", "ets", "theta"})
    public String method;

    /** Scenario paths per series. */
    @Param({"1000"})
    public int paths;

    private Forecaster forecaster;
    private final List<TimeSeries> yearly = new ArrayList<>();
    private final List<TimeSeries> quarterly = new ArrayList<>();
    private final List<TimeSeries> monthly = new ArrayList<>();

    /** Builds the series and the forecaster. */
    @Setup
    public void setup() {
        forecaster = Forecaster.builder().method(Method.parse(method)).paths(paths).seed(1).build();
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < SERIES; i++) {
            int kind = i % 14;
            if (kind < 3) {
                yearly.add(series("y" + i, Frequency.YEARLY, 30, 1, r));
            } else if (kind < 6) {
                quarterly.add(series("q" + i, Frequency.QUARTERLY, 44, 4, r));
            } else {
                monthly.add(series("m" + i, Frequency.MONTHLY, 126, 12, r));
            }
        }
    }

    static TimeSeries series(String id, Frequency f, int n, int m, SplittableRandom r) {
        double level = 1000 + 9000 * r.nextDouble();
        double growth = 0.02 * r.nextGaussian();
        double amp = m > 1 ? 0.2 * r.nextDouble() : 0;
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            level *= 1 + growth + 0.03 * r.nextGaussian();
            y[t] = Math.max(1, level * (1 + amp * Math.sin(2 * Math.PI * t / Math.max(1, m))));
        }
        return TimeSeries.of(id, f, y);
    }

    /** @return the forecasts, so that the work is not eliminated */
    @Benchmark
    @OperationsPerInvocation(SERIES)
    public int fitAndForecast() {
        List<Forecast> a = forecaster.forecastAll(yearly, 6);
        List<Forecast> b = forecaster.forecastAll(quarterly, 8);
        List<Forecast> c = forecaster.forecastAll(monthly, 18);
        return a.size() + b.size() + c.size() + (int) a.get(0).mean()[0];
    }
}
