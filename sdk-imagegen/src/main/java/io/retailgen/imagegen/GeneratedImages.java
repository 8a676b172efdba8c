package io.retailgen.imagegen;

import java.util.Arrays;
import java.util.Objects;

/**
 * A batch of generated greyscale images of one category, after the attribute check.
 *
 * @param category the requested category label
 * @param height image height
 * @param width image width
 * @param pixels {@code count * height * width} unsigned greyscale bytes, image after image
 * @param rejected how many samples the classifier rejected as not of {@code category} before these were accepted
 * @param seed the seed that reproduces this batch with the same model
 * @param modelVersion the model version that made it
 * @param nanos wall-clock nanoseconds spent generating and checking
 */
public record GeneratedImages(String category, int height, int width, byte[] pixels, int rejected, long seed,
        String modelVersion, long nanos) {

    /** Validates and copies. */
    public GeneratedImages {
        Objects.requireNonNull(pixels, "pixels == null");
        Objects.requireNonNull(modelVersion, "modelVersion == null");
        Objects.requireNonNull(category, "category == null");
        if (height < 1 || width < 1 || pixels.length % (height * width) != 0) {
            throw new IllegalArgumentException(pixels.length + " bytes are not whole " + height + "x" + width
                    + " images");
        }
        if (rejected < 0 || nanos < 0) {
            throw new IllegalArgumentException("rejected and nanos must be >= 0, were " + rejected + ", " + nanos);
        }
        pixels = pixels.clone();
    }

    /** @return how many images */
    public int count() {
        return pixels.length / (height * width);
    }

    /**
     * @param index the image
     * @return a copy of its pixels
     */
    public byte[] image(int index) {
        Objects.checkIndex(index, count());
        int n = height * width;
        return Arrays.copyOfRange(pixels, index * n, (index + 1) * n);
    }

    @Override
    public byte[] pixels() {
        return pixels.clone();
    }

    /** @return accepted images per second of wall-clock time */
    public double imagesPerSecond() {
        return nanos == 0 ? 0 : count() / (nanos / 1e9);
    }

    /** @return the share of samples that passed the attribute check, {@code count / (count + rejected)} */
    public double acceptance() {
        int c = count();
        return c + rejected == 0 ? 0 : (double) c / (c + rejected);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratedImages g && g.category.equals(category) && g.height == height && g.width == width
                && g.rejected == rejected && g.seed == seed && g.modelVersion.equals(modelVersion)
                && Arrays.equals(g.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(category, height, width, rejected, seed, modelVersion) * 31 + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "GeneratedImages[category " + category + ", " + count() + " of " + height + "x" + width + ", rejected "
                + rejected + ", seed " + seed + ", model " + modelVersion + "]";
    }
}
