package io.retailgen.imagegen;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Colourway variants of real product photos: recolour the sold item to a swatch and leave everything else as it was.
 *
 * <p>Works in CIE L*a*b*. The garment's median colour moves to the swatch; each pixel keeps its offset from that median
 * in a* and b*, and its offset in L* is scaled by {@code r^0.5}, where {@code r} is the ratio of target to garment
 * {@code L* + 16} (the cube root of relative luminance): a fold on black cloth grows deeper on yellow, as diffuse
 * shading does, where a plain shift of L* would leave it as faint as it was on black.
 * The mask edge is feathered over one pixel on each side (3x3 box) so the cut does not show.
 *
 * <pre>{@code
 * BufferedImage yellow = ImageVariations.recolor(photo, ProductSegmenter.segment(photo, null), Swatch.hex("#f2d33c"));
 * }</pre>
 *
 * <p>Stateless and safe for concurrent use.
 */
public final class ImageVariations {
    /**
     * How much of the change in {@code L* + 16} the folds follow: 1 keeps their lightness ratio (pure diffuse shading),
     * 0 shifts L* only. 0.5 scored best of 0, 0.5 and 1 on the dev half of the Luma colour pairs (sheen on dark cloth
     * does not scale with the cloth's colour).
     */
    static final double FOLD_CONTRAST_EXPONENT = 0.5;
    private static final double MIN_LIGHTNESS_RATIO = 0.2;
    private static final double MAX_LIGHTNESS_RATIO = 5;

    private ImageVariations() {
    }

    /**
     * @param photo the product photo (any {@link BufferedImage} type; alpha is dropped)
     * @param garment the pixels to recolour, same size as {@code photo}, at least one pixel
     * @param target the colour the garment should have
     * @return a new sRGB image ({@link BufferedImage#TYPE_INT_RGB}) of the same size
     * @throws IllegalArgumentException when the mask size differs from the photo or the mask is empty
     */
    public static BufferedImage recolor(BufferedImage photo, GarmentMask garment, Swatch target) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(garment, "garment mask");
        Objects.requireNonNull(target, "target swatch");
        garment.requireFits(photo, "nothing to recolour");
        int w = photo.getWidth();
        int h = photo.getHeight();
        int[] rgb = PhotoPixels.read(photo);
        byte[] weight = featheredWeights(garment, w, h);
        double[] from = LabHistogram.medianOf(rgb, garment);
        double foldScale = Math.max(MIN_LIGHTNESS_RATIO,
                Math.min(MAX_LIGHTNESS_RATIO, Math.pow((target.l() + 16) / Math.max(1, from[0] + 16), FOLD_CONTRAST_EXPONENT)));
        double[] lab = new double[3];
        // each distinct colour is recoloured once: the pass is a function of the pixel's colour alone
        ColourMemo recoloured = new ColourMemo(18, p -> {
            SrgbLab.toLab(p, lab, 0);
            double l = clamp(target.l() + (lab[0] - from[0]) * foldScale, 0, 100);
            return SrgbLab.toRgb(l, target.a() + lab[1] - from[1], target.b() + lab[2] - from[2]);
        });
        int[] out = rgb;
        for (int i = 0; i < rgb.length; i++) {
            int wt = weight[i];
            if (wt != 0) {
                int p = rgb[i];
                int q = recoloured.apply(p);
                out[i] = wt == 9 ? q : blend(p, q, wt);
            }
        }
        return PhotoPixels.toImage(out, w, h);
    }

    /** Ninths of garment in each pixel's 3x3 neighbourhood (edge pixels count outside neighbours as not garment). */
    private static byte[] featheredWeights(GarmentMask garment, int w, int h) {
        byte[] rows = new byte[w * h];
        boolean[] any = new boolean[h];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            int left = 0;
            int here = garment.at(base) ? 1 : 0;
            for (int x = 0; x < w; x++) {
                int right = x + 1 < w && garment.at(base + x + 1) ? 1 : 0;
                int c = left + here + right;
                rows[base + x] = (byte) c;
                any[y] |= c != 0;
                left = here;
                here = right;
            }
        }
        byte[] weight = new byte[w * h];
        for (int y = 0; y < h; y++) {
            boolean above = y > 0 && any[y - 1];
            boolean below = y + 1 < h && any[y + 1];
            if (!above && !any[y] && !below) {
                continue;
            }
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int c = rows[base + x];
                if (above) {
                    c += rows[base - w + x];
                }
                if (below) {
                    c += rows[base + w + x];
                }
                weight[base + x] = (byte) c;
            }
        }
        return weight;
    }

    private static int blend(int p, int q, int ninths) {
        int r = (((p >> 16) & 0xff) * (9 - ninths) + ((q >> 16) & 0xff) * ninths + 4) / 9;
        int g = (((p >> 8) & 0xff) * (9 - ninths) + ((q >> 8) & 0xff) * ninths + 4) / 9;
        int b = ((p & 0xff) * (9 - ninths) + (q & 0xff) * ninths + 4) / 9;
        return r << 16 | g << 8 | b;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
