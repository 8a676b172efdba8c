package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArimaWithDriversTest {

    /** {@code y = 100 exp(0.8 promo + u)}, u an AR(1) with coefficient 0.6; the promo covariate runs 4 steps ahead. */
    static TimeSeries promoted(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 120;
        double[] y = new double[n];
        double[] promo = new double[n + 4];
        double u = 0;
        for (int t = 0; t < n + 4; t++) {
            promo[t] = r.nextDouble() < 0.2 ? 1 : 0;
        }
        promo[n] = 1;
        promo[n + 1] = 1;
        promo[n + 2] = 0;
        promo[n + 3] = 0;
        for (int t = 0; t < n; t++) {
            u = 0.6 * u + 0.05 * r.nextGaussian();
            y[t] = 100 * Math.exp(0.8 * promo[t] + u);
        }
        return new TimeSeries("p", List.of(), Frequency.WEEKLY, y, Map.of("promo", promo));
    }

    @Test
    void recoversTheDriverEffectAndCarriesFutureDriversIntoTheForecast() {
        TimeSeries s = promoted(4);
        ArimaWithDrivers m = ArimaWithDrivers.of("promo");
        assertThat(m.effects(s).get("promo")).isCloseTo(0.8, within(0.08));
        Forecaster f = Forecaster.builder().method(Method.GENERATIVE).generativeModel(m).paths(2000).build();
        Forecast fc = f.forecast(s, 4);            // promo planned at the first two future steps
        assertThat(fc.mean()[0] / fc.mean()[3]).isCloseTo(Math.exp(0.8), within(0.35));
        Forecast none = f.whatIf(s, 4, Map.of("promo", new double[4]));
        assertThat(none.mean()[0]).isCloseTo(none.mean()[3], within(none.mean()[3] * 0.1));
        assertThat(fc.model()).isEqualTo("arima-drivers[promo]");
    }

    @Test
    void withoutDriversItIsThePlainArimaAndGapsAreFilled() {
        double[] y = promoted(5).values();
        y[0] = Double.NaN;
        y[50] = Double.NaN;
        TimeSeries plain = TimeSeries.of("x", Frequency.WEEKLY, y);
        ScenarioSet s = ArimaWithDrivers.of().sample(plain, 6, Map.of(), 300, 1);
        assertThat(s.horizon()).isEqualTo(6);
        assertThat(java.util.Arrays.stream(s.mean()).min().orElseThrow()).isPositive();
        assertThat(ArimaWithDrivers.interpolate(new double[] {1, Double.NaN, 3, Double.NaN})).containsExactly(1, 2, 3, 3);
        assertThatThrownBy(() -> ArimaWithDrivers.of("promo").effects(TimeSeries.of("short", Frequency.WEEKLY, 1, 2)))
                .hasMessageContaining("series short has 2 values; regression with ARIMA errors needs at least 6");
        assertThatThrownBy(() -> ArimaWithDrivers.of("a", "a")).hasMessageContaining("distinct");
    }
}
