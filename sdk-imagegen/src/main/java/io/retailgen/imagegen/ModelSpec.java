package io.retailgen.imagegen;

/**
 * The input/output contract of an image model bundle: latent dimension, number of categories and image size.
 *
 * @param latentDim length of the generator's noise vector, {@code >= 1}
 * @param categories number of categories, {@code >= 2}
 * @param height image height in pixels
 * @param width image width in pixels
 */
public record ModelSpec(int latentDim, int categories, int height, int width) {
    /** Validates. */
    public ModelSpec {
        if (latentDim < 1 || categories < 2 || height < 1 || width < 1) {
            throw new IllegalArgumentException("invalid model spec: latentDim " + latentDim + " (>= 1), categories "
                    + categories + " (>= 2), size " + height + "x" + width + " (>= 1x1)");
        }
    }
}
