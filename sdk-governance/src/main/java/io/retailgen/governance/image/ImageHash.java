package io.retailgen.governance.image;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Two 64-bit perceptual hashes of an image: a difference hash (dHash: 9x8 grey thumbnail, one bit per horizontal
 * neighbour comparison) and a DCT hash (pHash: 32x32 grey thumbnail, 2-D DCT-II, one bit per low-frequency
 * coefficient above the median of the 8x8 lowest frequencies without the DC term). Near-duplicates (resized,
 * re-encoded, slightly blurred, brighter or darker) have hashes a few bits apart; unrelated images differ in about
 * half of the bits. Thumbnails are made by area averaging, so the hashes do not depend on the image size.
 *
 * <pre>{@code
 * ImageHash a = ImageHash.of(ImageIO.read(Path.of("logo.png").toFile()));
 * ImageHash b = ImageHash.of(generated);
 * boolean near = a.pHashDistance(b) <= 10 && a.dHashDistance(b) <= 10;
 * }</pre>
 *
 * @param dHash the difference hash
 * @param pHash the DCT hash (bit 63, the DC term, is always 0)
 */
public record ImageHash(long dHash, long pHash) {

    /** Grey-level differences up to this count as ties (0 bits), so flat areas do not turn compression noise into
     * random bits. */
    private static final double TIE = 2.0;
    private static final int DCT_SIZE = 32;
    private static final int LOW = 8;
    private static final double[][] COS = new double[LOW][DCT_SIZE];

    static {
        for (int u = 0; u < LOW; u++) {
            for (int x = 0; x < DCT_SIZE; x++) {
                COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * DCT_SIZE));
            }
        }
    }

    /**
     * @param image any image (colour is reduced to luminance; alpha is ignored)
     * @return its hashes
     * @throws IllegalArgumentException when the image is smaller than 2x2 pixels
     */
    public static ImageHash of(BufferedImage image) {
        Objects.requireNonNull(image, "image == null");
        if (image.getWidth() < 2 || image.getHeight() < 2) {
            throw new IllegalArgumentException("image must be at least 2x2 pixels, was "
                    + image.getWidth() + "x" + image.getHeight());
        }
        double[][] grey = luminance(image);
        return new ImageHash(dHash(grey), pHash(grey));
    }

    /**
     * @param image an image
     * @return its dHash
     */
    public static long dHash(BufferedImage image) {
        return of(image).dHash();
    }

    /**
     * @param image an image
     * @return its pHash
     */
    public static long pHash(BufferedImage image) {
        return of(image).pHash();
    }

    /**
     * @param a a hash
     * @param b another hash
     * @return the number of differing bits, 0..64
     */
    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /**
     * @param other another image's hashes
     * @return the Hamming distance of the dHashes
     */
    public int dHashDistance(ImageHash other) {
        return hamming(dHash, other.dHash);
    }

    /**
     * @param other another image's hashes
     * @return the Hamming distance of the pHashes
     */
    public int pHashDistance(ImageHash other) {
        return hamming(pHash, other.pHash);
    }

    /** @return the hashes as 32 hex digits, dHash first */
    public String toHex() {
        return String.format("%016x%016x", dHash, pHash);
    }

    /**
     * @param hex 32 hex digits as written by {@link #toHex()}
     * @return the hashes
     * @throws IllegalArgumentException when the text is not 32 hex digits
     */
    public static ImageHash parse(String hex) {
        Objects.requireNonNull(hex, "hex == null");
        if (!hex.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("image hash must be 32 hex digits, was '" + hex + "'");
        }
        return new ImageHash(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16));
    }

    private static double[][] luminance(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[][] g = new double[h][w];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                g[y][x] = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
            }
        }
        return g;
    }

    /** Area-average resampling to {@code tw x th}: each target pixel is the mean of the source area it covers. */
    static double[][] resize(double[][] src, int tw, int th) {
        int h = src.length;
        int w = src[0].length;
        double[][] out = new double[th][tw];
        double sx = (double) w / tw;
        double sy = (double) h / th;
        for (int ty = 0; ty < th; ty++) {
            double y0 = ty * sy;
            double y1 = y0 + sy;
            for (int tx = 0; tx < tw; tx++) {
                double x0 = tx * sx;
                double x1 = x0 + sx;
                double sum = 0;
                double area = 0;
                for (int y = (int) Math.floor(y0); y < Math.min(h, (int) Math.ceil(y1)); y++) {
                    double wy = Math.min(y + 1, y1) - Math.max(y, y0);
                    for (int x = (int) Math.floor(x0); x < Math.min(w, (int) Math.ceil(x1)); x++) {
                        double wx = Math.min(x + 1, x1) - Math.max(x, x0);
                        sum += src[y][x] * wx * wy;
                        area += wx * wy;
                    }
                }
                out[ty][tx] = sum / area;
            }
        }
        return out;
    }

    private static long dHash(double[][] grey) {
        double[][] t = resize(grey, 9, 8);
        long bits = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                bits = (bits << 1) | (t[y][x + 1] - t[y][x] > TIE ? 1 : 0);
            }
        }
        return bits;
    }

    private static long pHash(double[][] grey) {
        double[][] t = resize(grey, DCT_SIZE, DCT_SIZE);
        // separable DCT-II, only the LOW x LOW lowest frequencies
        double[][] rows = new double[DCT_SIZE][LOW];
        for (int y = 0; y < DCT_SIZE; y++) {
            for (int u = 0; u < LOW; u++) {
                double s = 0;
                for (int x = 0; x < DCT_SIZE; x++) {
                    s += t[y][x] * COS[u][x];
                }
                rows[y][u] = s;
            }
        }
        double[] coef = new double[LOW * LOW];
        for (int v = 0; v < LOW; v++) {
            for (int u = 0; u < LOW; u++) {
                double s = 0;
                for (int y = 0; y < DCT_SIZE; y++) {
                    s += rows[y][u] * COS[v][y];
                }
                coef[v * LOW + u] = s;
            }
        }
        double[] ac = java.util.Arrays.copyOfRange(coef, 1, coef.length);
        java.util.Arrays.sort(ac);
        double median = ac[ac.length / 2]; // 63 AC terms: the middle one
        long bits = 0;
        for (int i = 0; i < coef.length; i++) {
            bits = (bits << 1) | (i > 0 && coef[i] > median ? 1 : 0);
        }
        return bits;
    }
}
