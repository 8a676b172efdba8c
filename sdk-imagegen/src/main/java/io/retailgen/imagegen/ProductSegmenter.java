package io.retailgen.imagegen;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Garment masks for studio product photos, with no training needed by the caller.
 *
 * <p>{@link #segment} is the default, used wherever the SDK recolours a photo without a mask of its own: the learned
 * {@link SegmenterModel} that ships in this library ({@link SegmenterModel#bundled()}, trained on the Luma sample
 * catalog; on its held-out styles it recoloured the garment closer to the real photos than the classical baseline and
 * failed on half as many products, in under half the time, while recolouring more pixels outside the garment; see
 * the imagegen guide). It is loaded on first use and kept for the life of the JVM.
 *
 * <p>{@link #classical} is the baseline it was measured against:
 * <ol>
 * <li>Background: near-white, near-neutral pixels connected to the photo's border (the studio sweep); white inside the
 * silhouette (a white shirt) is kept.</li>
 * <li>The rest is clustered by k-means ({@value #CLUSTERS} clusters, k-means++ start with a fixed seed) in CIE
 * L*a*b* on a sample of at most {@value #SAMPLE} pixels; every foreground pixel joins its nearest centre.</li>
 * <li>The seed cluster is the one nearest the product's stated colour (CIEDE2000), or with no stated colour the largest
 * cluster whose centre is not skin-coloured. The garment is the seed plus every non-skin cluster that differs from it
 * mainly in lightness (a*b* within {@value #SHADE_AB}, L* within {@value #SHADE_L}): the shades and folds of one
 * cloth.</li>
 * </ol>
 * It cannot tell a garment from another garment or hair of the same colour.
 *
 * <p>Both are deterministic and safe for concurrent use.
 */
public final class ProductSegmenter {
    static final int CLUSTERS = 6;
    static final int SAMPLE = 20_000;
    static final double SHADE_AB = 8;
    static final double SHADE_L = 35;
    private static final int ITERATIONS = 12;
    private static final int WHITE_MIN = 228;
    private static final int WHITE_SPREAD = 14;
    private static SegmenterModel bundled;

    private ProductSegmenter() {
    }

    /**
     * The default: the learned segmenter bundled in this library ({@link SegmenterModel#bundled()}).
     *
     * @param photo a studio product photo on a white background
     * @param statedColour the product's colour as the catalogue states it, or {@code null}
     * @return the garment mask, same size as the photo (empty when the photo is all background)
     * @throws io.retailgen.core.RetailGenException when the bundled model cannot be loaded
     */
    public static GarmentMask segment(BufferedImage photo, Swatch statedColour) {
        Objects.requireNonNull(photo, "photo");
        return bundled().segment(photo, statedColour);
    }

    /**
     * @return the bundled learned segmenter, loaded on first use and never closed
     * @throws io.retailgen.core.RetailGenException when its resource is missing or damaged (again on every call)
     */
    static synchronized SegmenterModel bundled() {
        if (bundled == null) {
            bundled = SegmenterModel.bundled();
        }
        return bundled;
    }

    /**
     * The classical baseline: studio background, k-means colour clusters and the stated colour (see the class
     * comment).
     *
     * @param photo a studio product photo on a white background
     * @param statedColour the product's colour as the catalogue states it, or {@code null} to take the largest
     *        non-skin region
     * @return the garment mask, same size as the photo (empty when the photo is all background)
     */
    public static GarmentMask classical(BufferedImage photo, Swatch statedColour) {
        Objects.requireNonNull(photo, "photo");
        int w = photo.getWidth();
        int h = photo.getHeight();
        int[] rgb = photo.getRGB(0, 0, w, h, null, 0, w);
        boolean[] background = studioBackground(rgb, w, h);
        int foreground = 0;
        for (boolean b : background) {
            foreground += b ? 0 : 1;
        }
        boolean[] garment = new boolean[rgb.length];
        if (foreground == 0) {
            return GarmentMask.wrap(w, h, garment);
        }
        double[] lab = new double[3 * rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            if (!background[i]) {
                SrgbLab.toLab(rgb[i], lab, 3 * i);
            }
        }
        double[] centres = kMeans(lab, background, foreground);
        int k = centres.length / 3;
        int[] sizes = new int[k];
        byte[] cluster = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            if (!background[i]) {
                int c = nearest(centres, lab, 3 * i);
                cluster[i] = (byte) c;
                sizes[c]++;
            }
        }
        boolean[] chosen = withShades(centres,
                statedColour == null ? largestNonSkin(centres, sizes) : nearestToStated(centres, statedColour));
        for (int i = 0; i < rgb.length; i++) {
            garment[i] = !background[i] && chosen[cluster[i]];
        }
        return GarmentMask.wrap(w, h, garment);
    }

    /**
     * @param photo a studio product photo
     * @return row-major flags of the studio background: near-white, near-neutral pixels reachable from the photo's
     *     border through such pixels (4-connected); white inside the silhouette is not background
     */
    public static boolean[] studioBackground(BufferedImage photo) {
        Objects.requireNonNull(photo, "photo");
        int w = photo.getWidth();
        int h = photo.getHeight();
        return studioBackground(photo.getRGB(0, 0, w, h, null, 0, w), w, h);
    }

    /** Near-white, near-neutral pixels reachable from the border through such pixels (4-connected). */
    static boolean[] studioBackground(int[] rgb, int w, int h) {
        boolean[] bg = new boolean[rgb.length];
        int[] queue = new int[rgb.length];
        int head = 0;
        int tail = 0;
        for (int x = 0; x < w; x++) {
            tail = seed(rgb, bg, queue, tail, x);
            tail = seed(rgb, bg, queue, tail, (h - 1) * w + x);
        }
        for (int y = 0; y < h; y++) {
            tail = seed(rgb, bg, queue, tail, y * w);
            tail = seed(rgb, bg, queue, tail, y * w + w - 1);
        }
        while (head < tail) {
            int i = queue[head++];
            int x = i % w;
            if (x > 0) {
                tail = seed(rgb, bg, queue, tail, i - 1);
            }
            if (x < w - 1) {
                tail = seed(rgb, bg, queue, tail, i + 1);
            }
            if (i >= w) {
                tail = seed(rgb, bg, queue, tail, i - w);
            }
            if (i + w < rgb.length) {
                tail = seed(rgb, bg, queue, tail, i + w);
            }
        }
        return bg;
    }

    private static int seed(int[] rgb, boolean[] bg, int[] queue, int tail, int i) {
        if (bg[i] || !studioWhite(rgb[i])) {
            return tail;
        }
        bg[i] = true;
        queue[tail] = i;
        return tail + 1;
    }

    private static boolean studioWhite(int p) {
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        int min = Math.min(r, Math.min(g, b));
        int max = Math.max(r, Math.max(g, b));
        return min >= WHITE_MIN && max - min <= WHITE_SPREAD;
    }

    private static double[] kMeans(double[] lab, boolean[] background, int foreground) {
        int step = Math.max(1, foreground / SAMPLE);
        int n = 0;
        double[] sample = new double[3 * (foreground / step + 1)];
        int seen = 0;
        for (int i = 0; i < background.length && n < sample.length / 3; i++) {
            if (!background[i] && seen++ % step == 0) {
                System.arraycopy(lab, 3 * i, sample, 3 * n, 3);
                n++;
            }
        }
        int k = Math.min(CLUSTERS, n);
        double[] centres = new double[3 * k];
        SplittableRandom random = new SplittableRandom(20_261_207L);
        int first = random.nextInt(n);
        System.arraycopy(sample, 3 * first, centres, 0, 3);
        double[] d2 = new double[n];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int s = 0; s < n; s++) {
                d2[s] = squaredToNearest(centres, c, sample, 3 * s);
                total += d2[s];
            }
            double pick = random.nextDouble() * total;
            int chosen = n - 1;
            for (int s = 0; s < n; s++) {
                pick -= d2[s];
                if (pick <= 0) {
                    chosen = s;
                    break;
                }
            }
            System.arraycopy(sample, 3 * chosen, centres, 3 * c, 3);
        }
        double[] sums = new double[3 * k];
        int[] counts = new int[k];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            for (int s = 0; s < n; s++) {
                int c = nearest(centres, sample, 3 * s);
                counts[c]++;
                for (int j = 0; j < 3; j++) {
                    sums[3 * c + j] += sample[3 * s + j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < 3; j++) {
                        centres[3 * c + j] = sums[3 * c + j] / counts[c];
                    }
                }
            }
        }
        return centres;
    }

    private static double squaredToNearest(double[] centres, int k, double[] lab, int at) {
        double best = Double.MAX_VALUE;
        for (int c = 0; c < k; c++) {
            best = Math.min(best, squared(centres, c, lab, at));
        }
        return best;
    }

    private static int nearest(double[] centres, double[] lab, int at) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int c = 0; c < centres.length / 3; c++) {
            double d = squared(centres, c, lab, at);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private static double squared(double[] centres, int c, double[] lab, int at) {
        double dl = centres[3 * c] - lab[at];
        double da = centres[3 * c + 1] - lab[at + 1];
        double db = centres[3 * c + 2] - lab[at + 2];
        return dl * dl + da * da + db * db;
    }

    private static int nearestToStated(double[] centres, Swatch stated) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int c = 0; c < centres.length / 3; c++) {
            double d = Ciede2000.distance(centre(centres, c), stated.toLab());
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private static int largestNonSkin(double[] centres, int[] sizes) {
        int best = -1;
        for (int c = 0; c < sizes.length; c++) {
            if (!skin(centre(centres, c)) && (best < 0 || sizes[c] > sizes[best])) {
                best = c;
            }
        }
        if (best < 0) {
            for (int c = 0; c < sizes.length; c++) {
                if (best < 0 || sizes[c] > sizes[best]) {
                    best = c;
                }
            }
        }
        return best;
    }

    /** The seed cluster plus every non-skin cluster that differs from it mainly in lightness (shading, folds). */
    private static boolean[] withShades(double[] centres, int seed) {
        int k = centres.length / 3;
        boolean[] chosen = new boolean[k];
        for (int c = 0; c < k; c++) {
            double dl = Math.abs(centres[3 * c] - centres[3 * seed]);
            double dab = Math.hypot(centres[3 * c + 1] - centres[3 * seed + 1],
                    centres[3 * c + 2] - centres[3 * seed + 2]);
            chosen[c] = c == seed || dab <= SHADE_AB && dl <= SHADE_L && !skin(centre(centres, c));
        }
        return chosen;
    }

    private static double[] centre(double[] centres, int c) {
        return new double[] {centres[3 * c], centres[3 * c + 1], centres[3 * c + 2]};
    }

    /** Skin tones in L*a*b*: mid to high lightness, moderate chroma, hue between red-orange and yellow-orange. */
    static boolean skin(double[] lab) {
        double chroma = Math.hypot(lab[1], lab[2]);
        double hue = Math.toDegrees(Math.atan2(lab[2], lab[1]));
        return lab[0] >= 30 && lab[0] <= 90 && chroma >= 8 && chroma <= 45 && hue >= 20 && hue <= 80;
    }
}
