package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.ModelHandle;
import io.retailgen.core.bundle.ModelRegistry;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.Interceptor;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains one tiny model on simulated demand with a known discount effect ({@code y = level * exp(BETA * discount)
 * * noise}, promotions running 2 to 8 weeks at a depth of 10-40%) and checks what it generates.
 */
class DeepArModelTest {

    static final double BETA = 1.5;
    static final int SERIES = 30;
    static final int LENGTH = 90;
    static DeepArModel model;
    static List<TimeSeries> data;

    static List<TimeSeries> simulate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<TimeSeries> out = new ArrayList<>();
        for (int i = 0; i < SERIES; i++) {
            double level = 5 + r.nextDouble() * 200;
            double[] y = new double[LENGTH];
            double[] d = new double[LENGTH + 8];
            int left = 0;
            double depth = 0;
            for (int t = 0; t < LENGTH; t++) {
                if (left == 0 && r.nextDouble() < 0.1) {
                    left = 2 + r.nextInt(7);
                    depth = 0.1 + 0.3 * r.nextDouble();
                }
                d[t] = left > 0 ? depth : 0;
                left = Math.max(0, left - 1);
                y[t] = level * Math.exp(BETA * d[t] + 0.1 * r.nextGaussian());
            }
            out.add(new TimeSeries("s" + i, List.of(), Frequency.WEEKLY, y, Map.of("discount", d)));
        }
        return out;
    }

    @BeforeAll
    static void train() {
        data = simulate(11);
        model = DeepArTrainer.builder().drivers("discount").window(6).hidden(16).epochs(40).batchSize(128)
                .learningRate(0.02f).seed(3L).build().train(data);
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    static double meanOf(ScenarioSet s) {
        return Arrays.stream(s.mean()).average().orElseThrow();
    }

    @Test
    void whatIfRecoversTheDiscountEffectWithinTenPercent() {
        double depth = 0.3;
        double trueEffect = Math.exp(BETA * depth) - 1;
        double[] none = new double[8];
        double[] promo = new double[8];
        Arrays.fill(promo, depth);
        double base = 0;
        double lifted = 0;
        for (TimeSeries s : data.subList(0, 10)) {
            base += meanOf(model.sample(s, 8, Map.of("discount", none), 2000, 5));
            lifted += meanOf(model.sample(s, 8, Map.of("discount", promo), 2000, 5));
        }
        double effect = lifted / base - 1;
        assertThat(effect).isCloseTo(trueEffect, org.assertj.core.data.Percentage.withPercentage(10));
    }

    @Test
    void scenariosMatchTheSeriesLevelAndAreNonNegative() {
        TimeSeries s = data.get(0);
        double[] v = s.values();
        double[] d = s.covariates().get("discount");
        double plain = 0;
        int count = 0;
        for (int t = 0; t < v.length; t++) {
            if (d[t] == 0) {
                plain += v[t];
                count++;
            }
        }
        plain /= count;
        ScenarioSet set = model.sample(s, 8, Map.of("discount", new double[8]), 1000, 1);
        assertThat(set.paths()).isEqualTo(1000);
        assertThat(meanOf(set)).isCloseTo(plain, org.assertj.core.data.Percentage.withPercentage(15));
        for (int p = 0; p < 1000; p++) {
            assertThat(Arrays.stream(set.path(p)).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void onnxExportEqualsTheTrainedNetwork() {
        assertThat(model.provenance().metrics().get("onnx_max_abs_diff")).isLessThan(1e-5);
        assertThat(model.provenance().hyperParameters()).containsEntry("drivers", "discount");
    }

    @Test
    void samplingIsReproducibleForASeed() {
        TimeSeries s = data.get(3);
        double[] promo = new double[4];
        Arrays.fill(promo, 0.2);
        ScenarioSet a = model.sample(s, 4, Map.of("discount", promo), 50, 9);
        ScenarioSet b = model.sample(s, 4, Map.of("discount", promo), 50, 9);
        assertThat(a.path(7)).containsExactly(b.path(7));
    }

    @Test
    void savedBundleLoadsAndSamplesTheSame(@TempDir Path dir) {
        Path bundle = dir.resolve("deepar");
        model.toBundle("weekly-demand", "7").saveTo(bundle);
        ModelBundle saved = ModelBundle.load(bundle);
        assertThat(saved.manifest().kind()).isEqualTo(DeepArModel.KIND).isEqualTo("forecast.deepar");
        try (DeepArModel loaded = DeepArModel.fromBundle(saved)) {
            assertThat(loaded.drivers()).containsExactly("discount");
            assertThat(loaded.modelName()).isEqualTo("weekly-demand");
            assertThat(loaded.version()).isEqualTo("7");
            TimeSeries s = data.get(5);
            assertThat(loaded.sample(s, 3, Map.of(), 20, 4).path(2))
                    .containsExactly(model.sample(s, 3, Map.of(), 20, 4).path(2));
        }
        try (OnnxModel onnx = OnnxModel.builder().model(model.onnxBytes()).build()) {
            int f = DeepArModel.featureCount(6, 1);
            assertThat(onnx.run(Map.of("features", Tensor.ofFloats(new float[f], 1, f))).get("params")
                    .toFloatArray()).hasSize(2);
        }
    }

    @Test
    void aBundleWrittenUnderTheOldKindStillLoads(@TempDir Path dir) {
        ModelBundle current = model.toBundle("weekly-demand", "1");
        ModelBundle old = current.toBuilder().kind("forecast-generative").build();
        old.saveTo(dir.resolve("old"));
        ModelBundle reread = ModelBundle.load(dir.resolve("old"));
        assertThat(reread.manifest().kind()).isEqualTo("forecast-generative");
        try (DeepArModel loaded = DeepArModel.fromBundle(reread)) {
            TimeSeries s = data.get(1);
            assertThat(loaded.sample(s, 2, Map.of(), 10, 3).path(4))
                    .containsExactly(model.sample(s, 2, Map.of(), 10, 3).path(4));
        }
    }

    @Test
    void theModelIsServedThroughARegistryAndAHandleThatSwaps(@TempDir Path dir) {
        ModelRegistry registry = ModelRegistry.open(dir.resolve("registry"));
        registry.publish(model.toBundle("weekly-demand", "1"));
        registry.publish(model.toBundle("weekly-demand", "2"));
        List<GenerationRequest> seen = new ArrayList<>();
        Interceptor record = chain -> {
            seen.add(chain.request());
            return chain.proceed(chain.request());
        };
        try (ModelHandle<DeepArModel> handle = ModelHandle.fromRegistry(registry, "weekly-demand",
                DeepArModel::fromBundle)) {
            assertThat(handle.version()).isEqualTo("2");
            Forecaster f = Forecaster.builder().method(Method.GENERATIVE).model(handle).paths(50)
                    .interceptors(InterceptorChain.of(record)).build();
            Forecast before = f.forecast(data.get(4), 4);
            registry.pin("weekly-demand", "1");
            assertThat(handle.refresh()).isTrue();
            Forecast after = f.forecast(data.get(4), 4);
            assertThat(after.mean()).containsExactly(before.mean());
            assertThat(seen).extracting(GenerationRequest::modelVersion).containsExactly("2", "1");
            assertThat(seen).extracting(GenerationRequest::modelName).containsOnly("weekly-demand");
        }
    }

    @Test
    void forecasterUsesTheGenerativeModelWithTheSeriesCovariates() {
        Forecaster f = Forecaster.builder().method(Method.GENERATIVE).generativeModel(model).paths(200).build();
        Forecast fc = f.forecast(data.get(2), 8);
        assertThat(fc.model()).startsWith("deepar-");
        assertThat(fc.scenarios().paths()).isEqualTo(200);
    }

    @Test
    void whatIfSamplesTheGivenDriversWithTheForecastsSeedAndPassesTheChainOnce() {
        List<GenerationRequest> seen = new ArrayList<>();
        Interceptor record = chain -> {
            seen.add(chain.request());
            return chain.proceed(chain.request());
        };
        Forecaster f = Forecaster.builder().method(Method.GENERATIVE).generativeModel(model).paths(300).seed(11L)
                .interceptors(InterceptorChain.of(record)).build();
        TimeSeries s = data.get(6);
        double[] promo = new double[8];
        Arrays.fill(promo, 0.3);
        Forecast base = f.forecast(s, 8);
        Forecast what = f.whatIf(s, 8, Map.of("discount", promo));
        assertThat(what.scenarios().seed()).isEqualTo(base.scenarios().seed());
        assertThat(what.scenarios().path(3)).containsExactly(model.sample(s, 8, Map.of("discount", promo), 300,
                base.scenarios().seed()).path(3));
        assertThat(meanOf(what.scenarios())).isGreaterThan(meanOf(base.scenarios()) * 1.2);
        assertThat(seen).extracting(GenerationRequest::operation).containsExactly("forecast", "whatIf");
        assertThatThrownBy(() -> Forecaster.builder().build().whatIf(s, 8, Map.of("discount", promo)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Method.GENERATIVE");
        assertThatThrownBy(() -> f.whatIf(s, 8, Map.of("price", promo)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown driver 'price'");
    }

    @Test
    void badInputsAreRejectedWithClearMessages(@TempDir Path dir) {
        TimeSeries s = data.get(0);
        assertThatThrownBy(() -> model.sample(s, 4, Map.of("price", new double[4]), 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price").hasMessageContaining("discount");
        assertThatThrownBy(() -> model.sample(s, 4, Map.of("discount", new double[2]), 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 4");
        assertThatThrownBy(() -> DeepArTrainer.builder().window(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window must be in [1, 256], got 0");
        assertThatThrownBy(() -> DeepArTrainer.builder().drivers("a", "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeepArTrainer.builder().build().train(List.of(TimeSeries.of("x", Frequency.DAILY, 1,
                2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no training window");
        ScenarioSet zeros = model.sample(TimeSeries.of("z", Frequency.WEEKLY, 0, 0, 0), 3, Map.of(), 5, 1);
        assertThat(zeros.mean()).containsOnly(0.0);
        ModelBundle other = ModelBundle.builder().kind("recommend").name("x").version("1").model(model.onnxBytes())
                .provenance(model.provenance()).build();
        other.saveTo(dir.resolve("other"));
        assertThatThrownBy(() -> DeepArModel.fromBundle(ModelBundle.load(dir.resolve("other"))))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("expected 'forecast.deepar'")
                .satisfies(e -> assertThat(((RetailGenException) e).code()).isEqualTo(ErrorCode.INVALID_BUNDLE));
    }
}
