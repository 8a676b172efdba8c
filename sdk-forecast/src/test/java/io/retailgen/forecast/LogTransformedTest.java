package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;

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
}
