package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogTransformedTest {

    @Test
    void followsGrowthOnTheLogScaleAndKeepsPathsPositive() {
        int n = 40;
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 100 * Math.pow(1.05, t) * (1 + 0.01 * ((t * 7) % 3 - 1));
        }
        LogTransformed m = LogTransformed.dampedOnLog(y, n, new Ets.Workspace());
        assertThat(m).isNotNull();
        assertThat(m.name()).startsWith("log-ETS(A,");
        double[] f = new double[6];
        m.forecast(6, f);
        assertThat(f[0]).isBetween(y[n - 1] * 1.0, y[n - 1] * 1.1);
        assertThat(f[5]).isGreaterThan(f[0]);
        double[] paths = new double[200 * 6];
        SplittableRandom rng = new SplittableRandom(1);
        for (int p = 0; p < 200; p++) {
            m.simulate(6, rng, paths, p * 6, 1);
        }
        assertThat(java.util.Arrays.stream(paths).min().orElseThrow()).isPositive();
        assertThat(LogTransformed.dampedOnLog(new double[] {3, 0, 4, 5, 6, 7, 8}, 7, new Ets.Workspace())).isNull();
    }

    /** Monthly sales growing 1% a month with a season whose amplitude grows with the level, plus 2% noise. */
    static double[] multiplicativeSeason(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            double season = 1 + 0.4 * Math.sin(2 * Math.PI * t / 12);
            y[t] = 100 * Math.exp(0.01 * t) * season * Math.exp(0.02 * r.nextGaussian());
        }
        return y;
    }

    @Test
    void etsOnLogFitsAnAdditiveSeasonOnTheLogScaleAndForecastsTheGrowingSeason() {
        double[] all = multiplicativeSeason(132, 11);
        int n = 120;
        LogTransformed m = LogTransformed.etsOnLog(all, n, 12, new Ets.Workspace());
        assertThat(m).isNotNull();
        assertThat(m.name()).startsWith("log-ETS(A,").endsWith(",A)");
        double[] f = new double[12];
        m.forecast(12, f);
        double err = 0;
        for (int k = 0; k < 12; k++) {
            err += Math.abs(Math.log(f[k] / all[n + k]));
        }
        assertThat(err / 12).isLessThan(0.05);
        double[] withZero = all.clone();
        withZero[5] = 0;
        assertThat(LogTransformed.etsOnLog(withZero, n, 12, new Ets.Workspace())).isNull();
    }

    @Test
    void theMonthlyEnsembleHasTheLogScaleEtsMemberOnlyForPositiveSeries() {
        double[] y = multiplicativeSeason(96, 12);
        List<FittedModel> positive = Ensemble.members(Method.AUTO, PreparedSeries.of(y, 12));
        assertThat(positive).extracting(FittedModel::name).anyMatch(name -> name.startsWith("log-ETS("));
        assertThat(positive).hasSize(4);
        y[3] = 0;
        List<FittedModel> withZero = Ensemble.members(Method.AUTO, PreparedSeries.of(y, 12));
        assertThat(withZero).extracting(FittedModel::name).noneMatch(name -> name.startsWith("log-ETS("));
        List<FittedModel> quarterly = Ensemble.members(Method.AUTO, PreparedSeries.of(multiplicativeSeason(40, 13),
                4));
        assertThat(quarterly).extracting(FittedModel::name).noneMatch(name -> name.startsWith("log-ETS("));
    }
}
