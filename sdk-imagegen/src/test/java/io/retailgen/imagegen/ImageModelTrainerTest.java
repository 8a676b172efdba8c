package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageModelTrainerTest {
    private static TrainedImageModel trained;
    private static LabeledImages small;

    @BeforeAll
    static void trainTiny() {
        small = TestData.train().slice(0, 3000);
        trained = ImageModelTrainer.builder().seed(3).epochs(1).classifierEpochs(1).width(8).latentDim(16)
                .batchSize(64).build().train(small);
    }

    @Test
    void exportedGraphsEqualDjlWithin1e5() {
        assertThat(trained.exportMaxAbsDiff()).isLessThan(1e-5);
        assertThat(trained.provenance().metrics()).containsKeys("train_seconds", "export_max_abs_diff");
        assertThat(trained.provenance().rowCount()).isEqualTo(3000);
    }

    @Test
    void bundleRoundTripsAndGeneratesDeterministically(@TempDir Path dir) {
        ModelBundle bundle = trained.toBundle("fashion-test", "1");
        bundle.saveTo(dir.resolve("m"));
        ModelBundle loaded = ModelBundle.load(dir.resolve("m"));
        try (ImageGenerator gen = ImageGenerator.builder().bundle(loaded).attributeCheck(false).build()) {
            assertThat(gen.spec()).isEqualTo(new ModelSpec(16, 10, 28, 28));
            GeneratedImages a = gen.generate(3, 20, 11L);
            GeneratedImages b = gen.generate(3, 20, 11L);
            GeneratedImages c = gen.generate(3, 20, 12L);
            assertThat(a.count()).isEqualTo(20);
            assertThat(a.rejected()).isZero();
            assertThat(a).isEqualTo(b);
            assertThat(a.pixels()).isNotEqualTo(c.pixels());
            assertThat(a.modelVersion()).isEqualTo("fashion-test@1");
        }
    }

    @Test
    void attributeCheckCountsRejections() {
        int category = 1;
        int n = 200;
        int expectedShare;
        try (ImageGenerator raw = ImageGenerator.builder().bundle(trained.toBundle("t", "1")).attributeCheck(false)
                .build()) {
            GeneratedImages g = raw.generate(category, n, 5L);
            expectedShare = agreeing(raw, g, category);
        }
        try (ImageGenerator gen = ImageGenerator.builder().bundle(trained.toBundle("t", "1")).batchSize(n)
                .maxAttemptsFactor(50).build()) {
            if (expectedShare == 0) {
                assertThatThrownBy(() -> gen.generate(category, 10, 5L)).isInstanceOf(RetailGenException.class)
                        .hasMessageContaining("passed the attribute check");
                return;
            }
            GeneratedImages g = gen.generate(category, 10, 5L);
            assertThat(g.count()).isEqualTo(10);
            // the same seed draws the same first batch: the rejections are exactly its non-agreeing samples
            if (expectedShare >= 10) {
                assertThat(g.rejected()).isLessThanOrEqualTo(n - expectedShare);
            }
            // 8-bit quantisation may flip a borderline sample
            assertThat(agreeing(gen, g, category)).isGreaterThanOrEqualTo(8);
        }
    }

    private static int agreeing(ImageGenerator gen, GeneratedImages g, int category) {
        byte[] px = g.pixels();
        float[] x = new float[px.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (px[i] & 0xff) / 255f;
        }
        float[] p = gen.classify(x, g.count());
        int agree = 0;
        for (int i = 0; i < g.count(); i++) {
            int best = 0;
            for (int c = 1; c < 10; c++) {
                best = p[i * 10 + c] > p[i * 10 + best] ? c : best;
            }
            agree += best == category ? 1 : 0;
        }
        return agree;
    }

    @Test
    void qualityReportHasFloorBelowGeneratedDistance() {
        try (ImageGenerator gen = ImageGenerator.builder().bundle(trained.toBundle("t", "1")).attributeCheck(false)
                .build()) {
            QualityReport q = ImageQuality.evaluate(gen, small.slice(0, 1500), small.slice(1500, 3000), 40, 1L);
            assertThat(q.fidFloor()).isGreaterThanOrEqualTo(0);
            assertThat(q.fidFeature()).isGreaterThan(q.fidFloor());
            assertThat(q.generated()).isEqualTo(400);
            assertThat(q.classFidelity()).isBetween(0.0, 1.0);
            assertThat(q.diversity()).isGreaterThan(0);
        }
    }

    @Test
    void variationsStayCloserToTheReferenceThanFreshSamples() {
        try (ImageGenerator gen = ImageGenerator.builder().bundle(trained.toBundle("t", "1")).attributeCheck(false)
                .build()) {
            byte[] reference = gen.generate(4, 1, 99L).image(0);
            GeneratedImages near = gen.variations(4, 99L, 30, 0.1f, 5L);
            GeneratedImages fresh = gen.generate(4, 30, 5L);
            assertThat(meanDistance(near, reference)).isLessThan(meanDistance(fresh, reference));
            assertThat(gen.variations(4, 99L, 30, 0.1f, 5L)).isEqualTo(near);
            assertThatThrownBy(() -> gen.variations(4, 99L, 3, 0f, 5L)).hasMessageContaining("radius");
        }
    }

    private static double meanDistance(GeneratedImages g, byte[] reference) {
        double sum = 0;
        for (int i = 0; i < g.count(); i++) {
            byte[] px = g.image(i);
            for (int p = 0; p < px.length; p++) {
                sum += Math.abs((px[p] & 0xff) - (reference[p] & 0xff));
            }
        }
        return sum / g.count();
    }

    @Test
    void aGanBundleCannotEncodeARealReference() {
        assertThat(trained.architecture()).isEqualTo(ImageModelTrainer.Architecture.CGAN);
        assertThatThrownBy(trained::encoderOnnx).isInstanceOf(IllegalStateException.class);
        try (ImageGenerator gen = ImageGenerator.builder().bundle(trained.toBundle("t", "1")).build()) {
            assertThat(gen.canEncode()).isFalse();
            assertThatThrownBy(() -> gen.variationsOf(small.imageAsFloats(0), 0, 2, 0.5f, 1L))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("imagegen.cvae");
        }
    }

    @Test
    void aBundleOfAnotherKindIsAClearError() {
        ModelBundle other = trained.toBundle("t", "1").toBuilder().kind("demo.mlp").build();
        assertThatThrownBy(() -> ImageGenerator.builder().bundle(other).build())
                .isInstanceOf(RetailGenException.class).hasMessageContaining("imagegen.cgan");
        assertThatThrownBy(() -> ImageGenerator.builder().build()).hasMessageContaining("bundle was not set");
    }

    @Test
    void rejectsWrongSizes() {
        LabeledImages tiny = new LabeledImages(2, 2, new byte[4 * 100], new int[100]);
        assertThatThrownBy(() -> ImageModelTrainer.builder().build().train(tiny))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("28x28");
        assertThatThrownBy(() -> ImageModelTrainer.builder().width(1)).hasMessageContaining("width");
    }
}
