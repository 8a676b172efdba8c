package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The recolour pass reads pixels directly and recolours each distinct colour once; its output must equal, pixel for
 * pixel, the straightforward per-pixel pass (kept here as the reference), for every image layout and mask.
 */
class RecolourFastPathTest {

    @Test
    void sameAsThePerPixelPassOnNoisyPhotosOfEveryLayout() {
        SplittableRandom random = new SplittableRandom(5);
        int[] types = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_4BYTE_ABGR};
        for (int round = 0; round < 20; round++) {
            int w = 20 + random.nextInt(90);
            int h = 20 + random.nextInt(90);
            BufferedImage photo = new BufferedImage(w, h, types[round % types.length]);
            boolean[] flags = new boolean[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean garment = random.nextInt(4) > 0 && x > w / 5 && y > h / 6;
                    flags[y * w + x] = garment;
                    int base = garment ? 0x2a3f8c : 0xfcfcfc;
                    int noise = random.nextInt(24);
                    photo.setRGB(x, y, 0xff000000 | clampedAdd(base, noise - 12));
                }
            }
            flags[0] = true; // a garment pixel on the border
            GarmentMask mask = GarmentMask.of(w, h, flags);
            Swatch target = Swatch.lab(random.nextDouble() * 100, random.nextDouble() * 160 - 80,
                    random.nextDouble() * 160 - 80);
            BufferedImage fast = ImageVariations.recolor(photo, mask, target);
            int[] reference = referenceRecolour(photo, mask, target);
            assertThat(fast.getRGB(0, 0, w, h, null, 0, w)).as("round %d, type %d", round, photo.getType())
                    .containsExactly(opaque(reference));
        }
    }

    @Test
    void photosWithMoreColoursThanTheMemoHoldsAreStillExact() {
        int w = 640;
        int h = 480; // 307,200 distinct colours, more than the memo's 196,608 slots
        BufferedImage photo = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        boolean[] flags = new boolean[w * h];
        for (int i = 0; i < w * h; i++) {
            photo.setRGB(i % w, i / w, i * 53);
            flags[i] = true;
        }
        GarmentMask mask = GarmentMask.of(w, h, flags);
        Swatch target = Swatch.hex("#f2d33c");
        assertThat(ImageVariations.recolor(photo, mask, target).getRGB(0, 0, w, h, null, 0, w))
                .containsExactly(opaque(referenceRecolour(photo, mask, target)));
    }

    @Test
    void theMemoComputesEachDistinctColourOnce() {
        AtomicInteger calls = new AtomicInteger();
        ColourMemo memo = new ColourMemo(4, c -> {
            calls.incrementAndGet();
            return c + 1;
        });
        for (int round = 0; round < 5; round++) {
            for (int c = 0; c < 12; c++) {
                assertThat(memo.apply(c)).isEqualTo(c + 1);
            }
        }
        assertThat(calls).hasValue(12); // 12 of 16 slots: all stored
        for (int c = 100; c < 110; c++) {
            assertThat(memo.apply(c)).isEqualTo(c + 1); // full: computed, not stored, still right
        }
        assertThat(memo.apply(5)).isEqualTo(6);
        assertThat(calls).hasValue(22);
    }

    private static int clampedAdd(int rgb, int d) {
        int r = Math.max(0, Math.min(255, ((rgb >> 16) & 0xff) + d));
        int g = Math.max(0, Math.min(255, ((rgb >> 8) & 0xff) + d / 2));
        int b = Math.max(0, Math.min(255, (rgb & 0xff) - d));
        return r << 16 | g << 8 | b;
    }

    private static int[] opaque(int[] rgb) {
        int[] out = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = 0xff000000 | rgb[i];
        }
        return out;
    }

    /** The per-pixel recolour pass as it was first written: getRGB, Lab per pixel, setRGB. */
    static int[] referenceRecolour(BufferedImage photo, GarmentMask garment, Swatch target) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        int[] rgb = photo.getRGB(0, 0, w, h, null, 0, w);
        LabHistogram histogram = new LabHistogram();
        double[] lab = new double[3];
        for (int i = 0; i < rgb.length; i++) {
            if (garment.at(i)) {
                SrgbLab.toLab(rgb[i], lab, 0);
                histogram.add(lab);
            }
        }
        double[] from = histogram.median();
        double foldScale = Math.max(0.2, Math.min(5, Math.pow((target.l() + 16) / Math.max(1, from[0] + 16),
                ImageVariations.FOLD_CONTRAST_EXPONENT)));
        int[] out = new int[rgb.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int wt = 0;
                for (int dy = Math.max(0, y - 1); dy <= Math.min(h - 1, y + 1); dy++) {
                    for (int dx = Math.max(0, x - 1); dx <= Math.min(w - 1, x + 1); dx++) {
                        wt += garment.at(dy * w + dx) ? 1 : 0;
                    }
                }
                int i = y * w + x;
                int p = rgb[i] & 0xffffff;
                if (wt == 0) {
                    out[i] = p;
                    continue;
                }
                SrgbLab.toLab(p, lab, 0);
                double l = Math.max(0, Math.min(100, target.l() + (lab[0] - from[0]) * foldScale));
                int q = SrgbLab.toRgb(l, target.a() + lab[1] - from[1], target.b() + lab[2] - from[2]);
                if (wt == 9) {
                    out[i] = q;
                } else {
                    int r = (((p >> 16) & 0xff) * (9 - wt) + ((q >> 16) & 0xff) * wt + 4) / 9;
                    int g = (((p >> 8) & 0xff) * (9 - wt) + ((q >> 8) & 0xff) * wt + 4) / 9;
                    int b = ((p & 0xff) * (9 - wt) + (q & 0xff) * wt + 4) / 9;
                    out[i] = r << 16 | g << 8 | b;
                }
            }
        }
        return out;
    }
}
