package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NewProductForecasterTest {

    /**
     * Launches of two categories: "boots" ramp up to a level of 100 (times a region factor of 1 or 2), "socks" sell a
     * flat 10 (times the same region factor); 5% noise.
     */
    static List<NewProductForecaster.Launch> library() {
        SplittableRandom r = new SplittableRandom(3);
        List<NewProductForecaster.Launch> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean boots = i % 2 == 0;
            String region = i % 4 < 2 ? "north" : "south";
            double level = (boots ? 100 : 10) * (region.equals("north") ? 1 : 2);
            double[] v = new double[18];
            for (int t = 0; t < v.length; t++) {
                double ramp = boots ? Math.min(1, (t + 1) / 6.0) : 1;
                v[t] = level * ramp * (1 + 0.05 * r.nextGaussian());
            }
            out.add(new NewProductForecaster.Launch("p" + i, Map.of("category", boots ? "boots" : "socks", "region",
                    region), v));
        }
        return out;
    }

    @Test
    void withoutObservationsTheLevelComesFromTheAttributesAndTheShapeFromTheAnalogues() {
        NewProductForecaster f = NewProductForecaster.builder().library(library()).analogues(5).paths(500).build();
        Forecast fc = f.forecast("new", Map.of("category", "boots", "region", "south"), new double[0], 12);
        // the mean of the first 12 values of a southern boot: 200 * mean(min(1, t / 6), t = 1..12) = 200 * 9.5 / 12
        double launchLevel = 200 * 9.5 / 12;
        double mean12 = java.util.Arrays.stream(fc.mean()).average().orElseThrow();
        assertThat(mean12).isCloseTo(launchLevel, within(launchLevel * 0.1));
        assertThat(fc.mean()[0]).isLessThan(fc.mean()[8] * 0.3);
        assertThat(fc.note()).startsWith("attributes");
        assertThat(fc.scenarios().paths()).isEqualTo(500);
    }

    @Test
    void withAFewObservationsTheCurveIsRescaledToThem() {
        NewProductForecaster f = NewProductForecaster.builder().library(library()).analogues(5).build();
        // a boot that sells half of a northern boot: 50/6, 100/6, 150/6
        Forecast fc = f.forecast("new", Map.of("category", "boots"), new double[] {50 / 6.0, 100 / 6.0, 25}, 6);
        assertThat(fc.mean()[5]).isCloseTo(50, within(5.0));
        assertThat(fc.model()).isEqualTo("analogues-k3");
        // the shape picks ramps even when the attributes say socks
        Forecast shaped = f.forecast("odd", Map.of("category", "socks"), new double[] {50 / 6.0, 100 / 6.0, 25}, 6);
        assertThat(shaped.mean()[5]).isCloseTo(50, within(5.0));
    }

    @Test
    void theSpreadWithObservationsIsTheRescalingErrorMeasuredOnTheAnalogues() {
        List<NewProductForecaster.Launch> same = List.of(
                new NewProductForecaster.Launch("a", Map.of(), new double[] {1, 2, 4, 4}),
                new NewProductForecaster.Launch("b", Map.of(), new double[] {2, 4, 8, 8}));
        assertThat(NewProductForecaster.leaveOneOutSpread(same, 2, 2)).isCloseTo(0, within(1e-12));
        List<NewProductForecaster.Launch> apart = List.of(
                new NewProductForecaster.Launch("a", Map.of(), new double[] {1, 1, 2, 2}),
                new NewProductForecaster.Launch("b", Map.of(), new double[] {1, 1, 1, 1}));
        // each predicts the other off by a factor of 2: log 2
        assertThat(NewProductForecaster.leaveOneOutSpread(apart, 2, 2)).isCloseTo(Math.log(2), within(1e-12));
        NewProductForecaster f = NewProductForecaster.builder().library(library()).analogues(5).paths(400).build();
        Forecast fc = f.forecast("new", Map.of("category", "boots"), new double[] {8, 17, 25}, 6);
        ScenarioSet.Interval i80 = fc.scenarios().interval(0.8);
        assertThat(i80.upper()[5] / i80.lower()[5]).as("a level shock widens the interval").isGreaterThan(1.05);
    }

    @Test
    void eachForecastPassesTheInterceptorsOnceAndABlockThrows() {
        List<io.retailgen.core.intercept.GenerationRequest> seen = new ArrayList<>();
        io.retailgen.core.intercept.Interceptor record = chain -> {
            seen.add(chain.request());
            return chain.proceed(chain.request());
        };
        NewProductForecaster f = NewProductForecaster.builder().library(library()).paths(50)
                .interceptors(io.retailgen.core.intercept.InterceptorChain.of(record)).build();
        f.forecast("n1", Map.of("category", "boots"), new double[0], 4);
        f.forecast("n2", Map.of("category", "socks"), new double[] {10, 11}, 4);
        assertThat(seen).extracting(io.retailgen.core.intercept.GenerationRequest::operation)
                .containsExactly("newProduct", "newProduct");
        assertThat(seen.get(1).module()).isEqualTo("forecast");
        assertThat(seen.get(1).attributes()).containsEntry("observed", "2").containsEntry("method", "analogues");
        assertThat(seen.get(0).text()).startsWith("n1 analogues-attributes h=4");
        io.retailgen.core.intercept.Interceptor block = chain -> io.retailgen.core.intercept.GenerationResponse.block(
                List.of(new io.retailgen.core.intercept.Finding(0, 1, "no-launch-forecasts", "schedule",
                        io.retailgen.core.intercept.Severity.HIGH, "closed")));
        NewProductForecaster blocked = NewProductForecaster.builder().library(library())
                .interceptors(io.retailgen.core.intercept.InterceptorChain.of(block)).build();
        assertThatThrownBy(() -> blocked.forecast("n3", Map.of(), new double[0], 3))
                .isInstanceOf(io.retailgen.core.RetailGenException.class)
                .hasMessageContaining("blocked newProduct of n3").hasMessageContaining("no-launch-forecasts");
    }

    @Test
    void badInputsAreRejectedWithClearMessages() {
        NewProductForecaster f = NewProductForecaster.builder().library(library()).build();
        assertThatThrownBy(() -> f.forecast("x", Map.of(), new double[0], 30))
                .hasMessageContaining("no product of the library (40) has 30 values");
        assertThatThrownBy(() -> f.forecast("x", Map.of(), new double[] {-1}, 3))
                .hasMessageContaining("launch x: value 0 must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> NewProductForecaster.builder().build()).hasMessageContaining("library");
        assertThatThrownBy(() -> NewProductForecaster.builder().analogues(0))
                .hasMessageContaining("analogues must be in [1, 10000], got 0");
    }
}
