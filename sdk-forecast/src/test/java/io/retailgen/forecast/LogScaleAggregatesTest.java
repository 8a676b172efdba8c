package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogScaleAggregatesTest {

    @Test
    void backTransformedMeanIsTheMeanOfTheExponentiatedPathsAndFittedKeepsItsPlace() {
        double ln2 = Math.log(2);
        double ln4 = Math.log(4);
        ScenarioSet logPaths = new ScenarioSet("m", 3, new double[][] {{0, ln2}, {ln2, ln4}});
        Forecast onLog = new Forecast("x", "m", new double[] {ln2 / 2, (ln2 + ln4) / 2}, logPaths, "",
                new double[] {Double.NaN, 0, ln2});
        Forecast back = LogScaleAggregates.backTransformed(onLog, 2, 5);
        // mean of exp: (1 + 2) / 2 and (2 + 4) / 2, not exp of the mean of the logs
        assertThat(back.mean()[0]).isCloseTo(1.5, within(1e-12));
        assertThat(back.mean()[1]).isCloseTo(3.0, within(1e-12));
        assertThat(back.scenarios().path(1)).containsExactly(new double[] {2, 4}, within(1e-12));
        assertThat(back.model()).isEqualTo("log(m)");
        double[] fitted = back.fitted();
        assertThat(fitted).hasSize(5);
        assertThat(fitted[0]).isNaN();
        assertThat(fitted[1]).isNaN();
        assertThat(fitted[2]).isNaN();
        assertThat(fitted[3]).isCloseTo(1, within(1e-12));
        assertThat(fitted[4]).isCloseTo(2, within(1e-12));
        ScenarioSet huge = new ScenarioSet("m", 3, new double[][] {{1000, 1}});
        assertThat(LogScaleAggregates.backTransformed(new Forecast("x", "m", new double[] {1000, 1}, huge, "",
                new double[0]), 0, 0)).isNull();
    }

    @Test
    void leadingZerosAreSkippedAndLaterNonPositiveValuesRefuseTheLogScale() {
        double[] y = {0, 0, Double.NaN, 1, Math.E, Double.NaN, 1};
        assertThat(LogScaleAggregates.firstPositive(y)).isEqualTo(3);
        double[] log = LogScaleAggregates.logTail(y, 3);
        assertThat(log).hasSize(4);
        assertThat(log[1]).isCloseTo(1, within(1e-12));
        assertThat(log[2]).isNaN();
        assertThat(LogScaleAggregates.logTail(new double[] {1, 2, 0, 3}, 0)).isNull();
        assertThat(LogScaleAggregates.firstPositive(new double[] {0, -1})).isEqualTo(2);
    }

    @Test
    void onlyQualifyingAggregatesAreReplaced() {
        List<List<String>> paths = List.of(List.of("a", "x"), List.of("a", "y"), List.of("b", "z"));
        Hierarchy h = Hierarchy.of(List.of("group", "item"), paths);
        int len = 48;
        double[][] bottom = new double[3][len];
        for (int t = 0; t < len; t++) {
            bottom[0][t] = 10 + t + 3 * Math.sin(t * Math.PI / 6);
            bottom[1][t] = 5 + 2 * Math.cos(t * Math.PI / 6);
            // z crosses zero, so group b (= z) may not go to the log scale
            bottom[2][t] = t == 30 ? -1 : 4 + Math.sin(t);
        }
        HierarchicalData d = ReconcilerTest.monthly(h, bottom);
        ForecasterBase f = (ForecasterBase) Forecaster.builder().paths(20).build();
        List<Forecast> base = f.forecastAll(d.series(), 4);
        List<Forecast> out = LogScaleAggregates.replace(f, d, base);
        assertThat(h.ids()).containsExactly("Total", "a", "b", "a/x", "a/y", "b/z");
        assertThat(out.get(0).model()).startsWith("log(");
        assertThat(out.get(1).model()).startsWith("log(");
        assertThat(out.get(2)).isSameAs(base.get(2));
        for (int i = 3; i < 6; i++) {
            assertThat(out.get(i)).isSameAs(base.get(i));
        }
        assertThat(out.get(0).fitted()).hasSize(len);
        assertThat(out.get(0).mean()[0]).isPositive();
    }
}
