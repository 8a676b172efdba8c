package io.retailgen.datasets;

import java.util.Arrays;
import java.util.Objects;

/**
 * Same-sized 8-bit greyscale images with one numeric label each, as read by {@link IdxFiles}: pixels row-major, one
 * unsigned byte per pixel, image after image. An image module wraps them into its own type, for example
 * {@code new LabeledImages(idx.rows(), idx.cols(), idx.pixels(), idx.labels())}.
 *
 * <p>Immutable: the constructor copies its arrays and the accessors return copies.
 *
 * @param rows image height in pixels, {@code >= 1}
 * @param cols image width in pixels, {@code >= 1}
 * @param pixels {@code labels.length * rows * cols} bytes (unsigned greyscale, 0 = black)
 * @param labels one label per image, each between 0 and 255
 */
public record IdxImages(int rows, int cols, byte[] pixels, int[] labels) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException when a side is below 1, the pixel count does not match the images, or a label
     *     is outside 0..255
     */
    public IdxImages {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, was " + rows + "x" + cols);
        }
        pixels = Objects.requireNonNull(pixels, "pixels == null").clone();
        labels = Objects.requireNonNull(labels, "labels == null").clone();
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " bytes but " + labels.length
                    + " images of " + rows + "x" + cols + " need " + (long) labels.length * rows * cols);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException("label of image " + i + " is " + labels[i]
                        + ", must be between 0 and 255");
            }
        }
    }

    /** @return the number of images */
    public int count() {
        return labels.length;
    }

    /** @return a copy of the pixels, {@code count() * rows() * cols()} bytes */
    @Override
    public byte[] pixels() {
        return pixels.clone();
    }

    /** @return a copy of the labels, one per image */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxImages i && rows == i.rows && cols == i.cols && Arrays.equals(pixels, i.pixels)
                && Arrays.equals(labels, i.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rows, cols, Arrays.hashCode(pixels), Arrays.hashCode(labels));
    }

    @Override
    public String toString() {
        return "IdxImages[" + labels.length + " images of " + rows + "x" + cols + "]";
    }
}
