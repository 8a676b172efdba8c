package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConditionalVaeTest {
    private static ImageModel trained;
    private static LabeledImages references;

    @BeforeAll
    static void trainTiny() {
        trained = ImageTrainer.builder().architecture(ImageTrainer.Architecture.CVAE).seed(5L).epochs(2)
                .classifierEpochs(1).width(8).latentDim(8).batchSize(64).build()
                .train(TestData.train().slice(0, 1280));
        references = TestData.test().slice(0, 30);
    }

    @Test
    void exportedEncoderAndDecoderEqualDjlWithin1e5() {
        assertThat(trained.exportMaxAbsDiff()).isLessThan(1e-5);
        assertThat(trained.architecture()).isEqualTo(ImageTrainer.Architecture.CVAE);
        assertThat(trained.encoderOnnx()).isNotEmpty();
        assertThat(trained.provenance().hyperParameters()).containsEntry("architecture", "cvae-upsample-conv");
        assertThat(trained.provenance().metrics()).containsKey("vae_seconds");
    }

    @Test
    void bundleRoundTripsWithItsEncoder(@TempDir Path dir) {
        trained.toBundle("vae-test", "1").saveTo(dir.resolve("m"));
        ModelBundle loaded = ModelBundle.load(dir.resolve("m"));
        assertThat(loaded.manifest().kind()).isEqualTo(ImageModel.KIND_VAE);
        assertThat(loaded.fileNames()).contains(ImageModel.ENCODER_FILE);
        try (ImageModel model = ImageModel.fromBundle(loaded);
                ImageGenerator gen = ImageGenerator.builder().model(model).attributeCheck(false).build()) {
            assertThat(gen.canEncode()).isTrue();
            assertThat(gen.spec()).isEqualTo(new ModelSpec(8, TestData.CATEGORIES, 28, 28));
            assertThat(gen.encode(references.imageAsFloats(0), 1, references.category(0))).hasSize(8);
            GeneratedImages a = gen.generate("pullover", 10, 3L);
            assertThat(a.count()).isEqualTo(10);
            assertThat(gen.generate("pullover", 10, 3L)).isEqualTo(a);
        }
    }

    @Test
    void variationsOfARealImageStayCloserToItThanFreshSamples() {
        try (ImageGenerator gen = generator()) {
            int better = 0;
            for (int r = 0; r < 10; r++) {
                float[] ref = references.imageAsFloats(r);
                String label = references.category(r);
                double near = meanDistance(gen.variationsOf(ref, label, 20, 0.3f, 9L), ref);
                double fresh = meanDistance(gen.generate(label, 20, 9L), ref);
                better += near < fresh ? 1 : 0;
            }
            assertThat(better).isGreaterThanOrEqualTo(8);
            float[] ref = references.imageAsFloats(0);
            assertThat(gen.variationsOf(ref, "trouser", 5, 0.5f, 4L))
                    .isEqualTo(gen.variationsOf(ref, "trouser", 5, 0.5f, 4L));
            assertThat(gen.variationsOf(ref, "trouser", 5, 0.5f, 4L).pixels())
                    .isNotEqualTo(gen.variationsOf(ref, "trouser", 5, 0.5f, 5L).pixels());
        }
    }

    @Test
    void aBufferedImageReferenceIsTheSameAsItsPixels() {
        try (ImageGenerator gen = generator()) {
            byte[] px = references.image(3);
            BufferedImage grey = GreyPng.toImage(px, 28, 28);
            assertThat(gen.variationsOf(grey, "pullover", 4, 0.5f, 1L))
                    .isEqualTo(gen.variationsOf(references.imageAsFloats(3), "pullover", 4, 0.5f, 1L));
        }
    }

    @Test
    void toPixelsAveragesAreasAndUsesLuminance() {
        BufferedImage rgb = new BufferedImage(56, 28, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 56; x++) {
                rgb.setRGB(x, y, x < 28 ? 0xFFFFFF : (x % 2 == 0 ? 0x000000 : 0xFF0000));
            }
        }
        float[] px = GreyPng.toPixels(rgb, 2, 1);
        assertThat(px[0]).isCloseTo(1f, within(1e-4f));
        assertThat(px[1]).isCloseTo(0.299f / 2, within(1e-4f));
    }

    @Test
    void badReferencesAreCallerMistakes() {
        try (ImageGenerator gen = generator()) {
            float[] ref = references.imageAsFloats(0);
            assertThatThrownBy(() -> gen.variationsOf(new float[10], "t-shirt", 3, 0.5f, 1L))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("784");
            float[] bad = ref.clone();
            bad[5] = 2f;
            assertThatThrownBy(() -> gen.variationsOf(bad, "t-shirt", 3, 0.5f, 1L))
                    .hasMessageContaining("[0, 1]");
            assertThatThrownBy(() -> gen.variationsOf(ref, "t-shirt", 3, 0f, 1L)).hasMessageContaining("radius");
            assertThatThrownBy(() -> gen.variationsOf(ref, "hat", 3, 0.5f, 1L)).hasMessageContaining("category");
        }
    }

    @Test
    void aVaeBundleWithoutItsEncoderIsAClearError() {
        ModelBundle noEncoder = ModelBundle.builder().kind(ImageModel.KIND_VAE).name("broken").version("1")
                .model(trained.generatorOnnx()).file(ImageModel.CLASSIFIER_FILE, trained.classifierOnnx())
                .file(ImageModel.SPEC_FILE, ImageModel.specJson(trained.spec()))
                .provenance(trained.provenance()).build();
        assertThatThrownBy(() -> ImageModel.fromBundle(noEncoder))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("encoder.onnx");
    }

    @Test
    void variationReportMeasuresAgreementAndDistance() {
        try (ImageGenerator gen = generator()) {
            VariationReport v = ImageQuality.variations(gen, references.slice(0, 12), 8, 0.3f, 2L);
            assertThat(v.references()).isEqualTo(12);
            assertThat(v.acceptance()).isEqualTo(1.0);
            assertThat(v.classAgreement()).isBetween(0.0, 1.0);
            assertThat(v.meanDistance()).isLessThan(v.freshDistance());
            assertThat(v.sameCategoryDistance()).isGreaterThan(0);
        }
    }

    private static ImageGenerator generator() {
        return ImageGenerator.builder().model(trained).attributeCheck(false).build();
    }

    private static double meanDistance(GeneratedImages g, float[] reference) {
        double sum = 0;
        for (int i = 0; i < g.count(); i++) {
            byte[] px = g.image(i);
            for (int p = 0; p < px.length; p++) {
                sum += Math.abs((px[p] & 0xff) / 255.0 - reference[p]);
            }
        }
        return sum / g.count() / reference.length;
    }
}
