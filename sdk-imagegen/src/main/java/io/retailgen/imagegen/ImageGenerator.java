package io.retailgen.imagegen;

import io.retailgen.core.Device;
import io.retailgen.core.bundle.ModelHandle;
import io.retailgen.core.intercept.InterceptorChain;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Generates greyscale product images of a requested category from an {@link ImageModel}, served through ONNX Runtime
 * (a conditional GAN's generator, or a conditional VAE's decoder). Every sample passes the model's classifier: samples
 * not classified as the requested category are rejected and counted ({@link GeneratedImages#rejected()}), so a batch
 * holds only images that keep the category. A VAE model also has an encoder, so variations can start from a real asset
 * image ({@link #variationsOf(float[], String, int, float, long)}).
 *
 * <p>Every generating call ({@link #generate}, {@link #variations}, {@link #variationsOf}) passes one
 * {@link io.retailgen.core.intercept.GenerationRequest} through the {@link Builder#interceptors(InterceptorChain)
 * interceptors}: module {@code imagegen}, operation the method's name, the images as {@code image} bytes (one
 * greyscale PNG with the images stacked top to bottom; attributes {@code image_format=png},
 * {@code image_layout=vertical-strip}, {@code image_width}, {@code image_height} (of one image), {@code image_count},
 * {@code category}, {@code seed}, {@code rejected}), no text (generated images carry none; a
 * banner is added by the {@link AssetPipeline}, whose request has it), and the model's name and version. A BLOCK
 * verdict throws {@link BlockedOutputException}; nothing is returned.
 *
 * <pre>{@code
 * try (ImageModel model = ImageModel.fromBundle(ModelBundle.load(dir));
 *      ImageGenerator gen = ImageGenerator.builder().model(model).interceptors(chain).build()) {
 *     GeneratedImages shirts = gen.generate("shirt", 100, 7L);
 *     System.out.println(shirts.count() + " images, " + shirts.rejected() + " rejected");
 * }
 * }</pre>
 *
 * <p>Instances are immutable after build and safe for concurrent use. {@link #close()} ends the generator; the model
 * (or model handle) stays open and belongs to the caller.
 */
public interface ImageGenerator extends ImageFeatures, AutoCloseable {

    /** @return a builder */
    static Builder builder() {
        return new Builder();
    }

    /** @return the current model's contract, with its category labels */
    ModelSpec spec();

    /** @return the current model as {@code name@version} */
    String modelVersion();

    /**
     * @param category a category label of the model ({@link ModelSpec#categories()})
     * @param count how many accepted images, {@code 1..1_000_000}
     * @param seed the seed; the same seed and model give the same images, whatever the executor
     * @return the accepted images
     * @throws IllegalArgumentException for an unknown category or a bad count
     * @throws io.retailgen.core.RetailGenException when too many samples are rejected to reach {@code count}
     * @throws BlockedOutputException when an interceptor blocks the images
     */
    GeneratedImages generate(String category, int count, long seed);

    /**
     * Variations of one reference image: the reference is the latent vector drawn from {@code referenceSeed}; each
     * variation perturbs it by Gaussian noise of standard deviation {@code radius} and passes the attribute check, so
     * the variants stay close to the reference.
     *
     * @param category the category label
     * @param referenceSeed the seed that defines the reference
     * @param count how many variations, {@code 1..1_000_000}
     * @param radius the perturbation scale, {@code (0, 2]}
     * @param seed seed of the perturbations
     * @return the accepted variations
     * @throws BlockedOutputException when an interceptor blocks the images
     */
    GeneratedImages variations(String category, long referenceSeed, int count, float radius, long seed);

    /**
     * @return true when the model has an encoder (kind {@value ImageModel#KIND_VAE}), so that {@link #encode} and
     *     {@link #variationsOf(float[], String, int, float, long)} work
     */
    boolean canEncode();

    /**
     * The encoder's posterior means of images of one category.
     *
     * @param images {@code n * height * width} pixels in [0, 1]
     * @param n the number of images, {@code >= 1}
     * @param category the category label the images are conditioned on
     * @return {@code n * spec().latentDim()} latent means
     * @throws IllegalStateException when the model has no encoder ({@link #canEncode()} is false)
     * @throws IllegalArgumentException for an unknown category, a bad size or a pixel outside [0, 1]
     */
    float[] encode(float[] images, int n, String category);

    /**
     * Variations of a real asset image: encode it, perturb the latent mean by Gaussian noise of standard deviation
     * {@code radius}, decode, and keep the samples that pass the attribute check. Small radii stay close to the
     * reference; at 1 and above they approach fresh samples of the category.
     *
     * <pre>{@code
     * float[] ref = GreyPng.toPixels(ImageIO.read(file), 28, 28);
     * GeneratedImages sku = gen.variationsOf(ref, "shirt", 16, 0.5f, 7L);
     * }</pre>
     *
     * @param reference {@code height * width} pixels in [0, 1] (see {@link GreyPng#toPixels})
     * @param category the category label to condition on (usually the reference's own)
     * @param count how many variations, {@code 1..1_000_000}
     * @param radius the perturbation scale in latent units, {@code (0, 2]}
     * @param seed seed of the perturbations; the same seed, reference and model give the same images
     * @return the accepted variations
     * @throws IllegalStateException when the model has no encoder
     * @throws BlockedOutputException when an interceptor blocks the images
     */
    GeneratedImages variationsOf(float[] reference, String category, int count, float radius, long seed);

    /**
     * {@link #variationsOf(float[], String, int, float, long)} of an image of any size and colour model, converted
     * with {@link GreyPng#toPixels(BufferedImage, int, int)}.
     *
     * @param reference the reference image
     * @param category the category label to condition on
     * @param count how many variations
     * @param radius the perturbation scale, {@code (0, 2]}
     * @param seed seed of the perturbations
     * @return the accepted variations
     */
    default GeneratedImages variationsOf(BufferedImage reference, String category, int count, float radius,
            long seed) {
        Objects.requireNonNull(reference, "reference == null");
        ModelSpec spec = spec();
        return variationsOf(GreyPng.toPixels(reference, spec.width(), spec.height()), category, count, radius, seed);
    }

    /**
     * Classifies images with the bundle's classifier.
     *
     * @param images {@code n * height * width} pixels in [0, 1]
     * @param n the number of images
     * @return {@code n * spec().categoryCount()} probabilities, in the order of {@link ModelSpec#categories()}
     */
    float[] classify(float[] images, int n);

    /**
     * The classifier's penultimate-layer features, the space of the Frechet distance.
     *
     * @param images {@code n * height * width} pixels in [0, 1]
     * @param n the number of images
     * @return {@code n * featureDim()} features
     */
    @Override
    float[] features(float[] images, int n);

    /** Ends the generator (later calls throw {@link IllegalStateException}); idempotent. The model stays open. */
    @Override
    void close();

    /**
     * Builds an {@link ImageGenerator}; a model is required. Defaults: the model's device (the CPU unless the model
     * was loaded for another), the calling thread as executor, no interceptors, truncation 1, no confidence floor,
     * 512 samples per ONNX Runtime call, at most 20 samples per requested image, attribute check on.
     */
    final class Builder {
        private ImageModel model;
        private ModelHandle<ImageModel> handle;
        private Device device;
        private Executor executor = Runnable::run;
        private InterceptorChain interceptors = InterceptorChain.empty();
        private float truncation = 1f;
        private float minConfidence = 0f;
        private int batchSize = 512;
        private int maxAttemptsFactor = 20;
        private boolean attributeCheck = true;

        private Builder() {
        }

        /**
         * @param value the model to serve (the caller keeps ownership and closes it after the generator)
         * @return this
         */
        public Builder model(ImageModel value) {
            this.model = Objects.requireNonNull(value, "model == null");
            this.handle = null;
            return this;
        }

        /**
         * @param value a handle whose current model serves each call; swaps take effect on the next call, and a call
         *     keeps the model it started with
         * @return this
         */
        public Builder model(ModelHandle<ImageModel> value) {
            this.handle = Objects.requireNonNull(value, "model handle == null");
            this.model = null;
            return this;
        }

        /**
         * @param value where to serve; the model opens its sessions there on first use
         * @return this
         */
        public Builder device(Device value) {
            this.device = Objects.requireNonNull(value, "device == null");
            return this;
        }

        /**
         * @param value runs the ONNX Runtime batches of one call; with a pool, batches of a large request run in
         *     parallel (the images are the same as on the calling thread). Default: the calling thread.
         * @return this
         */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor == null");
            return this;
        }

        /**
         * @param value interceptors that every generating call passes once (content policy, audit)
         * @return this
         */
        public Builder interceptors(InterceptorChain value) {
            this.interceptors = Objects.requireNonNull(value, "interceptors == null");
            return this;
        }

        /**
         * @param value scale of the latent noise, {@code (0, 2]}; below 1 trades variety for typical images
         * @return this
         */
        public Builder truncation(float value) {
            if (!(value > 0 && value <= 2)) {
                throw new IllegalArgumentException("truncation must be in (0, 2], was " + value);
            }
            this.truncation = value;
            return this;
        }

        /**
         * @param value least classifier probability of the requested category to accept, {@code [0, 1)}
         * @return this
         */
        public Builder minConfidence(float value) {
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException("minConfidence must be in [0, 1), was " + value);
            }
            this.minConfidence = value;
            return this;
        }

        /**
         * @param value samples per ONNX Runtime call, {@code 1..65536}
         * @return this
         */
        public Builder batchSize(int value) {
            if (value < 1 || value > 65536) {
                throw new IllegalArgumentException("batchSize must be in 1..65536, was " + value);
            }
            this.batchSize = value;
            return this;
        }

        /**
         * @param value give up after {@code value * count} samples, {@code >= 1}
         * @return this
         */
        public Builder maxAttemptsFactor(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxAttemptsFactor must be >= 1, was " + value);
            }
            this.maxAttemptsFactor = value;
            return this;
        }

        /**
         * @param value false to skip the classifier check (every sample is accepted)
         * @return this
         */
        public Builder attributeCheck(boolean value) {
            this.attributeCheck = value;
            return this;
        }

        /**
         * @return the generator
         * @throws IllegalStateException when no model was set
         * @throws io.retailgen.core.RetailGenException when the model's graphs cannot be loaded on the device
         */
        public ImageGenerator build() {
            if (model == null && handle == null) {
                throw new IllegalStateException("model was not set: call model(ImageModel) or model(ModelHandle)");
            }
            return new OnnxImageGenerator(new OnnxImageGenerator.Settings(model, handle, device, executor,
                    interceptors, truncation, minConfidence, batchSize, maxAttemptsFactor, attributeCheck));
        }
    }
}
