package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

    @Test
    void thetaOnTheLogScaleExtrapolatesAGrowthRateWhereThetaAddsAConstantStep() {
        // 8% growth a year: Theta's drift is an absolute step (half the slope of a straight line through an
        // exponential curve), log-Theta's a rate, so log-Theta's forecast keeps growing by about 4% a year (half the
        // log slope, as Theta halves the slope) and stays above Theta's far out
        int n = 20;
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 100 * Math.pow(1.08, t);
        }
        LogTransformed m = LogTransformed.thetaOnLog(y, n, new NelderMead(4));
        assertThat(m.name()).isEqualTo("log-Theta");
        double[] f = new double[6];
        m.forecast(6, f);
        assertThat(f[5] / f[4]).isCloseTo(Math.sqrt(1.08), within(0.01));
        assertThat(f[0]).isCloseTo(y[n - 1], within(0.1 * y[n - 1]));
        assertThat(LogTransformed.thetaOnLog(new double[] {3, -1, 4, 5}, 4, new NelderMead(4))).isNull();
    }

    @Test
    void yearlyAndMonthlyEnsemblesHoldTheLogThetaQuarterlyOnesDoNot() {
        double[] yearly = new double[30];
        double[] quarterly = new double[40];
        for (int t = 0; t < quarterly.length; t++) {
            double v = 100 * Math.pow(1.03, t) * (1 + 0.02 * ((t * 7) % 3 - 1));
            quarterly[t] = v * (t % 4 == 0 ? 1.3 : 0.9);
            if (t < yearly.length) {
                yearly[t] = v;
            }
        }
        assertThat(Ensemble.members(Method.AUTO, PreparedSeries.of(yearly, 1))).extracting(FittedModel::name)
                .contains("log-Theta");
        assertThat(Ensemble.members(Method.AUTO, PreparedSeries.of(quarterly, 4))).extracting(FittedModel::name)
                .noneMatch(name -> name.startsWith("log-Theta"));
        assertThat(Ensemble.members(Method.AUTO, PreparedSeries.of(multiplicativeSeason(72, 3), 12)))
                .extracting(FittedModel::name).contains("log-Theta+season");
        double[] withZero = yearly.clone();
        withZero[3] = 0;
        assertThat(Ensemble.members(Method.AUTO, PreparedSeries.of(withZero, 1))).extracting(FittedModel::name)
                .noneMatch(name -> name.startsWith("log-Theta"));
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
        assertThat(positive).hasSize(5);
        y[3] = 0;
        List<FittedModel> withZero = Ensemble.members(Method.AUTO, PreparedSeries.of(y, 12));
        assertThat(withZero).extracting(FittedModel::name).noneMatch(name -> name.startsWith("log-ETS("));
        List<FittedModel> quarterly = Ensemble.members(Method.AUTO, PreparedSeries.of(multiplicativeSeason(40, 13),
                4));
        assertThat(quarterly).extracting(FittedModel::name).noneMatch(name -> name.startsWith("log-ETS("));
    }
}
