package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForecasterTest {

    private static final Forecaster AUTO = Forecaster.builder().paths(400).seed(1).build();

    static double[] seasonal(int n, int m, double level, double slope, double amp, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = (level + slope * t) * (1 + amp * Math.sin(2 * Math.PI * t / m)) + noise * r.nextGaussian();
        }
        return y;
    }

    @Test
    void etsFollowsALinearTrendAndThetaToo() {
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 3 * t + Math.sin(t);
        }
        for (Method m : List.of(Method.ETS, Method.THETA, Method.DAMPED, Method.AUTO)) {
            Forecast f = Forecaster.builder().method(m).paths(200).build()
                    .forecast(TimeSeries.of("trend", Frequency.YEARLY, y), 5);
            assertThat(f.mean()[0]).as(m + " " + f.model()).isCloseTo(100 + 3 * 40, within(6.0));
            assertThat(f.mean()[4]).as(m.name()).isGreaterThan(f.mean()[0]);
        }
    }

    @Test
    void seasonalSeriesGetsSeasonalForecastsAndBeatsNaive() {
        double[] all = seasonal(120, 12, 200, 0.5, 0.3, 2, 3);
        double[] train = java.util.Arrays.copyOf(all, 96);
        double[] test = java.util.Arrays.copyOfRange(all, 96, 120);
        TimeSeries s = TimeSeries.of("s", Frequency.MONTHLY, train);
        Forecast ets = Forecaster.builder().method(Method.ETS).paths(200).build().forecast(s, 24);
        assertThat(ets.model()).doesNotEndWith(",N)");
        Forecast naive = Forecaster.builder().method(Method.SEASONAL_NAIVE).paths(200).build().forecast(s, 24);
        Forecast auto = AUTO.forecast(s, 24);
        assertThat(Metrics.smape(test, auto.mean())).isLessThan(Metrics.smape(test, naive.mean()));
        assertThat(Metrics.smape(test, ets.mean())).isLessThan(3);
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeason() {
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8};
        Forecast f = Forecaster.builder().method(Method.SEASONAL_NAIVE).paths(10).build()
                .forecast(TimeSeries.of("q", Frequency.QUARTERLY, y), 6);
        assertThat(f.mean()).containsExactly(5, 6, 7, 8, 5, 6);
    }

    @Test
    void badSeriesGetDocumentedBehaviour() {
        Forecast zero = AUTO.forecast(TimeSeries.of("z", Frequency.MONTHLY, new double[30]), 4);
        assertThat(zero.mean()).containsOnly(0.0);
        assertThat(zero.scenarios().interval(0.95).upper()).containsOnly(0.0);
        assertThat(zero.note()).contains("all-zero");

        double[] c = new double[30];
        java.util.Arrays.fill(c, 7.5);
        Forecast constant = AUTO.forecast(TimeSeries.of("c", Frequency.MONTHLY, c), 3);
        assertThat(constant.mean()).containsOnly(7.5);
        assertThat(constant.note()).contains("constant");

        Forecast shortOne = AUTO.forecast(TimeSeries.of("short", Frequency.MONTHLY, 4, 6), 3);
        assertThat(shortOne.mean()).containsOnly(6.0);
        assertThat(shortOne.note()).contains("fewer than 3");

        Forecast noSeason = AUTO.forecast(TimeSeries.of("young", Frequency.MONTHLY, 5, 6, 7, 6, 8, 9, 8, 10), 3);
        assertThat(noSeason.note()).contains("two seasons");

        double[] gaps = seasonal(60, 12, 50, 0.2, 0.2, 1, 5);
        gaps[0] = Double.NaN;
        gaps[10] = Double.NaN;
        gaps[11] = Double.NaN;
        gaps[59] = Double.NaN;
        Forecast gapped = AUTO.forecast(TimeSeries.of("g", Frequency.MONTHLY, gaps), 6);
        assertThat(gapped.note()).contains("leading").contains("interpolated 2").contains("trailing");
        assertThat(java.util.Arrays.stream(gapped.mean()).boxed().toList())
                .allSatisfy(v -> assertThat(v).isBetween(30.0, 80.0));
        assertThat(gapped.fitted()).hasSize(60);

        double[] neg = seasonal(40, 4, 0, 0, 0, 5, 6);
        Forecast negative = AUTO.forecast(TimeSeries.of("n", Frequency.QUARTERLY, neg), 4);
        assertThat(negative.note()).contains("negative");
        assertThat(negative.model()).doesNotContain("(M");
        assertThat(negative.scenarios().quantile(0.01)[0]).isLessThan(0);

        Forecast empty = AUTO.forecast(TimeSeries.of("e", Frequency.MONTHLY, Double.NaN, Double.NaN), 2);
        assertThat(empty.mean()).containsOnly(0.0);
    }

    @Test
    void nonNegativeHistoryNeverGivesNegativeScenarios() {
        double[] y = {0, 1, 0, 0, 2, 0, 1, 0, 0, 3, 0, 0, 1, 0, 2, 0};
        Forecast f = AUTO.forecast(TimeSeries.of("intermittent", Frequency.OTHER, y), 6);
        assertThat(java.util.Arrays.stream(f.scenarios().quantile(0.0)).min().orElseThrow())
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void oneBadSeriesNeverFailsTheBatchAndResultsAreReproducible() {
        List<TimeSeries> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batch.add(TimeSeries.of("s" + i, Frequency.QUARTERLY, seasonal(30, 4, 100 + i, 1, 0.1, 3, i)));
        }
        batch.add(TimeSeries.of("nan", Frequency.QUARTERLY, Double.NaN));
        batch.add(TimeSeries.of("huge", Frequency.QUARTERLY, 1e300, -1e300, 1e300, 1e-300, 5));
        List<Forecast> a = AUTO.forecastAll(batch, 8);
        List<Forecast> b = AUTO.forecastAll(batch, 8);
        assertThat(a).hasSize(batch.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).seriesId()).isEqualTo(batch.get(i).id());
            assertThat(a.get(i).mean()).containsExactly(b.get(i).mean());
            assertThat(a.get(i).scenarios().path(3)).containsExactly(b.get(i).scenarios().path(3));
        }
    }

    @Test
    void intervalsOfASimulatedRandomWalkCoverAboutTheirLevel() {
        int inside = 0;
        int total = 0;
        for (int r = 0; r < 60; r++) {
            SplittableRandom rng = new SplittableRandom(100 + r);
            double[] y = new double[70];
            y[0] = 100;
            for (int t = 1; t < y.length; t++) {
                y[t] = y[t - 1] + 2 * rng.nextGaussian();
            }
            double[] train = java.util.Arrays.copyOf(y, 60);
            double[] test = java.util.Arrays.copyOfRange(y, 60, 70);
            Forecast f = Forecaster.builder().method(Method.ETS).paths(500).build()
                    .forecast(TimeSeries.of("rw" + r, Frequency.OTHER, train), 10);
            inside += (int) Math.round(Metrics.coverage(test, f.scenarios().interval(0.8)) * 10);
            total += 10;
        }
        assertThat((double) inside / total).isBetween(0.65, 0.95);
    }

    @Test
    void builderValidates() {
        assertThatThrownBy(() -> Forecaster.builder().paths(0)).hasMessageContaining("paths");
        assertThatThrownBy(() -> Forecaster.builder().method(Method.GENERATIVE).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("generativeModel");
        assertThatThrownBy(() -> AUTO.forecast(TimeSeries.of("x", Frequency.YEARLY, 1, 2, 3), 0))
                .hasMessageContaining("horizon");
        assertThat(Method.parse("seasonal-naive")).isEqualTo(Method.SEASONAL_NAIVE);
        assertThatThrownBy(() -> Method.parse("arima")).hasMessageContaining("ets");
    }
}
