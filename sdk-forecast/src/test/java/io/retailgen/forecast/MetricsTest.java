package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void pointMetricsOnKnownValues() {
        double[] a = {100, 200};
        double[] f = {110, 180};
        assertThat(Metrics.smape(a, f)).isCloseTo((200 * 10 / 210.0 + 200 * 20 / 380.0) / 2, within(1e-12));
        assertThat(Metrics.mape(a, f)).isCloseTo(10, within(1e-12));
        double[] hist = {1, 3, 2, 4};
        assertThat(Metrics.mase(hist, a, f, 1)).isCloseTo(15 / (5 / 3.0), within(1e-12));
        assertThat(Metrics.rmsse(hist, a, f, 1)).isCloseTo(Math.sqrt(250 / 3.0), within(1e-12));
        assertThat(Metrics.mase(new double[] {5, 5, 5}, a, f, 1)).isNaN();
        assertThat(Metrics.quantileLoss(new double[] {10}, new double[] {8}, 0.9)).isCloseTo(1.8, within(1e-12));
        assertThat(Metrics.quantileLoss(new double[] {10}, new double[] {12}, 0.9)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void crpsOfAPointMassIsTheAbsoluteErrorAndOfANormalMatchesTheClosedForm() {
        ScenarioSet point = new ScenarioSet("p", 1, new double[][] {{3}, {3}, {3}});
        assertThat(Metrics.crps(new double[] {5}, point)).isCloseTo(2, within(1e-12));
        ScenarioSet normal = ScenarioSetTest.normal(20000, 1, 0, 1, 4);
        double closedForm = 2 * 0.3989422804 - 1 / Math.sqrt(Math.PI); // CRPS of N(0,1) at 0
        assertThat(Metrics.crps(new double[] {0}, normal)).isCloseTo(closedForm, within(0.01));
    }

    @Test
    void coverageCountsPointsInside() {
        ScenarioSet.Interval i = new ScenarioSet.Interval(0.9, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        assertThat(Metrics.coverage(new double[] {0.5, 1, 2}, i)).isCloseTo(2 / 3.0, within(1e-12));
    }
}
