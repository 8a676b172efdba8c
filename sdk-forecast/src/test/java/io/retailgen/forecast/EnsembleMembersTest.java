package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EnsembleMembersTest {

    private static double[] trend(int n, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 50 + 2 * t + noise * r.nextGaussian();
        }
        return y;
    }

    @Test
    void dynamicThetaFollowsALinearTrend() {
        double[] y = trend(40, 0.5, 3);
        DynamicTheta d = DynamicTheta.fit(y, y.length, new NelderMead(4));
        assertThat(d).isNotNull();
        double[] f = new double[6];
        d.forecast(6, f);
        assertThat(f[5]).isCloseTo(50 + 2 * 45, within(4.0));
        assertThat(f[5] - f[0]).isCloseTo(10, within(2.5));
    }

    @Test
    void dynamicThetaRegressionMatchesLeastSquaresOnAnExactLine() {
        // with theta = 1 the forecast is simple exponential smoothing; on an exact line the dynamic regression's
        // slope is the line's slope, so a large theta extrapolates it
        double[] y = new double[30];
        for (int t = 0; t < y.length; t++) {
            y[t] = 7 + 3 * (t + 1);
        }
        DynamicTheta d = DynamicTheta.fit(y, y.length, new NelderMead(4));
        double[] f = new double[3];
        d.forecast(3, f);
        assertThat(f[1] - f[0]).isCloseTo(3, within(0.5));
    }

    @Test
    void complexSmoothingIsStableAndTracksALevel() {
        assertThat(ComplexSmoothing.stable(1.3, 1.0)).isTrue();
        assertThat(ComplexSmoothing.stable(3.0, 0.0)).isFalse();
        SplittableRandom r = new SplittableRandom(5);
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 3 * r.nextGaussian();
        }
        ComplexSmoothing c = ComplexSmoothing.fit(y, y.length, new NelderMead(4));
        assertThat(c).isNotNull();
        double[] f = new double[12];
        c.forecast(12, f);
        assertThat(f[0]).isCloseTo(100, within(5.0));
        assertThat(f[11]).isCloseTo(100, within(10.0));
    }

    @Test
    void complexSmoothingFollowsATrend() {
        double[] y = trend(50, 0.5, 9);
        ComplexSmoothing c = ComplexSmoothing.fit(y, y.length, new NelderMead(4));
        double[] f = new double[4];
        c.forecast(4, f);
        assertThat(f[0]).isCloseTo(50 + 2 * 50, within(5.0));
        assertThat(f[3]).isGreaterThan(f[0]);
    }

    @Test
    void intermittentSeriesGetCrostonTsbAndAdida() {
        double[] y = {0, 0, 4, 0, 0, 0, 6, 0, 0, 5, 0, 0, 0, 4, 0, 0, 6, 0, 0, 0, 5, 0, 0, 4};
        assertThat(IntermittentDemand.isIntermittent(y, y.length)).isTrue();
        assertThat(IntermittentDemand.isIntermittent(trend(20, 1, 1), 20)).isFalse();
        PreparedSeries p = PreparedSeries.of(y, 12);
        List<FittedModel> members = Ensemble.members(Method.AUTO, p);
        assertThat(members).extracting(FittedModel::name).containsExactly("Croston-SBA", "TSB", "ADIDA");
        double[] f = new double[1];
        for (FittedModel m : members) {
            m.forecast(1, f);
            // the mean demand per period is 39 / 24 = 1.6
            assertThat(f[0]).as(m.name()).isCloseTo(1.6, within(0.5));
        }
        Forecast fc = Forecaster.builder().paths(200).build().forecast(TimeSeries.of("i", Frequency.MONTHLY, y), 6);
        assertThat(fc.model()).isEqualTo("ensemble[Croston-SBA,TSB,ADIDA]");
        double zeros = 0;
        for (int p2 = 0; p2 < 200; p2++) {
            zeros += fc.scenarios().value(p2, 0) == 0 ? 1 : 0;
        }
        assertThat(zeros / 200).isBetween(0.5, 0.85);
    }

    @Test
    void medianDriftIgnoresALevelShiftThatTheMeanDriftFollows() {
        // slope 2 per period with one jump of 50: the mean of the differences is (2 * 29 + 50) / 29 = 3.7,
        // their median stays 2
        double[] y = new double[30];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + 2 * t + (t >= 20 ? 50 : 0);
        }
        MedianDrift d = MedianDrift.fit(y, y.length);
        assertThat(d.drift()).isCloseTo(2, within(1e-12));
        double[] f = new double[3];
        d.forecast(3, f);
        assertThat(f).containsExactly(new double[] {y[29] + 2, y[29] + 4, y[29] + 6}, within(1e-9));
        assertThat(MedianDrift.fit(new double[] {1, 2}, 2)).isNull();
        double[] paths = new double[2000 * 3];
        SplittableRandom r = new SplittableRandom(1);
        for (int p = 0; p < 2000; p++) {
            d.simulate(3, r, paths, 3 * p, 1);
        }
        double mean = 0;
        for (int p = 0; p < 2000; p++) {
            mean += paths[3 * p + 2] / 2000;
        }
        assertThat(mean).isCloseTo(f[2], within(1.5));
    }

    @Test
    void yearlyAndQuarterlyEnsemblesHoldTheMedianDriftMonthlyOnesDoNot() {
        PreparedSeries yearly = PreparedSeries.of(trend(30, 1, 6), 1);
        assertThat(Ensemble.members(Method.AUTO, yearly)).extracting(FittedModel::name).contains("MedianDrift");
        double[] q = trend(40, 1, 7);
        for (int t = 0; t < q.length; t++) {
            q[t] *= t % 4 == 0 ? 1.3 : 0.9;
        }
        PreparedSeries quarterly = PreparedSeries.of(q, 4);
        assertThat(quarterly.seasonal()).isTrue();
        assertThat(Ensemble.members(Method.AUTO, quarterly)).extracting(FittedModel::name)
                .contains("MedianDrift+season");
        PreparedSeries monthly = PreparedSeries.of(trend(60, 1, 8), 12);
        assertThat(Ensemble.members(Method.AUTO, monthly)).extracting(FittedModel::name)
                .noneMatch(n -> n.startsWith("MedianDrift"));
    }

    @Test
    void tsbForgetsDemandThatStopped() {
        double[] y = new double[40];
        for (int t = 0; t < 20; t++) {
            y[t] = t % 2 == 0 ? 5 : 0;
        }
        double[] croston = new double[1];
        double[] tsb = new double[1];
        IntermittentDemand.fit(IntermittentDemand.Kind.CROSTON, y, 40).forecast(1, croston);
        IntermittentDemand.fit(IntermittentDemand.Kind.TSB, y, 40).forecast(1, tsb);
        assertThat(tsb[0]).isLessThan(croston[0] / 2);
    }

    @Test
    void weightsFollowTheInverseSquaredValidationError() {
        double[] w = Ensemble.weights(new double[] {1, 2, 0}, 3);
        assertThat(w[0] / w[1]).isCloseTo(4, within(1e-9));
        assertThat(w[2]).isGreaterThan(0.99);
        assertThat(w[0] + w[1] + w[2]).isCloseTo(1, within(1e-12));
        assertThat(Ensemble.weights(new double[] {1, Double.NaN}, 2)).isNull();
        assertThat(Ensemble.weights(new double[] {1, 2}, 3)).isNull();
        assertThat(Ensemble.weights(null, 3)).isNull();
    }

    @Test
    void validationNeedsEnoughHistoryBeyondTheHorizon() {
        PreparedSeries shortOne = PreparedSeries.of(trend(8, 1, 2), 1);
        assertThat(Ensemble.validate(Method.AUTO, shortOne, 6, 1)).isNull();
        PreparedSeries longer = PreparedSeries.of(trend(30, 1, 2), 1);
        double[] e = Ensemble.validate(Method.AUTO, longer, 6, 1).errors();
        assertThat(e).hasSize(Ensemble.members(Method.AUTO, longer).size());
        for (double v : e) {
            assertThat(v).isFinite().isNotNegative();
        }
    }

    @Test
    void theWeightedEnsembleLeansOnTheMemberThatValidatedBest() {
        // a level shift a third from the end: members that adapt fast validate better and get more weight
        double[] y = new double[36];
        for (int t = 0; t < y.length; t++) {
            y[t] = (t < 24 ? 100 : 160) + (t % 3 - 1);
        }
        PreparedSeries p = PreparedSeries.of(y, 1);
        Ensemble.Validation validation = Ensemble.validate(Method.AUTO, p, 6, 1);
        double[] e = validation.errors();
        double[] w = Ensemble.weights(e, e.length);
        int best = 0;
        for (int j = 1; j < e.length; j++) {
            best = e[j] < e[best] ? j : best;
        }
        for (int j = 0; j < w.length; j++) {
            assertThat(w[best]).isGreaterThanOrEqualTo(w[j]);
        }
        Forecast f = Ensemble.forecast("x", p.cleaned(), Ensemble.members(Method.AUTO, p), validation, 6, 400, 1, "");
        double[] one = new double[6];
        double expected = 0;
        List<FittedModel> members = Ensemble.members(Method.AUTO, p);
        for (int j = 0; j < members.size(); j++) {
            members.get(j).forecast(6, one);
            expected += w[j] * one[0];
        }
        assertThat(f.mean()[0]).isCloseTo(expected, within(1e-9));
    }

    @Test
    void dotmAndCesAreMethodsOfTheirOwn() {
        assertThat(Method.parse("dotm")).isEqualTo(Method.DOTM);
        assertThat(Method.parse("ces")).isEqualTo(Method.CES);
        TimeSeries s = TimeSeries.of("t", Frequency.YEARLY, trend(30, 1, 4));
        assertThat(Forecaster.builder().method(Method.DOTM).paths(20).build().forecast(s, 3).model()).isEqualTo("DOTM");
        assertThat(Forecaster.builder().method(Method.CES).paths(20).build().forecast(s, 3).model()).isEqualTo("CES");
    }

    @Test
    void pathsAreWidenedWhenTheValidationMissedByMoreThanTheirSpread() {
        SplittableRandom r = new SplittableRandom(11);
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 0.5 * r.nextGaussian() + (t >= 34 ? 30 * (t % 2 == 0 ? 1 : -1) : 0);
        }
        PreparedSeries jumpy = PreparedSeries.of(y, 1);
        assertThat(Ensemble.validate(Method.AUTO, jumpy, 6, 1).spread()).isGreaterThan(1.5);
        double[] calm = new double[40];
        for (int t = 0; t < calm.length; t++) {
            calm[t] = 100 + 2 * r.nextGaussian();
        }
        assertThat(Ensemble.validate(Method.AUTO, PreparedSeries.of(calm, 1), 6, 1).spread()).isBetween(1.0, 1.6);
    }

    @Test
    void theSpreadFactorScalesThePathsAroundThePointForecast() {
        PreparedSeries p = PreparedSeries.of(trend(40, 2, 8), 1);
        List<FittedModel> members = Ensemble.members(Method.AUTO, p);
        double[] errors = new double[members.size()];
        java.util.Arrays.fill(errors, 1);
        Forecast narrow = Ensemble.forecast("x", p.cleaned(), members, new Ensemble.Validation(errors, 1), 4, 2000, 3,
                "");
        Forecast wide = Ensemble.forecast("x", p.cleaned(), members, new Ensemble.Validation(errors, 2), 4, 2000, 3,
                "");
        assertThat(wide.mean()).containsExactly(narrow.mean());
        ScenarioSet.Interval a = narrow.scenarios().interval(0.9);
        ScenarioSet.Interval b = wide.scenarios().interval(0.9);
        double ratio = (b.upper()[3] - b.lower()[3]) / (a.upper()[3] - a.lower()[3]);
        assertThat(ratio).isCloseTo(2, within(0.05));
    }
}
