package io.retailgen.imagegen;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The earlier {@link StyleValidator}: one histogram update per pixel, read through {@code getRGB}. */
final class ReferenceValidator {
    private static final double DOMINANT_SHARE = 0.05;

    private ReferenceValidator() {
    }

    static List<String> validate(BufferedImage image, StyleGuide guide) {
        Objects.requireNonNull(image, "image == null");
        Objects.requireNonNull(guide, "guide == null");
        List<String> v = new ArrayList<>();
        int w = image.getWidth();
        int h = image.getHeight();
        if (!guide.sizeAllowed(w, h)) {
            v.add("size " + w + "x" + h + " is not an allowed size of guide '" + guide.name() + "'");
        }
        if (!guide.aspectAllowed(w, h)) {
            v.add(String.format(Locale.ROOT, "aspect ratio %.3f (%dx%d) is not allowed by guide '%s'",
                    (double) w / h, w, h, guide.name()));
        }
        long[] count = new long[4096];
        long[] sum = new long[4096 * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                int cell = (r >> 4) << 8 | (g >> 4) << 4 | (b >> 4);
                count[cell]++;
                sum[cell * 3] += r;
                sum[cell * 3 + 1] += g;
                sum[cell * 3 + 2] += b;
            }
        }
        long total = (long) w * h;
        for (int c = 0; c < count.length; c++) {
            if (count[c] >= DOMINANT_SHARE * total) {
                int r = (int) (sum[c * 3] / count[c]);
                int g = (int) (sum[c * 3 + 1] / count[c]);
                int b = (int) (sum[c * 3 + 2] / count[c]);
                int rgb = (r << 16) | (g << 8) | b;
                double d = guide.paletteDistance(rgb);
                if (d > guide.maxDeltaE()) {
                    v.add(String.format(Locale.ROOT, "dominant colour #%06X (%.1f%% of pixels) is %.1f CIEDE2000 "
                            + "from the palette (allowed %.1f)", rgb, 100.0 * count[c] / total, d,
                            guide.maxDeltaE()));
                }
            }
        }
        return v;
    }
}
