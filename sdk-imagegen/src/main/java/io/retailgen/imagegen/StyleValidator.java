package io.retailgen.imagegen;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks an image against a {@link StyleGuide}: exact allowed size, allowed aspect ratio, and every dominant colour
 * (a colour cell of 16 levels per channel holding at least 5% of the pixels, taken at its mean) within
 * {@link StyleGuide#maxDeltaE()} CIEDE2000 of the nearest palette colour.
 *
 * <pre>{@code
 * List<String> violations = StyleValidator.validate(asset.image(), guide);
 * }</pre>
 *
 * <p>Stateless and safe for concurrent use.
 */
public final class StyleValidator {
    private static final double DOMINANT_SHARE = 0.05;

    private StyleValidator() {
    }

    /**
     * @param image the image
     * @param guide the guide
     * @return the violations, each one sentence; empty when the image conforms
     */
    public static List<String> validate(BufferedImage image, StyleGuide guide) {
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
        int[] direct = image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferInt dbi
                && image.getRaster().getParent() == null ? dbi.getData() : null;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            if (direct == null) {
                image.getRGB(0, y, w, 1, row, 0, w);
            }
            for (int x = 0; x < w; x++) {
                int p = direct == null ? row[x] : direct[y * w + x];
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
