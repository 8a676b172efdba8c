package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.core.intercept.Severity;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background, lighting and crop variants of a synthetic studio photo (garment, skin patch, white sweep). */
class PhotoVariantsTest {
    private static final int NAVY = 0x1B2A49;
    private static final int CREAM = 0xE8E4DA;

    private static StyleGuide guide(StyleGuide.Background background, List<int[]> sizes, List<int[]> ratios) {
        return new StyleGuide("test", sizes, ratios, List.of(NAVY, CREAM), background, 0.05,
                StyleGuide.Fit.CROP, 12);
    }

    private static StyleGuide guide(StyleGuide.Background background) {
        return guide(background, List.of(new int[] {120, 100}), List.of(new int[] {6, 5}));
    }

    private static PhotoVariants variants(StyleGuide guide) {
        return PhotoVariants.of(AssetPipeline.builder().guide(guide).build());
    }

    private static BufferedImage photo() {
        return GarmentPhotos.photo(45, 20, -35, 15);
    }

    private static boolean foreground(int x, int y) {
        return GarmentPhotos.inGarment(x, y) || x >= 48 && x < 72 && y >= 3 && y < 24;
    }

    @Test
    void solidBackgroundReplacesTheStudioWhiteAndKeepsTheProduct() {
        BufferedImage in = photo();
        BufferedImage out = variants(guide(StyleGuide.Background.SOLID))
                .background(in, 0).image();
        assertThat(out.getWidth()).isEqualTo(in.getWidth());
        assertThat(out.getHeight()).isEqualTo(in.getHeight());
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                if (foreground(x, y)) {
                    assertThat(out.getRGB(x, y)).as("(%d, %d)", x, y).isEqualTo(in.getRGB(x, y));
                } else {
                    assertThat(Ciede2000.distance(out.getRGB(x, y) & 0xffffff, NAVY)).as("(%d, %d)", x, y)
                            .isLessThan(1.0);
                }
            }
        }
        // the validator sees the brand background as on palette; the garment and skin are the photo's own colours
        assertThat(StyleValidator.validate(out, guide(StyleGuide.Background.SOLID)))
                .allMatch(v -> v.startsWith("dominant colour") && !v.contains("#1B2A49"));
    }

    @Test
    void gradientRunsFromOnePaletteColourToTheNextAndTextureStaysNearItsColour() {
        BufferedImage in = photo();
        BufferedImage g = variants(guide(StyleGuide.Background.GRADIENT))
                .background(in, 0).image();
        assertThat(Ciede2000.distance(g.getRGB(2, 0) & 0xffffff, NAVY)).isLessThan(1.0);
        assertThat(Ciede2000.distance(g.getRGB(2, in.getHeight() - 1) & 0xffffff, CREAM)).isLessThan(1.0);
        BufferedImage t = variants(guide(StyleGuide.Background.TEXTURE))
                .background(in, 1).image();
        int distinct = (int) java.util.stream.IntStream.range(0, 20).map(x -> t.getRGB(x, 0)).distinct().count();
        assertThat(distinct).as("a texture, not a flat fill").isGreaterThan(2);
        for (int x = 0; x < 20; x++) {
            assertThat(Math.abs(((t.getRGB(x, 0) >> 8) & 0xff) - ((CREAM >> 8) & 0xff))).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void relightBrightensTheLitSideDarkensTheOtherAndKeepsHueAndBackground() {
        BufferedImage in = photo();
        PhotoVariants variants = variants(guide(StyleGuide.Background.SOLID));
        BufferedImage fromLeft = variants.relight(in, 0, 0.4).image();
        int y = 60;
        int left = GarmentPhotos.GARMENT_X0 + 1;
        int right = GarmentPhotos.GARMENT_X1 - 1;
        double[] before = Ciede2000.toLab(in.getRGB(left, y) & 0xffffff);
        double[] lit = Ciede2000.toLab(fromLeft.getRGB(left, y) & 0xffffff);
        double[] shaded = Ciede2000.toLab(fromLeft.getRGB(right, y) & 0xffffff);
        double[] beforeRight = Ciede2000.toLab(in.getRGB(right, y) & 0xffffff);
        assertThat(lit[0]).isGreaterThan(before[0] * 1.1);
        assertThat(shaded[0]).isLessThan(beforeRight[0] * 0.9);
        double hueBefore = Math.atan2(before[2], before[1]);
        assertThat(Math.abs(Math.atan2(lit[2], lit[1]) - hueBefore)).isLessThan(0.15);
        assertThat(fromLeft.getRGB(2, 2)).isEqualTo(in.getRGB(2, 2));
        BufferedImage fromRight = variants.relight(in, 180, 0.4).image();
        assertThat(GarmentPhotos.lightness(fromRight, right, y)).isGreaterThan(GarmentPhotos.lightness(fromLeft,
                right, y));
        assertThat(variants.relight(in, 0, 0).image().getRGB(0, 0, 120, 100, null, 0, 120))
                .as("strength 0 changes nothing").isEqualTo(in.getRGB(0, 0, 120, 100, null, 0, 120));
    }

    @Test
    void cropsHaveTheAspectRatioAndKeepTheWholeForeground() {
        BufferedImage in = photo();
        StyleGuide sized = guide(StyleGuide.Background.SOLID, List.of(new int[] {200, 200}, new int[] {160, 200},
                new int[] {320, 180}), List.of(new int[] {1, 1}, new int[] {4, 5}, new int[] {16, 9}));
        PhotoVariants variants = variants(sized);
        Map<PhotoVariants.Aspect, int[]> expected = Map.of(PhotoVariants.Aspect.SQUARE_1_1, new int[] {200, 200},
                PhotoVariants.Aspect.PORTRAIT_4_5, new int[] {160, 200}, PhotoVariants.Aspect.BANNER_16_9,
                new int[] {320, 180});
        for (PhotoVariants.Aspect aspect : PhotoVariants.Aspect.values()) {
            StyledAsset crop = variants.crop(in, aspect);
            BufferedImage out = crop.image();
            assertThat(new int[] {out.getWidth(), out.getHeight()}).as(aspect.ratio()).isEqualTo(expected.get(aspect));
            assertThat(StyleValidator.validate(out, sized)).as(aspect.ratio())
                    .noneMatch(v -> v.startsWith("size") || v.startsWith("aspect"));
            // the foreground's dark pixels all survive: none touches the crop's border, and the garment's share of
            // the crop matches its area scaled
            int[] box = darkBox(out);
            assertThat(box[0]).as(aspect.ratio() + " left").isGreaterThan(0);
            assertThat(box[1]).as(aspect.ratio() + " top").isGreaterThan(0);
            assertThat(box[2]).as(aspect.ratio() + " right").isLessThan(out.getWidth() - 1);
            assertThat(box[3]).as(aspect.ratio() + " bottom").isLessThan(out.getHeight() - 1);
            assertThat(crop.steps()).anyMatch(s -> s.startsWith("crop:" + aspect.ratio()));
        }
        StyledAsset unsized = variants(guide(StyleGuide.Background.SOLID))
                .crop(in, PhotoVariants.Aspect.BANNER_16_9);
        assertThat((double) unsized.image().getWidth() / unsized.image().getHeight()).isCloseTo(16 / 9.0,
                org.assertj.core.data.Offset.offset(0.02));
        // a banner of a tall photo: the window is far wider than the photo, the output no larger than the photo
        BufferedImage tall = new BufferedImage(60, 400, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 60; x++) {
                tall.setRGB(x, y, x >= 20 && x < 40 && y >= 10 && y < 390 ? 0x203080 : 0xfdfdfd);
            }
        }
        BufferedImage banner = variants(guide(StyleGuide.Background.SOLID)).crop(tall, PhotoVariants.Aspect.BANNER_16_9)
                .image();
        assertThat(Math.max(banner.getWidth(), banner.getHeight())).isLessThanOrEqualTo(400);
        assertThat((double) banner.getWidth() / banner.getHeight()).isCloseTo(16 / 9.0,
                org.assertj.core.data.Offset.offset(0.02));
        int[] dark = darkBox(banner);
        assertThat(dark[1]).as("product top inside").isGreaterThan(0);
        assertThat(dark[3]).as("product bottom inside").isLessThan(banner.getHeight() - 1);
    }

    /** Bounding box {x0, y0, x1, y1} (inclusive) of pixels darker than the studio. */
    private static int[] darkBox(BufferedImage img) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.min((p >> 16) & 0xff, Math.min((p >> 8) & 0xff, p & 0xff)) < 200) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }

    @Test
    void eachVariantIsOneInterceptedRequestAndABlockThrows() {
        ImageInterceptionTest.Recorder audit = new ImageInterceptionTest.Recorder();
        PhotoVariants variants = PhotoVariants.of(AssetPipeline.builder().guide(guide(StyleGuide.Background.SOLID))
                .interceptors(InterceptorChain.of(audit)).build());
        BufferedImage in = photo();
        variants.background(in, 0);
        variants.relight(in, 45, 0.3);
        variants.crop(in, PhotoVariants.Aspect.SQUARE_1_1);
        variants.recolor(in, GarmentPhotos.trueMask(), Swatch.hex("#f2d33c"));
        assertThat(audit.requests).extracting(r -> r.operation()).containsExactly("background", "relight", "crop",
                "recolor");
        assertThat(audit.requests).allSatisfy(r -> {
            assertThat(r.module()).isEqualTo("imagegen");
            assertThat(r.image()).isNotEmpty();
            assertThat(r.attributes()).containsEntry("image_format", "png").containsEntry("style_guide", "test");
        });
        PhotoVariants blocking = PhotoVariants.of(AssetPipeline.builder().guide(guide(StyleGuide.Background.SOLID))
                .interceptors(InterceptorChain.of(chain -> GenerationResponse.block(List.of(new Finding(0, 0, "brand-safety",
                        "image", Severity.HIGH, "blocked in test"))))).build());
        assertThatThrownBy(() -> blocking.background(in, 0)).isInstanceOf(BlockedOutputException.class)
                .hasMessageContaining("brand-safety");
    }

    @Test
    void badInputNamesTheProblem() {
        PhotoVariants variants = variants(guide(StyleGuide.Background.SOLID));
        BufferedImage white = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = white.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        assertThatThrownBy(() -> variants.background(white, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40x30").hasMessageContaining("all studio background");
        assertThatThrownBy(() -> variants.background(photo(), 2)).hasMessageContaining("palette index 2 not in 0..1");
        assertThatThrownBy(() -> variants.relight(photo(), 0, 1.5)).hasMessageContaining("[0, 1], was 1.5");
        assertThatThrownBy(() -> PhotoVariants.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void variantsCarryLineageIntoTheStoreAndWaitForReview(@TempDir Path dir) {
        AssetStore store = AssetStore.open(dir, Clock.systemUTC());
        ReviewQueue queue = new ReviewQueue(Clock.systemUTC());
        BufferedImage in = photo();
        String source = store.put("shirt-source", in, new Lineage("classical-segmenter", 0L, "file=shirt.png", null,
                List.of("read:srgb")));
        StyledAsset bg = variants(guide(StyleGuide.Background.SOLID)).background(in, 0);
        String id = store.put("shirt-background", bg.image(), new Lineage("classical-segmenter", 0L,
                "variant=background", source, bg.steps()));
        queue.submit(id, "vary");
        Lineage back = AssetStore.readLineage(store.read(id));
        assertThat(back.parentAsset()).isEqualTo(source);
        assertThat(back.steps()).anyMatch(s -> s.startsWith("mask:studio-white"))
                .anyMatch(s -> s.equals("background:solid:#1B2A49"));
        assertThat(queue.pending()).containsExactly(id);
        assertThatThrownBy(() -> store.publish(id, queue)).hasMessageContaining("PENDING");
    }
}
