package io.retailgen.imagegen;

import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.Tensor;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** {@link ImageGenerator} over ONNX Runtime sessions: the generator (or VAE decoder), the classifier, the encoder. */
final class OnnxImageGenerator implements ImageGenerator {
    private final ModelSpec spec;
    private final String version;
    private final OnnxModel generator;
    private final OnnxModel classifier;
    private final OnnxModel encoder;
    private final float truncation;
    private final float minConfidence;
    private final int batchSize;
    private final int maxAttemptsFactor;
    private final boolean attributeCheck;
    private final int featureDim;

    OnnxImageGenerator(ModelBundle bundle, Device device, float truncation, float minConfidence, int batchSize,
            int maxAttemptsFactor, boolean attributeCheck) {
        this.spec = TrainedImageModel.readSpec(bundle);
        this.version = bundle.manifest().name() + "@" + bundle.manifest().version();
        this.truncation = truncation;
        this.minConfidence = minConfidence;
        this.batchSize = batchSize;
        this.maxAttemptsFactor = maxAttemptsFactor;
        this.attributeCheck = attributeCheck;
        this.generator = OnnxModel.builder().model(bundle.modelBytes()).name(version + "/generator").device(device)
                .build();
        try {
            this.classifier = OnnxModel.builder().model(bundle.file(TrainedImageModel.CLASSIFIER_FILE))
                    .name(version + "/classifier").device(device).build();
        } catch (RuntimeException e) {
            generator.close();
            throw e;
        }
        if (TrainedImageModel.KIND_CVAE.equals(bundle.manifest().kind())) {
            try {
                this.encoder = OnnxModel.builder().model(bundle.file(TrainedImageModel.ENCODER_FILE))
                        .name(version + "/encoder").device(device).build();
            } catch (RuntimeException e) {
                generator.close();
                classifier.close();
                throw e;
            }
        } else {
            this.encoder = null;
        }
        long[] fshape = classifier.outputs().stream().filter(t -> t.name().equals(Nets.OUT_FEATURES)).findFirst()
                .map(t -> t.shape()).orElse(null);
        if (fshape == null || fshape.length != 2 || fshape[1] < 1) {
            close();
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "classifier of " + version + " has no output '"
                    + Nets.OUT_FEATURES + "' of shape [N, D]");
        }
        this.featureDim = (int) fshape[1];
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public String modelVersion() {
        return version;
    }

    @Override
    public int featureDim() {
        return featureDim;
    }

    @Override
    public GeneratedImages generate(int category, int count, long seed) {
        checkRequest(category, count);
        return run(category, count, seed, null, 0f);
    }

    @Override
    public GeneratedImages variations(int category, long referenceSeed, int count, float radius, long seed) {
        checkRequest(category, count);
        checkRadius(radius);
        float[] reference = new float[spec.latentDim()];
        SplittableRandom r = new SplittableRandom(referenceSeed);
        for (int i = 0; i < reference.length; i++) {
            reference[i] = (float) r.nextGaussian() * truncation;
        }
        return run(category, count, seed, reference, radius);
    }

    @Override
    public boolean canEncode() {
        return encoder != null;
    }

    @Override
    public float[] encode(float[] images, int n, int category) {
        if (encoder == null) {
            throw new IllegalStateException("model " + version + " has no encoder (a " + TrainedImageModel.KIND
                    + " bundle); variations of a real image need a " + TrainedImageModel.KIND_CVAE + " bundle");
        }
        checkCategory(category);
        int per = spec.height() * spec.width();
        if (n < 1 || images.length != n * per) {
            throw new IllegalArgumentException("expected " + n + " images of " + per + " pixels (" + (long) n * per
                    + " values), got " + images.length + " values");
        }
        for (int i = 0; i < images.length; i++) {
            if (!(images[i] >= 0f && images[i] <= 1f)) {
                throw new IllegalArgumentException("pixel " + i + " is " + images[i] + ", pixels must be in [0, 1]");
            }
        }
        int k = spec.categories();
        float[] y = new float[n * k];
        for (int i = 0; i < n; i++) {
            y[i * k + category] = 1f;
        }
        return encoder.run(Map.of(Nets.IN_IMAGE, Tensor.ofFloats(images, n, 1, spec.height(), spec.width()),
                Nets.IN_CATEGORY, Tensor.ofFloats(y, n, k)), Set.of(Nets.OUT_MEAN)).get(Nets.OUT_MEAN)
                .toFloatArray();
    }

    @Override
    public GeneratedImages variationsOf(float[] reference, int category, int count, float radius, long seed) {
        java.util.Objects.requireNonNull(reference, "reference == null");
        checkRequest(category, count);
        checkRadius(radius);
        float[] mean = encode(reference, 1, category);
        return run(category, count, seed, mean, radius);
    }

    private static void checkRadius(float radius) {
        if (!(radius > 0 && radius <= 2)) {
            throw new IllegalArgumentException("radius must be in (0, 2], was " + radius);
        }
    }

    private void checkCategory(int category) {
        if (category < 0 || category >= spec.categories()) {
            throw new IllegalArgumentException("category must be in 0.." + (spec.categories() - 1) + ", was "
                    + category);
        }
    }

    private void checkRequest(int category, int count) {
        checkCategory(category);
        if (count < 1 || count > 1_000_000) {
            throw new IllegalArgumentException("count must be in 1..1000000, was " + count);
        }
    }

    private GeneratedImages run(int category, int count, long seed, float[] reference, float radius) {
        long t0 = System.nanoTime();
        int per = spec.height() * spec.width();
        byte[] out = new byte[count * per];
        int accepted = 0;
        int rejected = 0;
        long attempts = 0;
        long maxAttempts = (long) count * maxAttemptsFactor;
        SplittableRandom rnd = new SplittableRandom(seed);
        while (accepted < count) {
            if (attempts >= maxAttempts) {
                throw new RetailGenException(ErrorCode.INFERENCE_FAILED, "only " + accepted + " of " + count
                        + " images of category " + category + " passed the attribute check after " + attempts
                        + " samples (" + rejected + " rejected); the model may not have learned this category");
            }
            int n = Math.min(batchSize, Math.max(count - accepted, Math.min(batchSize, 64)));
            float[] images = sample(category, n, rnd, reference, radius);
            attempts += n;
            float[] probs = attributeCheck ? classify(images, n) : null;
            for (int i = 0; i < n && accepted < count; i++) {
                if (probs != null && !accepts(probs, i, category)) {
                    rejected++;
                    continue;
                }
                int base = i * per;
                int dst = accepted * per;
                for (int p = 0; p < per; p++) {
                    float v = images[base + p];
                    int b = Math.round(v * 255f);
                    out[dst + p] = (byte) (b < 0 ? 0 : Math.min(b, 255));
                }
                accepted++;
            }
        }
        return new GeneratedImages(category, spec.height(), spec.width(), out, rejected, seed, version,
                System.nanoTime() - t0);
    }

    private boolean accepts(float[] probs, int row, int category) {
        int k = spec.categories();
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (probs[row * k + c] > probs[row * k + best]) {
                best = c;
            }
        }
        return best == category && probs[row * k + category] >= minConfidence;
    }

    float[] sample(int category, int n, SplittableRandom rnd, float[] reference, float radius) {
        int latent = spec.latentDim();
        int k = spec.categories();
        float[] z = new float[n * latent];
        for (int i = 0; i < z.length; i++) {
            z[i] = reference == null ? (float) rnd.nextGaussian() * truncation
                    : reference[i % latent] + (float) rnd.nextGaussian() * radius;
        }
        float[] y = new float[n * k];
        for (int i = 0; i < n; i++) {
            y[i * k + category] = 1f;
        }
        return generator.run(Map.of(Nets.IN_LATENT, Tensor.ofFloats(z, n, latent), Nets.IN_CATEGORY,
                Tensor.ofFloats(y, n, k))).get(Nets.OUT_IMAGE).toFloatArray();
    }

    @Override
    public float[] classify(float[] images, int n) {
        return runClassifier(images, n, Nets.OUT_PROBABILITIES);
    }

    @Override
    public float[] features(float[] images, int n) {
        return runClassifier(images, n, Nets.OUT_FEATURES);
    }

    private float[] runClassifier(float[] images, int n, String output) {
        int per = spec.height() * spec.width();
        if (n < 1 || images.length != n * per) {
            throw new IllegalArgumentException("expected " + n + " images of " + per + " pixels (" + (long) n * per
                    + " values), got " + images.length + " values");
        }
        return classifier.run(Map.of(Nets.IN_IMAGE, Tensor.ofFloats(images, n, 1, spec.height(), spec.width())),
                Set.of(output)).get(output).toFloatArray();
    }

    @Override
    public void close() {
        generator.close();
        classifier.close();
        if (encoder != null) {
            encoder.close();
        }
    }
}
