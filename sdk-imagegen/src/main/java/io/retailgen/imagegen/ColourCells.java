package io.retailgen.imagegen;

/**
 * The validator's exact colour histogram: pixel count and channel sums per cell of 16 levels per channel (4096
 * cells). Count and red sum share one long, green and blue sums another (32 bits each); they are folded into 64-bit
 * totals at least every 2^24 pixels, before a 32-bit sum (at most 255 per pixel) could overflow.
 *
 * <p>Rows are added in one of two ways, picked per row from how the previous row looked: runs of pixels in one cell
 * (flat backgrounds, smooth shading) are summed in registers and added once per run; rows where the cell changes
 * every few pixels (noise textures) are added pixel by pixel without branches, into two copies of the tables (even
 * and odd pixels) so that neighbours in the same cell do not wait for each other's update. Not thread-safe; one per
 * call.
 */
final class ColourCells {
    static final int CELLS = 4096;
    private static final int HIGH = 0xF0F0F0;
    private static final long ONE = 1L << 32;
    /** Pixels between folds: 32-bit channel sums (at most 255 per pixel) stay below 2^32. */
    private static final long FOLD_EVERY = 1L << 24;
    /** A row with more runs than its width / RUN_LENGTH goes pixel by pixel. */
    private static final int RUN_LENGTH = 5;
    /** Rows added pixel by pixel before the next row is added by runs again (and so looked at again). */
    private static final int SCATTER_ROWS = 31;

    /** Per cell and copy: {@code count << 32 | sum of red}. */
    private final long[] countRed = new long[2 * CELLS];
    /** Per cell and copy: {@code sum of green << 32 | sum of blue}. */
    private final long[] greenBlue = new long[2 * CELLS];
    private final long[] count = new long[CELLS];
    private final long[] sum = new long[3 * CELLS];
    private final long foldEvery;
    private long sinceFold;
    private int scatterRows;

    ColourCells() {
        this(FOLD_EVERY);
    }

    /** @param foldEvery pixels between folds, at most 2^24 (smaller in tests) */
    ColourCells(long foldEvery) {
        if (foldEvery < 1 || foldEvery > FOLD_EVERY) {
            throw new IllegalArgumentException("foldEvery " + foldEvery + " not in 1.." + FOLD_EVERY);
        }
        this.foldEvery = foldEvery;
    }

    /**
     * @param px pixels {@code 0xRRGGBB} (higher bits ignored)
     * @param from first index
     * @param to end index (exclusive)
     */
    void add(int[] px, int from, int to) {
        for (int start = from; start < to; ) {
            int end = (int) Math.min(to, start + foldEvery);
            if (sinceFold + (end - start) > foldEvery) {
                fold();
            }
            sinceFold += end - start;
            if (scatterRows > 0) {
                scatterRows--;
                scatter(px, start, end);
            } else if ((long) runs(px, start, end) * RUN_LENGTH > end - start) {
                scatterRows = SCATTER_ROWS;
            }
            start = end;
        }
    }

    /** @return the pixels of a cell (after {@link #fold()}) */
    long count(int cell) {
        return count[cell];
    }

    /** @return the mean colour {@code 0xRRGGBB} of a non-empty cell, rounded down (after {@link #fold()}) */
    int mean(int cell) {
        long n = count[cell];
        int r = (int) (sum[cell * 3] / n);
        int g = (int) (sum[cell * 3 + 1] / n);
        int b = (int) (sum[cell * 3 + 2] / n);
        return (r << 16) | (g << 8) | b;
    }

    /** Moves the packed 32-bit tables into the 64-bit totals. */
    void fold() {
        for (int c = 0; c < 2 * CELLS; c++) {
            long cr = countRed[c];
            long gb = greenBlue[c];
            if ((cr | gb) != 0) {
                int cell = c & (CELLS - 1);
                count[cell] += cr >>> 32;
                sum[cell * 3] += cr & 0xFFFFFFFFL;
                sum[cell * 3 + 1] += gb >>> 32;
                sum[cell * 3 + 2] += gb & 0xFFFFFFFFL;
                countRed[c] = 0;
                greenBlue[c] = 0;
            }
        }
        sinceFold = 0;
    }

    private static int cell(int p) {
        return (p >> 12) & 0xf00 | (p >> 8) & 0xf0 | (p >> 4) & 0xf;
    }

    /** @return the number of runs */
    private int runs(int[] px, int from, int to) {
        int runs = 0;
        int i = from;
        while (i < to) {
            int p = px[i++];
            int key = p & HIGH;
            long n = 1;
            long r = (p >> 16) & 0xff;
            long g = (p >> 8) & 0xff;
            long b = p & 0xff;
            while (i < to) {
                int q = px[i];
                if ((q & HIGH) != key) {
                    break;
                }
                r += (q >> 16) & 0xff;
                g += (q >> 8) & 0xff;
                b += q & 0xff;
                n++;
                i++;
            }
            int c = cell(key);
            countRed[c] += n << 32 | r;
            greenBlue[c] += g << 32 | b;
            runs++;
        }
        return runs;
    }

    private void scatter(int[] px, int from, int to) {
        long[] cr = countRed;
        long[] gb = greenBlue;
        int i = from;
        for (; i + 1 < to; i += 2) {
            int p = px[i];
            int c = cell(p);
            cr[c] += ONE | ((p >> 16) & 0xff);
            gb[c] += (long) ((p >> 8) & 0xff) << 32 | (p & 0xff);
            int q = px[i + 1];
            int d = CELLS + cell(q);
            cr[d] += ONE | ((q >> 16) & 0xff);
            gb[d] += (long) ((q >> 8) & 0xff) << 32 | (q & 0xff);
        }
        if (i < to) {
            int p = px[i];
            int c = cell(p);
            cr[c] += ONE | ((p >> 16) & 0xff);
            gb[c] += (long) ((p >> 8) & 0xff) << 32 | (p & 0xff);
        }
    }
}
