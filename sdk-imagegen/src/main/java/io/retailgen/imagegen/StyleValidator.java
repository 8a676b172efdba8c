package io.retailgen.imagegen;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
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
        ColourCells cells = new ColourCells();
        int[] direct = directPixels(image);
        if (direct != null) {
            for (int y = 0; y < h; y++) {
                cells.add(direct, y * w, (y + 1) * w);
            }
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                cells.add(row, 0, w);
            }
        }
        cells.fold();
        long total = (long) w * h;
        for (int c = 0; c < ColourCells.CELLS; c++) {
            long n = cells.count(c);
            if (n > 0 && n >= DOMINANT_SHARE * total) {
                int rgb = cells.mean(c);
                double d = guide.paletteDistance(rgb);
                if (d > guide.maxDeltaE()) {
                    v.add(String.format(Locale.ROOT, "dominant colour #%06X (%.1f%% of pixels) is %.1f CIEDE2000 "
                            + "from the palette (allowed %.1f)", rgb, 100.0 * n / total, d, guide.maxDeltaE()));
                }
            }
        }
        return v;
    }

    /**
     * @return the pixel array of an unshared {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image (one int per pixel,
     *     row after row, the colour in the low 24 bits as {@code getRGB} gives it), or null for other images
     */
    private static int[] directPixels(BufferedImage image) {
        int type = image.getType();
        if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && image.getRaster().getParent() == null
                && image.getRaster().getDataBuffer() instanceof DataBufferInt dbi
                && dbi.getNumBanks() == 1 && dbi.getOffset() == 0
                && dbi.getSize() == image.getWidth() * image.getHeight()) {
            return dbi.getData();
        }
        return null;
    }
}
