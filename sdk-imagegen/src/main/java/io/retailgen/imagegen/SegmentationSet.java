package io.retailgen.imagegen;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Training photos for {@link SegmenterTrainer}, with labels that cost nothing to make: the colourways of one product
 * photographed in the same pose and crop. Where two colourways differ by CIEDE2000 &gt; {@value #GARMENT_DELTA_E} is
 * the sold item; studio white connected to the photo's border is background; the rest is the person. Photos are kept
 * at the network's {@value SegmenterInput#WIDTH}x{@value SegmenterInput#HEIGHT} (each cell the mean of the pixels it
 * covers), labelled per cell, cleaned of isolated cells, and the labels reduced to the network's output grid.
 *
 * <pre>{@code
 * SegmentationSet set = SegmentationSet.builder()
 *         .addColourways(List.of(blackMain, greyMain), List.of(Swatch.hex("#1f1f1f"), Swatch.hex("#a5a1a6")))
 *         .build();
 * }</pre>
 *
 * <p>Immutable once built.
 */
public final class SegmentationSet {
    /** CIEDE2000 between two colourways above which a cell is the sold item. */
    public static final double GARMENT_DELTA_E = 10;

    private final List<float[]> planes;
    private final List<byte[]> labels;

    private SegmentationSet(List<float[]> planes, List<byte[]> labels) {
        this.planes = Collections.unmodifiableList(planes);
        this.labels = Collections.unmodifiableList(labels);
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of labelled photos */
    public int size() {
        return planes.size();
    }

    /** @return the share of labelled cells in {@code region} ({@link PhotoRegions#GARMENT} and so on), 0 to 1 */
    public double share(int region) {
        long n = 0;
        for (byte[] l : labels) {
            for (byte b : l) {
                n += b == region ? 1 : 0;
            }
        }
        return size() == 0 ? 0 : n / ((double) size() * SegmenterNet.OUT_CELLS);
    }

    float[] planes(int i) {
        return planes.get(i);
    }

    byte[] labels(int i) {
        return labels.get(i);
    }

    /** @return the SHA-256 hex of every label and input value */
    String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(4 * SegmenterInput.CHANNELS * SegmenterInput.CELLS);
            for (int i = 0; i < size(); i++) {
                sha.update(labels.get(i));
                buf.clear();
                buf.asFloatBuffer().put(planes.get(i));
                sha.update(buf.array());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Labels the cells of one colourway against the others of the same product view. */
    static byte[] label(int[][] cells, int which) {
        int n = SegmenterInput.CELLS;
        double[][] lab = new double[cells.length][];
        for (int k = 0; k < cells.length; k++) {
            lab[k] = new double[3 * n];
            for (int i = 0; i < n; i++) {
                SrgbLab.toLab(cells[k][i], lab[k], 3 * i);
            }
        }
        boolean[] garment = new boolean[n];
        double[] a = new double[3];
        double[] b = new double[3];
        for (int i = 0; i < n; i++) {
            System.arraycopy(lab[which], 3 * i, a, 0, 3);
            for (int k = 0; k < cells.length && !garment[i]; k++) {
                if (k != which && cells[k][i] != cells[which][i]) {
                    System.arraycopy(lab[k], 3 * i, b, 0, 3);
                    garment[i] = Ciede2000.distance(a, b) > GARMENT_DELTA_E;
                }
            }
        }
        garment = clean(garment, SegmenterInput.WIDTH, SegmenterInput.HEIGHT);
        boolean[] background = ProductSegmenter.studioBackground(cells[which], SegmenterInput.WIDTH,
                SegmenterInput.HEIGHT);
        byte[] fine = new byte[n];
        for (int i = 0; i < n; i++) {
            fine[i] = (byte) (garment[i] ? PhotoRegions.GARMENT
                    : background[i] ? PhotoRegions.BACKGROUND : PhotoRegions.PERSON);
        }
        return coarsen(fine);
    }

    /** The network's output grid: the most common label of each 2x2 block (ties to garment, then person). */
    static byte[] coarsen(byte[] fine) {
        int w = SegmenterNet.OUT_WIDTH;
        byte[] out = new byte[SegmenterNet.OUT_CELLS];
        int[] votes = new int[SegmenterNet.CLASSES];
        for (int i = 0; i < out.length; i++) {
            java.util.Arrays.fill(votes, 0);
            int x = 2 * (i % w);
            int y = 2 * (i / w);
            for (int d = 0; d < 4; d++) {
                votes[fine[(y + d / 2) * SegmenterInput.WIDTH + x + d % 2]]++;
            }
            int best = PhotoRegions.GARMENT;
            for (int c = PhotoRegions.GARMENT - 1; c >= 0; c--) {
                if (votes[c] > votes[best]) {
                    best = c;
                }
            }
            out[i] = (byte) best;
        }
        return out;
    }

    /**
     * Drops garment cells with fewer than 3 garment neighbours (of 8) and fills cells with at least 6: specks where
     * the two photos' noise differs, and pinholes where the two colours happen to agree.
     */
    static boolean[] clean(boolean[] garment, int w, int h) {
        boolean[] out = new boolean[garment.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < w && yy < h && garment[yy * w + xx]) {
                            n++;
                        }
                    }
                }
                int i = y * w + x;
                out[i] = garment[i] ? n >= 3 : n >= 6;
            }
        }
        return out;
    }

    /** Collects colourway groups; not thread-safe. */
    public static final class Builder {
        private final List<float[]> planes = new ArrayList<>();
        private final List<byte[]> labels = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds every photo of one product view, one per colourway, each labelled against the others.
         *
         * @param photos two or more photos of the same size, pixel-aligned (same pose and crop), one per colour
         * @param statedColours the catalogue colour of each photo, in the same order ({@code null} entries allowed)
         * @return this builder
         * @throws IllegalArgumentException when fewer than two photos are given, the lists differ in length or the
         *     photos differ in size
         */
        public Builder addColourways(List<BufferedImage> photos, List<Swatch> statedColours) {
            Objects.requireNonNull(photos, "photos");
            Objects.requireNonNull(statedColours, "statedColours");
            if (photos.size() < 2) {
                throw new IllegalArgumentException("need at least two colourways of one view, got " + photos.size());
            }
            if (statedColours.size() != photos.size()) {
                throw new IllegalArgumentException(photos.size() + " photos but " + statedColours.size()
                        + " stated colours");
            }
            int w = photos.get(0).getWidth();
            int h = photos.get(0).getHeight();
            int[][] cells = new int[photos.size()][];
            for (int k = 0; k < photos.size(); k++) {
                BufferedImage p = Objects.requireNonNull(photos.get(k), "photo " + k);
                if (p.getWidth() != w || p.getHeight() != h) {
                    throw new IllegalArgumentException("colourway " + k + " is " + p.getWidth() + "x" + p.getHeight()
                            + ", colourway 0 is " + w + "x" + h + ": aligned colourways have one size");
                }
                cells[k] = SegmenterInput.shrink(p.getRGB(0, 0, w, h, null, 0, w), w, h);
            }
            for (int k = 0; k < photos.size(); k++) {
                planes.add(SegmenterInput.planes(cells[k], statedColours.get(k)));
                labels.add(label(cells, k));
            }
            return this;
        }

        /** @return the set */
        public SegmentationSet build() {
            return new SegmentationSet(new ArrayList<>(planes), new ArrayList<>(labels));
        }
    }
}
