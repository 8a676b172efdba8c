package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScenarioSetTest {

    static ScenarioSet normal(int paths, int h, double mean, double sd, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] p = new double[paths][h];
        for (double[] row : p) {
            for (int k = 0; k < h; k++) {
                row[k] = mean + sd * r.nextGaussian();
            }
        }
        return new ScenarioSet("normal", seed, p);
    }

    @Test
    void quantilesAreOrderedAndIntervalsNested() {
        qt().withExamples(40).forAll(integers().between(1, 200), integers().between(1, 6), doubles().between(0, 1),
                doubles().between(0, 1)).checkAssert((paths, h, p1, p2) -> {
                    ScenarioSet s = normal(paths, h, 10, 3, paths * 31L + h);
                    double lo = Math.min(p1, p2);
                    double hi = Math.max(p1, p2);
                    double[] a = s.quantile(lo);
                    double[] b = s.quantile(hi);
                    for (int k = 0; k < h; k++) {
                        assertThat(a[k]).isLessThanOrEqualTo(b[k]);
                    }
                    ScenarioSet.Interval i80 = s.interval(0.8);
                    ScenarioSet.Interval i95 = s.interval(0.95);
                    for (int k = 0; k < h; k++) {
                        assertThat(i95.lower()[k]).isLessThanOrEqualTo(i80.lower()[k]);
                        assertThat(i95.upper()[k]).isGreaterThanOrEqualTo(i80.upper()[k]);
                    }
                });
    }

    @Test
    void statisticsMatchTheSamplingDistribution() {
        ScenarioSet s = normal(20000, 3, 50, 10, 9);
        assertThat(s.mean()[1]).isCloseTo(50, within(0.3));
        assertThat(s.quantile(0.975)[2]).isCloseTo(50 + 19.6, within(0.6));
        assertThat(s.totals(0, 2)[5]).isCloseTo(s.value(5, 0) + s.value(5, 1), within(1e-12));
    }

    @Test
    void spikeScalesOnlyFromTheGivenStep() {
        ScenarioSet s = new ScenarioSet("m", 1, new double[][] {{1, 2, 3}, {4, 5, 6}});
        ScenarioSet x = s.spike(2, 1);
        assertThat(x.path(0)).containsExactly(1, 4, 6);
        assertThat(x.path(1)).containsExactly(4, 10, 12);
        assertThat(x.model()).contains("spike");
        assertThat(s.plus(s).path(1)).containsExactly(8, 10, 12);
        assertThatThrownBy(() -> s.spike(-1, 0)).hasMessageContaining("spike factor");
    }

    @Test
    void exportsCsvAndJson() {
        ScenarioSet s = new ScenarioSet("m", 7, new double[][] {{1, 2}, {3, 4}});
        StringBuilder sb = new StringBuilder();
        s.writeCsv(sb);
        assertThat(sb.toString()).startsWith("path,step,value\n0,1,1.0\n0,2,2.0\n1,1,3.0");
        assertThat(s.toJson()).contains("\"seed\":7").contains("\"values\":[[1.0,2.0],[3.0,4.0]]")
                .contains("\"mean\":[2.0,3.0]");
    }

    @Test
    void rejectsBadShapes() {
        assertThatThrownBy(() -> new ScenarioSet("m", 1, new double[][] {{1, 2}, {3}}))
                .hasMessageContaining("path 1 has 1 steps, expected 2");
        assertThatThrownBy(() -> new ScenarioSet("m", 1, new double[][] {{Double.NaN}}))
                .hasMessageContaining("finite");
    }
}
