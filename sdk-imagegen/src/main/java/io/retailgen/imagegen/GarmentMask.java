package io.retailgen.imagegen;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Which pixels of a product photo belong to the sold item (the garment), one flag per pixel in row-major order.
 * Made by {@link ProductSegmenter} or by the caller (for example from a retailer's own cut-out).
 *
 * <p>Immutable.
 */
public final class GarmentMask {
    private final int width;
    private final int height;
    private final boolean[] garment;
    private final int count;

    private GarmentMask(int width, int height, boolean[] garment) {
        this.width = width;
        this.height = height;
        this.garment = garment;
        int c = 0;
        for (boolean g : garment) {
            if (g) {
                c++;
            }
        }
        this.count = c;
    }

    /**
     * @param width photo width in pixels
     * @param height photo height in pixels
     * @param garment {@code width * height} flags, row-major; copied
     * @return the mask
     * @throws IllegalArgumentException when the sizes do not agree
     */
    public static GarmentMask of(int width, int height, boolean[] garment) {
        Objects.requireNonNull(garment, "garment flags");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be positive, got " + width + "x" + height);
        }
        if (garment.length != (long) width * height) {
            throw new IllegalArgumentException("mask of " + width + "x" + height + " needs " + (long) width * height
                    + " flags, got " + garment.length);
        }
        return new GarmentMask(width, height, garment.clone());
    }

    static GarmentMask wrap(int width, int height, boolean[] garment) {
        return new GarmentMask(width, height, garment);
    }

    /** @return width in pixels */
    public int width() {
        return width;
    }

    /** @return height in pixels */
    public int height() {
        return height;
    }

    /** @return whether the pixel at ({@code x}, {@code y}) is garment */
    public boolean contains(int x, int y) {
        return garment[y * width + x];
    }

    /** @return the number of garment pixels */
    public int count() {
        return count;
    }

    /** @return the share of pixels that are garment, 0 to 1 */
    public double share() {
        return count / (double) garment.length;
    }

    /** @return the flags, row-major (a fresh copy) */
    public boolean[] toArray() {
        return garment.clone();
    }

    /**
     * @throws IllegalArgumentException when this mask is not the size of {@code photo} or is empty
     */
    void requireFits(BufferedImage photo, String emptyMeans) {
        if (width != photo.getWidth() || height != photo.getHeight()) {
            throw new IllegalArgumentException("garment mask is " + width + "x" + height + " but the photo is "
                    + photo.getWidth() + "x" + photo.getHeight());
        }
        if (count == 0) {
            throw new IllegalArgumentException("garment mask is empty: " + emptyMeans);
        }
    }

    boolean at(int index) {
        return garment[index];
    }
}
