package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArimaTest {

    @Test
    void followsALinearTrendWithDrift() {
        SplittableRandom r = new SplittableRandom(1);
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 2 * t + 0.5 * r.nextGaussian();
        }
        Arima a = Arima.fit(y, y.length);
        double[] f = new double[5];
        a.forecast(5, f);
        assertThat(a.name()).contains("drift");
        assertThat(f[4]).isCloseTo(100 + 2 * 64, within(3.0));
    }

    @Test
    void tooShortSeriesGiveNull() {
        assertThat(Arima.fit(new double[] {1, 2, 3, 4, 5}, 5)).isNull();
    }

    @Test
    void combinationDropsTheExtremesFromFourModels() {
        double[][] each = {{1, 10}, {2, 20}, {3, 30}, {100, -100}};
        double[] out = new double[2];
        Ensemble.combine(each, 4, 2, out);
        assertThat(out).containsExactly(2.5, 15.0);
        Ensemble.combine(each, 3, 2, out);
        assertThat(out).containsExactly(2.0, 20.0);
    }
}
