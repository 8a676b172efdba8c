package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fused pixel pass of {@link AssetPipeline} against the earlier pixel code ({@link ReferencePipeline}), and the
 * validator's {@link ColourCells} histogram against the earlier per-pixel histogram ({@link ReferenceValidator}).
 */
class StylingFastPathTest {
    private static final int[] EXTREMES = {0x000000, 0xFFFFFF, 0x020202, 0xFDFDFD, 0xFF0000, 0x00FF00, 0x0000FF};

    /** A random guide, source image and recipe, all from one seed. */
    private record Case(StyleGuide guide, byte[] grey, int width, int height, StyleRecipe recipe) {
    }

    private static Case randomCase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int outW = 16 + r.nextInt(300);
        int outH = 16 + r.nextInt(300);
        List<Integer> palette = new ArrayList<>();
        int colours = 2 + r.nextInt(3);
        for (int i = 0; i < colours; i++) {
            palette.add(r.nextInt(4) == 0 ? EXTREMES[r.nextInt(EXTREMES.length)] : r.nextInt(0x1000000));
        }
        StyleGuide.Background bg = StyleGuide.Background.values()[r.nextInt(3)];
        StyleGuide.Fit fit = r.nextBoolean() ? StyleGuide.Fit.PAD : StyleGuide.Fit.CROP;
        StyleGuide guide = new StyleGuide("random", List.of(new int[] {outW, outH}), List.of(new int[] {outW, outH}),
                palette, bg, r.nextDouble(0, 0.3), fit, 12);
        int w = 1 + r.nextInt(40);
        int h = 1 + r.nextInt(40);
        byte[] grey = new byte[w * h];
        int style = r.nextInt(3);
        for (int i = 0; i < grey.length; i++) {
            int v;
            if (style == 0) {
                v = r.nextInt(256); // noise: every threshold and level
            } else if (style == 1) {
                v = r.nextInt(3) == 0 ? 0 : 100 + r.nextInt(156); // product on empty ground
            } else {
                v = r.nextInt(6); // around the coverage threshold of 2.55
            }
            grey[i] = (byte) v;
        }
        String banner = r.nextInt(3) == 0 ? "Sale " + r.nextInt(100) : null;
        StyleRecipe recipe = new StyleRecipe(0, r.nextInt(colours), r.nextInt(colours), r.nextDouble(-3, 3),
                r.nextDouble(0.2, 5), r.nextDouble(-360, 360), r.nextDouble(), banner, Locale.UK);
        return new Case(guide, grey, w, h, recipe);
    }

    private static int maxChannelDifference(BufferedImage a, BufferedImage b) {
        int[] pa = StyleAndStoreTest.pixels(a);
        int[] pb = StyleAndStoreTest.pixels(b);
        assertThat(pa).hasSameSizeAs(pb);
        int worst = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int s = 0; s <= 16; s += 8) {
                worst = Math.max(worst, Math.abs(((pa[i] >> s) & 0xff) - ((pb[i] >> s) & 0xff)));
            }
        }
        return worst;
    }

    @Test
    void fusedPassEqualsTheReferenceWithinOneLevelPerChannel() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            Case c = randomCase(seed);
            AssetPipeline p = AssetPipeline.builder().guide(c.guide()).build();
            BufferedImage fused = p.render(c.grey(), c.width(), c.height(), c.recipe()).image();
            BufferedImage reference = ReferencePipeline.render(c.guide(), c.grey(), c.width(), c.height(),
                    c.recipe());
            assertThat(maxChannelDifference(fused, reference)).as("seed %d", seed).isLessThanOrEqualTo(1);
        });
    }

    @Test
    void benchmarkAssetMatchesTheReferenceAndPassesTheValidator() {
        byte[] shirt = new byte[28 * 28];
        for (int y = 3; y < 25; y++) {
            for (int x = 5; x < 23; x++) {
                shirt[y * 28 + x] = (byte) (120 + (x * 7 + y * 3) % 120);
            }
        }
        for (String background : List.of("solid", "gradient", "texture")) {
            for (String fit : List.of("pad", "crop")) {
                StyleGuide guide = StyleGuide.parse("{\"name\":\"bench\",\"sizes\":[[1024,1024],[1200,900]],"
                        + "\"aspect_ratios\":[\"1:1\",\"4:3\"],\"palette\":[\"#1B2A49\",\"#E30613\",\"#F5F1E8\"],"
                        + "\"background\":\"" + background + "\",\"margin\":0.06,\"fit\":\"" + fit + "\","
                        + "\"max_delta_e\":12}");
                AssetPipeline p = AssetPipeline.builder().guide(guide).build();
                for (int size = 0; size < 2; size++) {
                    StyleRecipe recipe = new StyleRecipe(size, 0, 2, 0.2, 1.1, 135, 0.3, "Spring sale", Locale.UK);
                    BufferedImage fused = p.render(shirt, 28, 28, recipe).image();
                    assertThat(maxChannelDifference(fused, ReferencePipeline.render(guide, shirt, 28, 28, recipe)))
                            .as("%s %s size %d", background, fit, size).isLessThanOrEqualTo(1);
                    assertThat(StyleValidator.validate(fused, guide)).as("%s %s", background, fit).isEmpty();
                }
            }
        }
    }

    @Test
    void validatorGivesTheReferenceResultOnEveryImageKind() {
        StyleGuide guide = StyleGuide.parse(StyleAndStoreTest.GUIDE);
        int[] types = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR};
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int w = 1 + r.nextInt(200);
            int h = 1 + r.nextInt(200);
            BufferedImage img = new BufferedImage(w, h, types[r.nextInt(types.length)]);
            // runs of a few colours, with small jitter, so that cells repeat, alternate and reach the 5% share
            int[] colours = new int[1 + r.nextInt(6)];
            for (int i = 0; i < colours.length; i++) {
                colours[i] = r.nextInt(0x1000000);
            }
            int jitter = r.nextInt(3) * 8;
            int change = r.nextBoolean() ? 20 : 2; // long runs, or a new colour every other pixel (noise rows)
            int c = colours[0];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (r.nextInt(change) == 0) {
                        c = colours[r.nextInt(colours.length)];
                    }
                    int p = c;
                    if (jitter > 0) {
                        int d = r.nextInt(jitter);
                        p = (Math.min(255, ((c >> 16) & 0xff) + d) << 16) | (Math.min(255, ((c >> 8) & 0xff) + d) << 8)
                                | Math.min(255, (c & 0xff) + d);
                    }
                    img.setRGB(x, y, 0xFF000000 | p);
                }
            }
            assertThat(StyleValidator.validate(img, guide)).as("seed %d", seed)
                    .isEqualTo(ReferenceValidator.validate(img, guide));
            if (w > 2 && h > 2) {
                BufferedImage sub = img.getSubimage(1, 1, w - 2, h - 2);
                assertThat(StyleValidator.validate(sub, guide)).isEqualTo(ReferenceValidator.validate(sub, guide));
            }
        });
    }

    @Test
    void colourCellsGiveTheSameCountsAndMeansWhateverTheFoldIntervalAndRowKind() {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int w = 1 + r.nextInt(300);
            int h = 1 + r.nextInt(80);
            int[] px = new int[w * h];
            int[] colours = {r.nextInt(0x1000000), r.nextInt(0x1000000), r.nextInt(0x1000000)};
            for (int y = 0; y < h; y++) {
                boolean noisy = r.nextInt(4) == 0;
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    px[i] = noisy ? colours[r.nextInt(3)] + r.nextInt(16) * 0x010101 & 0xFFFFFF
                            : x > 0 && r.nextInt(30) != 0 ? px[i - 1] : r.nextInt(0x1000000);
                }
            }
            long[] count = new long[ColourCells.CELLS];
            long[][] sum = new long[ColourCells.CELLS][3];
            for (int p : px) {
                int cell = ((p >> 20) & 0xf) << 8 | ((p >> 12) & 0xf) << 4 | ((p >> 4) & 0xf);
                count[cell]++;
                sum[cell][0] += (p >> 16) & 0xff;
                sum[cell][1] += (p >> 8) & 0xff;
                sum[cell][2] += p & 0xff;
            }
            for (long foldEvery : new long[] {1, 7, 1L << 24}) {
                ColourCells cells = new ColourCells(foldEvery);
                for (int y = 0; y < h; y++) {
                    cells.add(px, y * w, (y + 1) * w);
                }
                cells.fold();
                for (int c = 0; c < ColourCells.CELLS; c++) {
                    assertThat(cells.count(c)).as("seed %d cell %d", seed, c).isEqualTo(count[c]);
                    if (count[c] > 0) {
                        int mean = (int) (sum[c][0] / count[c]) << 16 | (int) (sum[c][1] / count[c]) << 8
                                | (int) (sum[c][2] / count[c]);
                        assertThat(cells.mean(c)).as("seed %d cell %d", seed, c).isEqualTo(mean);
                    }
                }
            }
        });
    }
}
