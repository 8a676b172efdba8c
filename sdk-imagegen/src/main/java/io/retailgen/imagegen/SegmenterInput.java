package io.retailgen.imagegen;

/**
 * What the segmenter network sees: the photo shrunk to {@value #WIDTH}x{@value #HEIGHT} by averaging the pixels of
 * each cell, as {@value #CHANNELS} planes: red, green and blue in [0, 1]; how close each cell is to the product's
 * stated colour ({@code max(0, 1 - ΔE76 / }{@value #CLOSENESS_RANGE}{@code )} in CIE L*a*b*); and a plane of ones
 * when a colour was stated (zeros otherwise, with a zero closeness plane). Photos of another aspect ratio are
 * stretched.
 */
final class SegmenterInput {
    static final int WIDTH = 128;
    static final int HEIGHT = 160;
    static final int CHANNELS = 5;
    static final int CELLS = WIDTH * HEIGHT;
    static final double CLOSENESS_RANGE = 40;

    private SegmenterInput() {
    }

    /**
     * @param rgb the photo's pixels, row-major
     * @param w photo width
     * @param h photo height
     * @return {@value #WIDTH}x{@value #HEIGHT} packed RGB, each the mean of the photo pixels its cell covers
     */
    static int[] shrink(int[] rgb, int w, int h) {
        int[] col = cellStarts(w, WIDTH);
        int[] row = cellStarts(h, HEIGHT);
        long[] sums = new long[3 * CELLS];
        int[] counts = new int[CELLS];
        int[] cellOfX = new int[w];
        for (int c = 0; c < WIDTH; c++) {
            for (int x = col[c]; x < col[c + 1]; x++) {
                cellOfX[x] = c;
            }
        }
        for (int r = 0; r < HEIGHT; r++) {
            for (int y = row[r]; y < row[r + 1]; y++) {
                int base = r * WIDTH;
                int at = y * w;
                for (int x = 0; x < w; x++) {
                    int p = rgb[at + x];
                    int cell = base + cellOfX[x];
                    sums[3 * cell] += (p >> 16) & 0xff;
                    sums[3 * cell + 1] += (p >> 8) & 0xff;
                    sums[3 * cell + 2] += p & 0xff;
                    counts[cell]++;
                }
            }
        }
        int[] out = new int[CELLS];
        for (int r = 0; r < HEIGHT; r++) {
            for (int c = 0; c < WIDTH; c++) {
                int cell = r * WIDTH + c;
                if (counts[cell] == 0) { // photo smaller than the grid: nearest pixel
                    out[cell] = rgb[Math.min(h - 1, r * h / HEIGHT) * w + Math.min(w - 1, c * w / WIDTH)] & 0xffffff;
                } else {
                    long n = counts[cell];
                    int red = (int) ((sums[3 * cell] + n / 2) / n);
                    int green = (int) ((sums[3 * cell + 1] + n / 2) / n);
                    int blue = (int) ((sums[3 * cell + 2] + n / 2) / n);
                    out[cell] = red << 16 | green << 8 | blue;
                }
            }
        }
        return out;
    }

    /** Cell {@code i} covers {@code [starts[i], starts[i + 1])}; empty cells when the side is shorter than the grid. */
    private static int[] cellStarts(int side, int cells) {
        int[] starts = new int[cells + 1];
        for (int i = 0; i <= cells; i++) {
            starts[i] = (int) ((long) i * side / cells);
        }
        return starts;
    }

    /**
     * @param cells {@value #CELLS} packed RGB cells from {@link #shrink}
     * @param stated the product's stated colour, or {@code null}
     * @return the {@value #CHANNELS} planes, channel-major ({@code [5, 160, 128]})
     */
    static float[] planes(int[] cells, Swatch stated) {
        float[] out = new float[CHANNELS * CELLS];
        double[] target = stated == null ? null : stated.toLab();
        double[] lab = new double[3];
        for (int i = 0; i < CELLS; i++) {
            int p = cells[i];
            out[i] = ((p >> 16) & 0xff) / 255f;
            out[CELLS + i] = ((p >> 8) & 0xff) / 255f;
            out[2 * CELLS + i] = (p & 0xff) / 255f;
            if (target != null) {
                SrgbLab.toLab(p, lab, 0);
                double d = Math.sqrt(sq(lab[0] - target[0]) + sq(lab[1] - target[1]) + sq(lab[2] - target[2]));
                out[3 * CELLS + i] = (float) Math.max(0, 1 - d / CLOSENESS_RANGE);
                out[4 * CELLS + i] = 1f;
            }
        }
        return out;
    }

    private static double sq(double v) {
        return v * v;
    }
}
