package io.retailgen.imagegen;

/**
 * Maps images to feature vectors: the space in which {@link ImageQuality#frechetDistance} compares two image sets.
 * Every {@link ImageGenerator} is one (its classifier's penultimate layer); an application may plug in its own.
 *
 * <pre>{@code
 * double d = ImageQuality.frechetDistance(generator, trainImages, testImages);
 * }</pre>
 *
 * <p>Implementations must be safe for concurrent use.
 */
public interface ImageFeatures {

    /**
     * @param images {@code n} images of equal size, pixels in [0, 1], image after image
     * @param n the number of images
     * @return {@code n * featureDim()} features
     */
    float[] features(float[] images, int n);

    /** @return the length of one feature vector */
    int featureDim();
}
