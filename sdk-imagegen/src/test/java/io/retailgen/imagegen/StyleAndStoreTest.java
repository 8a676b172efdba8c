package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.core.intercept.Severity;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StyleAndStoreTest {
    static final String GUIDE = """
            {"name": "acme", "sizes": [[256, 256], [320, 240]], "aspect_ratios": ["1:1", "4:3"],
             "palette": ["#1B2A49", "#E30613", "#F5F1E8"], "background": "gradient", "margin": 0.08,
             "fit": "pad", "max_delta_e": 12}""";

    static byte[] shirt() {
        byte[] g = new byte[28 * 28];
        for (int y = 4; y < 24; y++) {
            for (int x = 6; x < 22; x++) {
                g[y * 28 + x] = (byte) 230;
            }
        }
        return g;
    }

    @Test
    void ciede2000MatchesPublishedPairs() {
        // Sharma, Wu, Dalal (2005) test data, pairs 1 and 17
        assertThat(Ciede2000.distance(new double[] {50, 2.6772, -79.7751}, new double[] {50, 0, -82.7485}))
                .isCloseTo(2.0425, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Ciede2000.distance(new double[] {50, 2.5, 0}, new double[] {73, 25, -18}))
                .isCloseTo(27.1492, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Ciede2000.distance(0x123456, 0x123456)).isZero();
    }

    @Test
    void selfContradictoryGuidesAreRejected() {
        assertThatThrownBy(() -> StyleGuide.parse(GUIDE.replace("\"4:3\"", "\"16:9\"")))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("self-contradictory")
                .hasMessageContaining("320x240");
        assertThatThrownBy(() -> StyleGuide.parse(GUIDE.replace("\"#E30613\"", "\"red\"")))
                .hasMessageContaining("'red'");
        assertThatThrownBy(() -> StyleGuide.parse(GUIDE.replace("0.08", "0.6"))).hasMessageContaining("margin");
        assertThatThrownBy(() -> StyleGuide.parse("{")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> StyleGuide.parse(GUIDE.replace("gradient", "plaid")))
                .hasMessageContaining("plaid");
    }

    @Test
    void aStyleGuideFileWithAByteOrderMarkIsReadAndAnOversizedOneRefusedUnread(@TempDir Path dir) throws Exception {
        Path bom = Files.writeString(dir.resolve("bom.json"), "\uFEFF" + GUIDE);
        assertThat(StyleGuide.read(bom).name()).isEqualTo(StyleGuide.parse(GUIDE).name());
        assertThat(StyleGuide.read(bom).palette()).isEqualTo(StyleGuide.parse(GUIDE).palette());
        Path big = dir.resolve("big.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: 3 GiB claimed, nothing read
        }
        assertThatThrownBy(() -> StyleGuide.read(big)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("3,221,225,472 bytes").hasMessageContaining("over the limit");
    }

    @Test
    void pipelineIsDeterministicAndPassesItsOwnValidator() {
        StyleGuide guide = StyleGuide.parse(GUIDE);
        AssetPipeline p = AssetPipeline.builder().guide(guide).build();
        qt().withExamples(12).forAll(integers().between(0, 2), integers().between(0, 1)).checkAssert((colour, size) -> {
            StyleRecipe r = new StyleRecipe(size, colour, (colour + 1) % 3, 0.3, 1.2, 45, 0.3, null, Locale.ROOT);
            StyledAsset a = p.render(shirt(), 28, 28, r);
            StyledAsset b = p.render(shirt(), 28, 28, r);
            assertThat(pixels(a.image())).isEqualTo(pixels(b.image()));
            assertThat(StyleValidator.validate(a.image(), guide)).isEmpty();
            assertThat(a.steps()).anyMatch(s -> s.startsWith("recolour:"));
        });
    }

    @Test
    void validatorReportsSizeAspectAndOffPaletteColours() {
        StyleGuide guide = StyleGuide.parse(GUIDE);
        BufferedImage green = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 300; x++) {
                green.setRGB(x, y, 0x00AA00);
            }
        }
        List<String> v = StyleValidator.validate(green, guide);
        assertThat(v).hasSize(3);
        assertThat(v.get(0)).contains("size 300x100");
        assertThat(v.get(1)).contains("aspect ratio");
        assertThat(v.get(2)).contains("#00AA00");
    }

    @Test
    void bannerTextPassesInterceptorsAndABlockThrowsNamingTheRule() {
        StyleGuide guide = StyleGuide.parse(GUIDE);
        InterceptorChain chain = InterceptorChain.of(c -> c.request().text() != null
                && c.request().text().contains("free")
                ? GenerationResponse.block(List.of(Finding.whole("claim", "policy", Severity.HIGH, "no 'free'")))
                : c.proceed(c.request().text() == null ? c.request()
                        : c.request().withText(c.request().text().trim())));
        AssetPipeline p = AssetPipeline.builder().guide(guide).interceptors(chain).build();
        StyledAsset ok = p.render(shirt(), 28, 28, StyleRecipe.simple(1, 0).withBanner("  Sale  ", Locale.UK));
        StyledAsset none = p.render(shirt(), 28, 28, StyleRecipe.simple(1, 0));
        assertThatThrownBy(() -> p.render(shirt(), 28, 28, StyleRecipe.simple(1, 0).withBanner("free gift",
                Locale.UK))).isInstanceOfSatisfying(BlockedOutputException.class, e -> {
                    assertThat(e.ruleIds()).containsExactly("claim");
                    assertThat(e.operation()).isEqualTo("render");
                }).hasMessageContaining("claim");
        assertThat(ok.bannerText()).isEqualTo("Sale");
        assertThat(ok.steps()).contains("banner:en-GB:Sale");
        assertThat(none.bannerText()).isNull();
        assertThat(pixels(ok.image())).isNotEqualTo(pixels(none.image()));
        // the rewritten banner is the one drawn: the same pixels as asking for "Sale" without interceptors
        StyledAsset plain = AssetPipeline.builder().guide(guide).build().render(shirt(), 28, 28,
                StyleRecipe.simple(1, 0).withBanner("Sale", Locale.UK));
        assertThat(pixels(ok.image())).isEqualTo(pixels(plain.image()));
    }

    @Test
    void regionalVariantsUseTheirPalettes() {
        AssetPipeline p = AssetPipeline.builder().guide(StyleGuide.parse(GUIDE)).build();
        Map<String, StyledAsset> v = RegionalVariants.render(p, shirt(), 28, 28, StyleRecipe.simple(0, 1), List.of(
                new RegionalVariants.Rule("de", Locale.GERMANY, List.of(0x003366, 0xFFFFFF), "Neu"),
                new RegionalVariants.Rule("fr", Locale.FRANCE, List.of(0x660033, 0xFFFFFF), "Nouveau")));
        assertThat(v.keySet()).containsExactly("de", "fr");
        assertThat(v.get("de").steps()).contains("recolour:#003366");
        assertThat(v.get("fr").bannerText()).isEqualTo("Nouveau");
    }

    @Test
    void storeKeepsLineageHistoryRollbackAndOnlyPublishesApproved(@TempDir Path dir) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        AssetStore store = AssetStore.open(dir.resolve("s"), clock);
        AssetPipeline p = AssetPipeline.builder().guide(StyleGuide.parse(GUIDE)).build();
        StyledAsset a = p.render(shirt(), 28, 28, StyleRecipe.simple(0, 2));
        StyledAsset b = p.render(shirt(), 28, 28, StyleRecipe.simple(1, 2));
        Lineage la = new Lineage("fashion@1", 7, "category=6 région=fr", null, a.steps());
        String id1 = store.put("sku-1", a.image(), la);
        String id2 = store.put("sku-1", b.image(), new Lineage("fashion@1", 8, "v2", id1, b.steps()));
        assertThat(id1).hasSize(64).isNotEqualTo(id2);
        assertThat(AssetStore.sha256(store.read(id1))).isEqualTo(id1);
        assertThat(store.lineage(id1)).isEqualTo(la);
        assertThat(store.lineage(id2).parentAsset()).isEqualTo(id1);
        assertThat(Files.readString(dir.resolve("s/objects/" + id1 + ".json"))).contains("fashion@1");
        assertThat(store.history("sku-1")).containsExactly(id1, id2);
        assertThat(store.current("sku-1")).isEqualTo(id2);
        assertThat(store.rollback("sku-1")).isEqualTo(id1);
        assertThat(store.current("sku-1")).isEqualTo(id1);
        assertThatThrownBy(() -> store.rollback("sku-1")).isInstanceOf(IllegalStateException.class);

        ReviewQueue q = new ReviewQueue(clock);
        assertThatThrownBy(() -> store.publish(id1, q)).hasMessageContaining("not submitted");
        q.submit(id1, "spring");
        assertThatThrownBy(() -> store.publish(id1, q)).hasMessageContaining("PENDING");
        q.decide(id1, ReviewQueue.Status.APPROVED, "maria", "on brand");
        store.publish(id1, q);
        q.submit(id2, "spring");
        q.decide(id2, ReviewQueue.Status.CHANGES_REQUESTED, "maria", "too dark");
        assertThatThrownBy(() -> store.publish(id2, q)).hasMessageContaining("CHANGES_REQUESTED");
        assertThatThrownBy(() -> store.exportDam(List.of(id1, id2), dir.resolve("dam"), q))
                .isInstanceOf(IllegalStateException.class);
        Path manifest = store.exportDam(List.of(id1), dir.resolve("dam2"), q);
        assertThat(Files.readString(manifest)).contains(id1).contains("maria").contains("APPROVED");
        assertThat(dir.resolve("dam2/" + id1 + ".png")).exists();
        assertThat(store.auditTrail()).anyMatch(l -> l.contains("\"publish\"")).anyMatch(l -> l.contains("rollback"));
    }

    @Test
    void aFailureInABatchLeavesStoredAssetsIntact(@TempDir Path dir) {
        AssetStore store = AssetStore.open(dir, Clock.systemUTC());
        AssetPipeline p = AssetPipeline.builder().guide(StyleGuide.parse(GUIDE)).build();
        String id = store.put("sku-1", p.render(shirt(), 28, 28, StyleRecipe.simple(0, 2)).image(),
                new Lineage("m@1", 1, "r", null, List.of()));
        assertThatThrownBy(() -> store.put("bad key!", p.render(shirt(), 28, 28, StyleRecipe.simple(1, 2)).image(),
                new Lineage("m@1", 2, "r", null, List.of()))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.read(id)).isNotEmpty();
        assertThat(store.history("sku-1")).containsExactly(id);
    }

    @Test
    void greyPngKeepsExactPixelValues() throws Exception {
        byte[] px = new byte[28 * 28];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) i;
        }
        BufferedImage back = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(GreyPng.encode(px, 28, 28)));
        byte[] read = new byte[px.length];
        back.getRaster().getDataElements(0, 0, 28, 28, read);
        assertThat(read).isEqualTo(px);
    }

    @Test
    void frechetDistanceOfIdenticalSetsIsZeroAndGrowsWithShift() {
        float[] a = new float[200 * 3];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        float[] b = a.clone();
        for (int i = 0; i < 200; i++) {
            b[i * 3] += 2;
        }
        Frechet.Stats sa = Frechet.stats(a, 200, 3);
        assertThat(Frechet.distance(sa, sa)).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Frechet.distance(sa, Frechet.stats(b, 200, 3))).isCloseTo(4, org.assertj.core.data.Offset.offset(1e-6));
    }

    static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
