package io.retailgen.imagegen;

/**
 * The studio background of a product photo and what stands on it (the model and the garments): the background is
 * {@link ProductSegmenter}'s near-white region connected to the border. Pixels on the boundary get a coverage from
 * their whiteness, so a new background can replace the white that anti-aliasing mixed into the edge.
 */
final class StudioMask {
    /** Whiteness (smallest channel) at and above which a boundary pixel counts as all background. */
    private static final int WHITE_FULL = 250;
    /** Whiteness at and below which a boundary pixel counts as all foreground. */
    private static final int WHITE_NONE = 185;
    /** A row or column counts towards the bounding box when it holds at least this share of foreground pixels. */
    private static final double BOX_SHARE = 0.002;

    final int width;
    final int height;
    /** Per pixel, how much of it is foreground, 0 (studio background) to 255 (product or person). */
    final byte[] coverage;
    final int foreground;
    /** The studio's own colour: the mean of the background pixels ({@code 0xffffff} when there are none). */
    final int studio;

    private StudioMask(int width, int height, byte[] coverage, int foreground, int studio) {
        this.width = width;
        this.height = height;
        this.coverage = coverage;
        this.foreground = foreground;
        this.studio = studio;
    }

    static StudioMask of(int[] rgb, int w, int h) {
        boolean[] background = ProductSegmenter.studioBackground(rgb, w, h);
        byte[] coverage = new byte[rgb.length];
        int foreground = 0;
        long r = 0;
        long g = 0;
        long b = 0;
        for (int i = 0; i < rgb.length; i++) {
            if (background[i]) {
                r += (rgb[i] >> 16) & 0xff;
                g += (rgb[i] >> 8) & 0xff;
                b += rgb[i] & 0xff;
            } else {
                coverage[i] = (byte) 255;
                foreground++;
            }
        }
        int n = rgb.length - foreground;
        int studio = n == 0 ? 0xffffff : (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (!background[i] && touchesBackground(background, x, y, w, h)) {
                    int p = rgb[i];
                    int white = Math.min((p >> 16) & 0xff, Math.min((p >> 8) & 0xff, p & 0xff));
                    double alpha = (WHITE_FULL - white) / (double) (WHITE_FULL - WHITE_NONE);
                    coverage[i] = (byte) Math.round(255 * Math.max(0, Math.min(1, alpha)));
                }
            }
        }
        return new StudioMask(w, h, coverage, foreground, studio);
    }

    private static boolean touchesBackground(boolean[] background, int x, int y, int w, int h) {
        return x > 0 && background[y * w + x - 1] || x < w - 1 && background[y * w + x + 1]
                || y > 0 && background[(y - 1) * w + x] || y < h - 1 && background[(y + 1) * w + x];
    }

    int coverage(int i) {
        return coverage[i] & 0xff;
    }

    /**
     * @return the foreground's bounding box {@code {x0, y0, x1, y1}} (exclusive ends): rows and columns holding at
     *     least 0.2% foreground pixels, so a stray speck on the sweep does not widen it; the whole photo when there is
     *     no foreground
     */
    int[] boundingBox() {
        int[] rows = new int[height];
        int[] cols = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (coverage[y * width + x] != 0) {
                    rows[y]++;
                    cols[x]++;
                }
            }
        }
        int minRow = Math.max(1, (int) Math.ceil(BOX_SHARE * width));
        int minCol = Math.max(1, (int) Math.ceil(BOX_SHARE * height));
        int y0 = first(rows, minRow);
        int x0 = first(cols, minCol);
        if (y0 < 0 || x0 < 0) {
            return new int[] {0, 0, width, height};
        }
        return new int[] {x0, y0, last(cols, minCol) + 1, last(rows, minRow) + 1};
    }

    private static int first(int[] counts, int min) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] >= min) {
                return i;
            }
        }
        return -1;
    }

    private static int last(int[] counts, int min) {
        for (int i = counts.length - 1; i >= 0; i--) {
            if (counts[i] >= min) {
                return i;
            }
        }
        return -1;
    }
}
