package io.retailgen.imagegen;

import io.retailgen.core.Device;
import io.retailgen.core.bundle.ModelBundle;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Generates greyscale product images of a requested category from an image model bundle, served through ONNX
 * Runtime (a conditional GAN's generator, or a conditional VAE's decoder). Every sample passes the bundle's classifier:
 * samples not classified as the requested category are rejected and counted ({@link GeneratedImages#rejected()}), so
 * a batch holds only images that keep the category. A VAE bundle also has an encoder, so variations can start from a
 * real asset image ({@link #variationsOf(float[], int, int, float, long)}).
 *
 * <pre>{@code
 * try (ImageGenerator gen = ImageGenerator.builder().bundle(ModelBundle.load(dir)).build()) {
 *     GeneratedImages shirts = gen.generate(6, 100, 7L);
 *     System.out.println(shirts.count() + " images, " + shirts.rejected() + " rejected");
 * }
 * }</pre>
 *
 * <p>Instances are immutable after build and safe for concurrent use; {@link #close()} releases the native sessions.
 */
public interface ImageGenerator extends AutoCloseable {

    /** @return a builder */
    static Builder builder() {
        return new Builder();
    }

    /** @return the model's contract */
    ModelSpec spec();

    /** @return the version of the model bundle that generates */
    String modelVersion();

    /**
     * @param category the category, {@code 0 <= category < spec().categories()}
     * @param count how many accepted images, {@code 1..1_000_000}
     * @param seed the seed; the same seed and model give the same images
     * @return the accepted images
     * @throws IllegalArgumentException for a bad category or count
     * @throws io.retailgen.core.RetailGenException when too many samples are rejected to reach {@code count}
     */
    GeneratedImages generate(int category, int count, long seed);

    /**
     * Variations of one reference image: the reference is the first sample of {@code generate(category, 1,
     * referenceSeed)} with the attribute check off; each variation perturbs its latent vector by Gaussian noise of
     * standard deviation {@code radius} and passes the attribute check, so the variants stay close to the reference.
     *
     * @param category the category
     * @param referenceSeed the seed that defines the reference
     * @param count how many variations, {@code 1..1_000_000}
     * @param radius the perturbation scale, {@code (0, 2]}
     * @param seed seed of the perturbations
     * @return the accepted variations
     */
    GeneratedImages variations(int category, long referenceSeed, int count, float radius, long seed);

    /**
     * @return true when the bundle has an encoder (kind {@value TrainedImageModel#KIND_CVAE}), so that
     *     {@link #encode} and {@link #variationsOf(float[], int, int, float, long)} work
     */
    boolean canEncode();

    /**
     * The encoder's posterior means of images of one category.
     *
     * @param images {@code n * height * width} pixels in [0, 1]
     * @param n the number of images, {@code >= 1}
     * @param category the category the images are conditioned on
     * @return {@code n * spec().latentDim()} latent means
     * @throws IllegalStateException when the bundle has no encoder ({@link #canEncode()} is false)
     * @throws IllegalArgumentException for a bad category, size or a pixel outside [0, 1]
     */
    float[] encode(float[] images, int n, int category);

    /**
     * Variations of a real asset image: encode it, perturb the latent mean by Gaussian noise of standard deviation
     * {@code radius}, decode, and keep the samples that pass the attribute check. Small radii stay close to the
     * reference; at 1 and above they approach fresh samples of the category.
     *
     * <pre>{@code
     * float[] ref = GreyPng.toPixels(ImageIO.read(file), 28, 28);
     * GeneratedImages sku = gen.variationsOf(ref, 0, 16, 0.5f, 7L);
     * }</pre>
     *
     * @param reference {@code height * width} pixels in [0, 1] (see {@link GreyPng#toPixels})
     * @param category the category to condition on (usually the reference's own)
     * @param count how many variations, {@code 1..1_000_000}
     * @param radius the perturbation scale in latent units, {@code (0, 2]}
     * @param seed seed of the perturbations; the same seed, reference and model give the same images
     * @return the accepted variations
     * @throws IllegalStateException when the bundle has no encoder
     */
    GeneratedImages variationsOf(float[] reference, int category, int count, float radius, long seed);

    /**
     * {@link #variationsOf(float[], int, int, float, long)} of an image of any size and colour model, converted with
     * {@link GreyPng#toPixels(BufferedImage, int, int)}.
     *
     * @param reference the reference image
     * @param category the category to condition on
     * @param count how many variations
     * @param radius the perturbation scale, {@code (0, 2]}
     * @param seed seed of the perturbations
     * @return the accepted variations
     */
    default GeneratedImages variationsOf(BufferedImage reference, int category, int count, float radius, long seed) {
        Objects.requireNonNull(reference, "reference == null");
        return variationsOf(GreyPng.toPixels(reference, spec().width(), spec().height()), category, count, radius,
                seed);
    }

    /**
     * Classifies images with the bundle's classifier.
     *
     * @param images {@code n * height * width} pixels in [0, 1]
     * @param n the number of images
     * @return {@code n * categories} probabilities
     */
    float[] classify(float[] images, int n);

    /**
     * The classifier's penultimate-layer features, the space of the Frechet distance.
     *
     * @param images {@code n * height * width} pixels in [0, 1]
     * @param n the number of images
     * @return {@code n * featureDim()} features
     */
    float[] features(float[] images, int n);

    /** @return the length of one feature vector */
    int featureDim();

    /** Releases the ONNX Runtime sessions; idempotent. */
    @Override
    void close();

    /** Builds an {@link ImageGenerator}; {@code bundle} is required. */
    final class Builder {
        private ModelBundle bundle;
        private Device device = Device.cpu();
        private float truncation = 1f;
        private float minConfidence = 0f;
        private int batchSize = 512;
        private int maxAttemptsFactor = 20;
        private boolean attributeCheck = true;

        private Builder() {
        }

        /** @param value an {@code imagegen.cgan} or {@code imagegen.cvae} bundle */
        public Builder bundle(ModelBundle value) {
            this.bundle = Objects.requireNonNull(value, "bundle == null");
            return this;
        }

        /** @param value where to serve */
        public Builder device(Device value) {
            this.device = Objects.requireNonNull(value, "device == null");
            return this;
        }

        /** @param value scale of the latent noise, {@code (0, 2]}; below 1 trades variety for typical images */
        public Builder truncation(float value) {
            if (!(value > 0 && value <= 2)) {
                throw new IllegalArgumentException("truncation must be in (0, 2], was " + value);
            }
            this.truncation = value;
            return this;
        }

        /** @param value least classifier probability of the requested category to accept, {@code [0, 1)} */
        public Builder minConfidence(float value) {
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException("minConfidence must be in [0, 1), was " + value);
            }
            this.minConfidence = value;
            return this;
        }

        /** @param value samples per ONNX Runtime call, {@code 1..65536} */
        public Builder batchSize(int value) {
            if (value < 1 || value > 65536) {
                throw new IllegalArgumentException("batchSize must be in 1..65536, was " + value);
            }
            this.batchSize = value;
            return this;
        }

        /** @param value give up after {@code value * count} samples, {@code >= 1} */
        public Builder maxAttemptsFactor(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxAttemptsFactor must be >= 1, was " + value);
            }
            this.maxAttemptsFactor = value;
            return this;
        }

        /** @param value false to skip the classifier check (every sample is accepted) */
        public Builder attributeCheck(boolean value) {
            this.attributeCheck = value;
            return this;
        }

        /**
         * @return the generator
         * @throws IllegalStateException when no bundle was set
         * @throws io.retailgen.core.RetailGenException when the bundle is not an image model or cannot be loaded
         */
        public ImageGenerator build() {
            if (bundle == null) {
                throw new IllegalStateException("bundle was not set");
            }
            return new OnnxImageGenerator(bundle, device, truncation, minConfidence, batchSize, maxAttemptsFactor,
                    attributeCheck);
        }
    }
}
