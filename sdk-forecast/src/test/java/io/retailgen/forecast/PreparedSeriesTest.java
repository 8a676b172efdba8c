package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreparedSeriesTest {

    private static double[] seasonal(int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = (100 + t) * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12));
        }
        return y;
    }

    @Test
    void aSeasonalSeriesIsAdjustedOnceAndEveryAdjustedMemberSharesTheIndices() {
        PreparedSeries p = PreparedSeries.of(seasonal(96), 12);
        assertThat(p.seasonal()).isTrue();
        double[] a = p.adjusted();
        // the adjusted history keeps the trend without the yearly swing
        for (int t = 12; t < 96; t++) {
            assertThat(a[t] / (100 + t)).isCloseTo(a[12] / 112, within(0.02));
        }
        assertThat(p.adjusted()).isSameAs(a);
        assertThat(p.seasonalNaive()).isSameAs(p.seasonalNaive());
        List<FittedModel> members = Ensemble.members(Method.AUTO, p);
        // ETS and ETS on the log scale model the season themselves; Theta, log-Theta and log-damped share the indices
        assertThat(members).hasSize(5);
        assertThat(members.get(1)).isInstanceOf(LogTransformed.class);
        assertThat(members.subList(2, 5)).allSatisfy(m -> assertThat(m).isInstanceOf(SeasonalAdjusted.class));
    }

    @Test
    void seasonalIndicesFollowTheRecentSeasonsOfALongHistory() {
        // 30 years of a flat level whose yearly peak moved from December to June after 20 years
        int years = 30;
        double[] y = new double[12 * years];
        for (int t = 0; t < y.length; t++) {
            int peak = t < 12 * 20 ? 11 : 5;
            y[t] = 100 * (t % 12 == peak ? 1.5 : 1.0) * (1 + 0.01 * Math.sin(t));
        }
        PreparedSeries p = PreparedSeries.of(y, 12);
        assertThat(p.seasonal()).isTrue();
        double[] a = p.adjusted();
        // the last years carry no seasonal swing after adjustment: the indices come from the recent seasons
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int t = y.length - 12 * (PreparedSeries.INDEX_SEASONS - 2); t < y.length; t++) {
            double level = a[t] / (1 + 0.01 * Math.sin(t));
            lo = Math.min(lo, level);
            hi = Math.max(hi, level);
        }
        assertThat((hi - lo) / hi).as("relative range of the adjusted level in the last years").isLessThan(0.02);
        // a history of no more than INDEX_SEASONS seasons uses all of it
        double[] shortY = seasonal(12 * PreparedSeries.INDEX_SEASONS);
        double[] all = new double[12];
        Decomposition.seasonalIndices(shortY, shortY.length, 12, true, all);
        double[] adjusted = PreparedSeries.of(shortY, 12).adjusted();
        for (int t = 0; t < shortY.length; t++) {
            assertThat(adjusted[t]).isCloseTo(shortY[t] / all[t % 12], within(1e-9));
        }
    }

    @Test
    void scaleIsTheMeanAbsoluteSeasonalDifference() {
        double[] y = seasonal(48);
        PreparedSeries p = PreparedSeries.of(y, 12);
        assertThat(p.naiveScale()).isCloseTo(Metrics.naiveScale(y, 12), within(1e-9));
        assertThat(PreparedSeries.of(new double[] {5, 5, 5, 5}, 1).constant()).isTrue();
        assertThat(PreparedSeries.of(new double[] {5, 5, 5, 5}, 1).naiveScale()).isZero();
    }

    @Test
    void aNonSeasonalSeriesIsItsOwnAdjustedHistory() {
        double[] y = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3};
        PreparedSeries p = PreparedSeries.of(y, 1);
        assertThat(p.seasonal()).isFalse();
        assertThat(p.adjusted()).containsExactly(y);
        assertThat(p.reseasonalise(p.seasonalNaive())).isSameAs(p.seasonalNaive());
    }

    @Test
    void cleaningInterpolatesGapsAndNotesTooShortSeasons() {
        PreparedSeries p = PreparedSeries.of(new double[] {Double.NaN, 1, Double.NaN, 3, 4, Double.NaN}, 12);
        assertThat(p.y()).containsExactly(1, 2, 3, 4, 4);
        assertThat(p.note()).contains("dropped 1 leading", "interpolated 1", "carried last value",
                "shorter than two seasons");
    }

    @Test
    void theStatisticalForecasterNeverSamplesTheGenerativeModel() {
        GenerativeScenarioModel never = new GenerativeScenarioModel() {
            @Override
            public String name() {
                return "never";
            }

            @Override
            public ScenarioSet sample(TimeSeries series, int horizon, Map<String, double[]> futureDrivers,
                    int paths, long seed) {
                throw new AssertionError("the statistical forecaster sampled the generative model");
            }
        };
        Forecaster statistical = Forecaster.builder().generativeModel(never).paths(10).build();
        assertThat(statistical).isInstanceOf(StatisticalForecaster.class);
        assertThat(((ForecasterBase) statistical).modelName()).isEqualTo("forecast-auto");
        TimeSeries s = TimeSeries.of("s", Frequency.MONTHLY, seasonal(48));
        assertThat(statistical.forecast(s, 6).model()).startsWith("ensemble[");
        Forecaster generative = Forecaster.builder().method(Method.GENERATIVE).generativeModel(never).build();
        assertThat(generative).isInstanceOf(GenerativeForecaster.class);
    }
}
