package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.ModelHandle;
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
 * Trains small scenario VAEs on the simulated promotion data of {@link DeepArModelTest} (a known discount effect,
 * {@code y = level * exp(1.5 * discount) * noise}) and checks what they generate.
 */
class ScenarioVaeTest {

    static ScenarioVae model;
    static List<TimeSeries> data;

    static ScenarioVaeTrainer.Builder small() {
        return ScenarioVaeTrainer.builder().drivers("discount").context(12).block(6).latent(3).hidden(16)
                .epochs(30).learningRate(0.01f).seed(3L);
    }

    @BeforeAll
    static void train() {
        data = DeepArModelTest.simulate(11);
        model = small().build().train(data);
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    /** The mean absolute difference between the decoder's means for pairs of prior latents, over many contexts. */
    static double decodedSpread(ScenarioVae vae, List<TimeSeries> series) {
        ScenarioVae.Shape s = new ScenarioVae.Shape(vae.context(), vae.block(), vae.latent(), 0);
        int width = vae.latent() + s.conditionSize(1);
        int pairs = 64;
        SplittableRandom r = new SplittableRandom(5);
        double sum = 0;
        int count = 0;
        try (OnnxModel onnx = OnnxModel.builder().model(vae.onnxBytes()).build()) {
            for (TimeSeries ts : series) {
                DeepArModel.Prepared p = DeepArModel.Prepared.of(ts, List.of("discount"), vae.context());
                double[] y = ScenarioVae.history(p);
                int end = y.length - vae.block();
                float[] rows = new float[2 * pairs * width];
                for (int i = 0; i < 2 * pairs; i++) {
                    for (int l = 0; l < vae.latent(); l++) {
                        rows[i * width + l] = (float) r.nextGaussian();
                    }
                    ScenarioVae.condition(y, end, p.d, end, s, rows, i * width + vae.latent());
                }
                float[] out = onnx.run(Map.of(ScenarioVae.INPUT, Tensor.ofFloats(rows, 2 * pairs, width)))
                        .get(ScenarioVae.OUTPUT).toFloatArray();
                int b = vae.block();
                for (int i = 0; i < pairs; i++) {
                    for (int h = 0; h < b; h++) {
                        sum += Math.abs(out[(2 * i) * 2 * b + h] - out[(2 * i + 1) * 2 * b + h]);
                        count++;
                    }
                }
            }
        }
        return sum / count;
    }

    @Test
    void theDiversityTermRaisesTheSpreadOfDecodedSamples() {
        List<TimeSeries> few = data.subList(0, 12);
        try (ScenarioVae without = small().epochs(15).diversityWeight(0).build().train(few);
                ScenarioVae with = small().epochs(15).diversityWeight(2).build().train(few)) {
            double a = decodedSpread(without, few);
            double b = decodedSpread(with, few);
            assertThat(b).as("spread with the diversity term vs without").isGreaterThan(a * 1.5);
            assertThat(with.provenance().metrics().get("final_diversity"))
                    .isLessThan(without.provenance().metrics().get("final_diversity"));
        }
    }

    @Test
    void whatIfRecoversTheSimulatedDiscountEffectWithinFifteenPercent() {
        double depth = 0.3;
        double trueEffect = Math.exp(DeepArModelTest.BETA * depth) - 1;
        double[] promo = new double[6];
        Arrays.fill(promo, depth);
        double base = 0;
        double lifted = 0;
        for (TimeSeries s : data.subList(0, 10)) {
            base += DeepArModelTest.meanOf(model.sample(s, 6, Map.of("discount", new double[6]), 2000, 5));
            lifted += DeepArModelTest.meanOf(model.sample(s, 6, Map.of("discount", promo), 2000, 5));
        }
        assertThat(lifted / base - 1).isCloseTo(trueEffect, org.assertj.core.data.Percentage.withPercentage(15));
    }

    @Test
    void longHorizonsAreSampledBlockAfterBlockNonNegativeAndReproducible() {
        TimeSeries s = data.get(2);
        ScenarioSet a = model.sample(s, 20, Map.of(), 300, 9);
        ScenarioSet b = model.sample(s, 20, Map.of(), 300, 9);
        assertThat(a.horizon()).isEqualTo(20);
        assertThat(a.path(17)).containsExactly(b.path(17));
        assertThat(Arrays.stream(a.toArray()).flatMapToDouble(Arrays::stream).min().orElseThrow())
                .isGreaterThanOrEqualTo(0);
        double level = Arrays.stream(s.values()).average().orElseThrow();
        assertThat(DeepArModelTest.meanOf(a)).isBetween(level * 0.6, level * 1.6);
        assertThat(model.provenance().metrics().get("onnx_max_abs_diff")).isLessThan(1e-4);
    }

    @Test
    void savedBundleLoadsThroughAHandleAndSamplesTheSame(@TempDir Path dir) {
        model.toBundle("weekly-demand", "4").saveTo(dir.resolve("vae"));
        ModelBundle saved = ModelBundle.load(dir.resolve("vae"));
        assertThat(saved.manifest().kind()).isEqualTo(ScenarioVae.KIND).isEqualTo("forecast.scenariovae");
        TimeSeries s = data.get(5);
        try (ModelHandle<ScenarioVae> handle = ModelHandle.of(saved, ScenarioVae::fromBundle)) {
            assertThat(handle.apply(ScenarioVae::drivers)).containsExactly("discount");
            assertThat(handle.apply(ScenarioVae::context)).isEqualTo(12);
            assertThat(handle.version()).isEqualTo("4");
            assertThat(handle.apply(m -> m.sample(s, 8, Map.of(), 20, 4)).path(3))
                    .containsExactly(model.sample(s, 8, Map.of(), 20, 4).path(3));
        }
        ModelBundle other = saved.toBuilder().kind("forecast.deepar").build();
        assertThatThrownBy(() -> ScenarioVae.fromBundle(other)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("expected 'forecast.scenariovae'")
                .satisfies(e -> assertThat(((RetailGenException) e).code()).isEqualTo(ErrorCode.INVALID_BUNDLE));
    }

    @Test
    void theForecasterServesItAndPassesTheChainOncePerCall() {
        List<GenerationRequest> seen = new ArrayList<>();
        Interceptor record = chain -> {
            seen.add(chain.request());
            return chain.proceed(chain.request());
        };
        Forecaster f = Forecaster.builder().method(Method.GENERATIVE).generativeModel(model).paths(200)
                .interceptors(InterceptorChain.of(record)).build();
        double[] promo = new double[6];
        Arrays.fill(promo, 0.3);
        Forecast base = f.forecast(data.get(1), 6);
        Forecast what = f.whatIf(data.get(1), 6, Map.of("discount", promo));
        assertThat(base.model()).startsWith("scenariovae-");
        assertThat(DeepArModelTest.meanOf(what.scenarios())).isGreaterThan(DeepArModelTest.meanOf(base.scenarios()));
        assertThat(seen).extracting(GenerationRequest::operation).containsExactly("forecast", "whatIf");
    }

    @Test
    void badInputsAreRejectedWithClearMessages() {
        TimeSeries s = data.get(0);
        assertThatThrownBy(() -> model.sample(s, 4, Map.of("price", new double[4]), 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown driver 'price'");
        assertThatThrownBy(() -> model.sample(s, 4, Map.of("discount", new double[2]), 10, 1))
                .hasMessageContaining("needs 4");
        assertThatThrownBy(() -> ScenarioVaeTrainer.builder().diversityWeight(-1))
                .hasMessageContaining("diversityWeight must be in [0, 100], got -1.0");
        assertThatThrownBy(() -> ScenarioVaeTrainer.builder().block(0)).hasMessageContaining("block must be in");
        assertThatThrownBy(() -> ScenarioVaeTrainer.builder().build().train(List.of(TimeSeries.of("x",
                Frequency.MONTHLY, 1, 2, 3)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no training window");
        assertThat(model.sample(TimeSeries.of("z", Frequency.WEEKLY, 0, 0, 0), 3, Map.of(), 5, 1).mean())
                .containsOnly(0.0);
    }
}
