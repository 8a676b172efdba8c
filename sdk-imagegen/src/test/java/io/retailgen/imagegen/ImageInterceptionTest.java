package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.Interceptor;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.core.intercept.Severity;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every public generating call of sdk-imagegen passes the interceptor chain exactly once. */
class ImageInterceptionTest {
    private static ImageModel model;

    /** Records every request and lets it through unchanged. */
    static final class Recorder implements Interceptor {
        final List<GenerationRequest> requests = Collections.synchronizedList(new ArrayList<>());

        @Override
        public GenerationResponse intercept(Chain chain) {
            requests.add(chain.request());
            return chain.proceed(chain.request());
        }
    }

    @BeforeAll
    static void train() {
        model = TinyModels.gan();
    }

    @Test
    void eachGenerationCallIsOneRequestWithTheImagesAndTheModel() throws Exception {
        Recorder audit = new Recorder();
        try (ImageGenerator gen = ImageGenerator.builder().model(model).attributeCheck(false)
                .interceptors(InterceptorChain.of(audit)).build()) {
            GeneratedImages g = gen.generate("sneaker", 70, 4L);
            assertThat(audit.requests).hasSize(1);
            GenerationRequest r = audit.requests.get(0);
            assertThat(r.module()).isEqualTo("imagegen");
            assertThat(r.operation()).isEqualTo("generate");
            BufferedImage strip = ImageIO.read(new ByteArrayInputStream(r.image()));
            assertThat(strip.getWidth()).isEqualTo(28);
            assertThat(strip.getHeight()).isEqualTo(70 * 28);
            assertThat(GreyPng.toPixels(strip, 28, 70 * 28)).isEqualTo(pixelsAsFloats(g));
            assertThat(r.modelName()).isEqualTo(ImageModel.UNSAVED_NAME);
            assertThat(r.modelVersion()).isEqualTo(ImageModel.UNSAVED_VERSION);
            assertThat(r.text()).as("generated images carry no text").isNull();
            assertThat(r.attributes()).containsEntry("image_format", "png").containsEntry("image_count", "70")
                    .containsEntry("image_layout", "vertical-strip")
                    .containsEntry("image_width", "28").containsEntry("category", "sneaker")
                    .containsEntry("seed", "4").containsEntry("rejected", "0");

            gen.variations("bag", 1L, 3, 0.2f, 2L);
            assertThat(audit.requests).hasSize(2);
            assertThat(audit.requests.get(1).operation()).isEqualTo("variations");

            // reading the model is not generating: no request
            float[] x = new float[28 * 28];
            gen.classify(x, 1);
            gen.features(x, 1);
            gen.spec();
            assertThat(audit.requests).hasSize(2);
        }
    }

    private static float[] pixelsAsFloats(GeneratedImages g) {
        byte[] px = g.pixels();
        float[] x = new float[px.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (px[i] & 0xff) / 255f;
        }
        return x;
    }

    @Test
    void aBlockedGenerationThrowsNamingTheRuleAndReturnsNothing() {
        Interceptor noBags = c -> "bag".equals(c.request().attribute("category"))
                ? GenerationResponse.block(List.of(Finding.whole("catalog.discontinued", "catalog", Severity.HIGH,
                        "bags are discontinued")))
                : c.proceed(c.request());
        try (ImageGenerator gen = ImageGenerator.builder().model(model).attributeCheck(false)
                .interceptors(InterceptorChain.of(noBags)).build()) {
            assertThat(gen.generate("coat", 2, 1L).count()).isEqualTo(2);
            assertThatThrownBy(() -> gen.generate("bag", 2, 1L)).isInstanceOf(BlockedOutputException.class)
                    .hasMessageContaining("catalog.discontinued").hasMessageContaining("generate");
        }
    }

    @Test
    void eachRenderIsOneRequestWithTheFinishedPngAndItsBanner() throws Exception {
        Recorder audit = new Recorder();
        AssetPipeline pipeline = AssetPipeline.builder().guide(StyleGuide.parse(StyleAndStoreTest.GUIDE))
                .interceptors(InterceptorChain.of(audit)).build();
        StyledAsset plain = pipeline.render(StyleAndStoreTest.shirt(), 28, 28, StyleRecipe.simple(0, 2));
        assertThat(audit.requests).hasSize(1);
        GenerationRequest r = audit.requests.get(0);
        assertThat(r.operation()).isEqualTo("render");
        assertThat(r.text()).isNull();
        BufferedImage seen = ImageIO.read(new ByteArrayInputStream(r.image()));
        assertThat(seen.getWidth()).isEqualTo(plain.image().getWidth());
        assertThat(seen.getRGB(128, 128)).isEqualTo(plain.image().getRGB(128, 128));

        GeneratedImages batch;
        try (ImageGenerator gen = ImageGenerator.builder().model(model).attributeCheck(false).build()) {
            batch = gen.generate("dress", 1, 8L);
        }
        StyledAsset styled = pipeline.render(batch, 0, StyleRecipe.simple(1, 0).withBanner("New in", Locale.UK));
        assertThat(audit.requests).hasSize(2);
        GenerationRequest withBanner = audit.requests.get(1);
        assertThat(withBanner.text()).isEqualTo("New in");
        assertThat(withBanner.locale()).isEqualTo(Locale.UK);
        assertThat(withBanner.modelName()).isEqualTo(ImageModel.UNSAVED_NAME);
        assertThat(withBanner.attribute("seed")).isEqualTo("8");
        assertThat(styled.bannerText()).isEqualTo("New in");

        Map<String, StyledAsset> regions = RegionalVariants.render(pipeline, StyleAndStoreTest.shirt(), 28, 28,
                StyleRecipe.simple(0, 1), List.of(
                        new RegionalVariants.Rule("de", Locale.GERMANY, List.of(0x003366, 0xFFFFFF), "Neu"),
                        new RegionalVariants.Rule("fr", Locale.FRANCE, List.of(0x660033, 0xFFFFFF), "Nouveau")));
        assertThat(regions).hasSize(2);
        assertThat(audit.requests).hasSize(4);
        assertThat(audit.requests.subList(2, 4)).extracting(GenerationRequest::text).containsExactly("Neu", "Nouveau");
    }

    @Test
    void aRedactedBannerIsTheBannerThatIsDrawn() {
        Interceptor redactPhone = c -> {
            String t = c.request().text();
            if (t == null || !t.contains("0800")) {
                return c.proceed(c.request());
            }
            GenerationResponse inner = c.proceed(c.request());
            return GenerationResponse.redact(t.replaceAll("0800 ?\\d+", "[phone]"), List.of(new Finding(
                    t.indexOf("0800"), t.length(), "pii.phone", "pii", Severity.MEDIUM, "phone number")))
                    .withAttribute("inner", inner.verdict().name());
        };
        StyleGuide guide = StyleGuide.parse(StyleAndStoreTest.GUIDE);
        AssetPipeline pipeline = AssetPipeline.builder().guide(guide).interceptors(InterceptorChain.of(redactPhone))
                .build();
        StyleRecipe recipe = StyleRecipe.simple(1, 0).withBanner("Call 0800 123456", Locale.UK);
        StyledAsset asset = pipeline.render(StyleAndStoreTest.shirt(), 28, 28, recipe);
        assertThat(asset.bannerText()).isEqualTo("Call [phone]");
        assertThat(asset.findings()).extracting(Finding::ruleId).containsExactly("pii.phone");
        assertThat(asset.steps()).contains("banner:en-GB:Call [phone]").noneMatch(s -> s.contains("0800"));
        BufferedImage expected = AssetPipeline.builder().guide(guide).build().render(StyleAndStoreTest.shirt(), 28,
                28, StyleRecipe.simple(1, 0).withBanner("Call [phone]", Locale.UK)).image();
        BufferedImage unredacted = AssetPipeline.builder().guide(guide).build().render(StyleAndStoreTest.shirt(), 28,
                28, recipe).image();
        assertThat(StyleAndStoreTest.pixels(asset.image())).isEqualTo(StyleAndStoreTest.pixels(expected))
                .isNotEqualTo(StyleAndStoreTest.pixels(unredacted));
    }
}
