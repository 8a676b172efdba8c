package io.retailgen.imagegen;

import java.util.Objects;

/**
 * The three regions of a product photo, one per pixel in row-major order: {@link #BACKGROUND} (the studio sweep),
 * {@link #PERSON} (skin, hair and garments that are not for sale in this photo) and {@link #GARMENT} (the sold
 * item). Made by {@link SegmenterModel#regions}. Immutable.
 */
public final class PhotoRegions {
    /** Region code of the studio background. */
    public static final int BACKGROUND = 0;
    /** Region code of the rest of the person: skin, hair, other garments. */
    public static final int PERSON = 1;
    /** Region code of the sold item. */
    public static final int GARMENT = 2;

    private final int width;
    private final int height;
    private final byte[] regions;

    private PhotoRegions(int width, int height, byte[] regions) {
        this.width = width;
        this.height = height;
        this.regions = regions;
    }

    /**
     * @param width photo width
     * @param height photo height
     * @param regions {@code width * height} region codes, row-major; copied
     * @return the regions
     * @throws IllegalArgumentException when the sizes disagree or a code is not one of the three
     */
    public static PhotoRegions of(int width, int height, byte[] regions) {
        Objects.requireNonNull(regions, "regions");
        if (width <= 0 || height <= 0 || regions.length != (long) width * height) {
            throw new IllegalArgumentException("regions of " + width + "x" + height + " need " + (long) width * height
                    + " codes, got " + regions.length);
        }
        for (int i = 0; i < regions.length; i++) {
            if (regions[i] < BACKGROUND || regions[i] > GARMENT) {
                throw new IllegalArgumentException("region code at pixel " + i + " is " + regions[i]
                        + ", expected 0 (background), 1 (person) or 2 (garment)");
            }
        }
        return new PhotoRegions(width, height, regions.clone());
    }

    static PhotoRegions wrap(int width, int height, byte[] regions) {
        return new PhotoRegions(width, height, regions);
    }

    /** @return width in pixels */
    public int width() {
        return width;
    }

    /** @return height in pixels */
    public int height() {
        return height;
    }

    /** @return the region code of pixel ({@code x}, {@code y}) */
    public int regionAt(int x, int y) {
        return regions[y * width + x];
    }

    /** @return row-major flags of the pixels in {@code region} */
    public boolean[] mask(int region) {
        boolean[] out = new boolean[regions.length];
        for (int i = 0; i < regions.length; i++) {
            out[i] = regions[i] == region;
        }
        return out;
    }

    /** @return how many pixels are in {@code region} */
    public int count(int region) {
        int n = 0;
        for (byte r : regions) {
            n += r == region ? 1 : 0;
        }
        return n;
    }

    /** @return the sold item as a garment mask */
    public GarmentMask garment() {
        return GarmentMask.wrap(width, height, mask(GARMENT));
    }
}
