package io.retailgen.imagegen;

import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelHandle;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * {@link ImageGenerator} over the ONNX Runtime sessions of an {@link ImageModel} (held directly or through a
 * {@link ModelHandle}). Sampling is planned in batches of a fixed size, each with its own seed drawn in order from the
 * call's seed, and consumed in order: the result depends on the seed and the settings only, never on which thread or
 * executor ran a batch.
 */
final class OnnxImageGenerator implements ImageGenerator {
    /** The most batches one call hands to the executor at a time. */
    private static final int MAX_BATCHES_IN_FLIGHT = 16;
    /** The smallest batch worth an ONNX Runtime call when the caller asks for fewer images. */
    private static final int MIN_BATCH = 64;

    /** The builder's choices. */
    record Settings(ImageModel model, ModelHandle<ImageModel> handle, Device device, Executor executor,
            InterceptorChain interceptors, float truncation, float minConfidence, int batchSize,
            int maxAttemptsFactor, boolean attributeCheck) {
    }

    private final Settings settings;
    private volatile boolean closed;

    OnnxImageGenerator(Settings settings) {
        this.settings = settings;
        // open the sessions now, so that a model that cannot run on the device fails at build time
        withModel(m -> sessions(m));
    }

    private <R> R withModel(Function<ImageModel, R> fn) {
        if (closed) {
            throw new IllegalStateException("the image generator is closed");
        }
        return settings.handle() != null ? settings.handle().apply(fn) : fn.apply(settings.model());
    }

    private ImageSessions sessions(ImageModel m) {
        return m.sessions(settings.device() == null ? m.device() : settings.device());
    }

    @Override
    public ModelSpec spec() {
        return withModel(ImageModel::spec);
    }

    @Override
    public String modelVersion() {
        return withModel(OnnxImageGenerator::label);
    }

    private static String label(ImageModel m) {
        return m.name() + "@" + m.version();
    }

    @Override
    public int featureDim() {
        return withModel(m -> sessions(m).featureDim());
    }

    @Override
    public boolean canEncode() {
        return withModel(m -> m.encoderBytes() != null);
    }

    @Override
    public GeneratedImages generate(String category, int count, long seed) {
        checkCount(count);
        return withModel(m -> {
            int c = m.spec().indexOf(category);
            return pass(m, "generate", run(m, c, count, seed, null, 0f));
        });
    }

    @Override
    public GeneratedImages variations(String category, long referenceSeed, int count, float radius, long seed) {
        checkCount(count);
        checkRadius(radius);
        return withModel(m -> {
            int c = m.spec().indexOf(category);
            float[] reference = new float[m.spec().latentDim()];
            SplittableRandom r = new SplittableRandom(referenceSeed);
            for (int i = 0; i < reference.length; i++) {
                reference[i] = (float) r.nextGaussian() * settings.truncation();
            }
            return pass(m, "variations", run(m, c, count, seed, reference, radius));
        });
    }

    @Override
    public float[] encode(float[] images, int n, String category) {
        Objects.requireNonNull(images, "images == null");
        return withModel(m -> encode(m, images, n, m.spec().indexOf(category)));
    }

    private float[] encode(ImageModel m, float[] images, int n, int category) {
        ImageSessions s = sessions(m);
        if (!s.canEncode()) {
            throw new IllegalStateException("model " + label(m) + " has no encoder (a " + ImageModel.KIND
                    + " model); variations of a real image need a " + ImageModel.KIND_VAE + " model");
        }
        ModelSpec spec = m.spec();
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
        return s.encode(images, oneHot(category, n, spec.categoryCount()), n);
    }

    @Override
    public GeneratedImages variationsOf(float[] reference, String category, int count, float radius, long seed) {
        Objects.requireNonNull(reference, "reference == null");
        checkCount(count);
        checkRadius(radius);
        return withModel(m -> {
            int c = m.spec().indexOf(category);
            float[] mean = encode(m, reference, 1, c);
            return pass(m, "variationsOf", run(m, c, count, seed, mean, radius));
        });
    }

    /** Passes the images through the interceptors once: BLOCK throws, anything else returns them. */
    private GeneratedImages pass(ImageModel m, String operation, GeneratedImages images) {
        InterceptorChain chain = settings.interceptors();
        if (chain.size() == 0) {
            return images; // nothing could look at, change or stop them: skip copying the pixels into a request
        }
        // one PNG that any image interceptor can decode: the images stacked top to bottom
        GenerationRequest request = GenerationRequest.builder().module("imagegen").operation(operation)
                .image(GreyPng.uncompressedPng(GreyPng.toImage(images.pixels(), images.width(),
                        images.height() * images.count())))
                .model(m.name(), m.version())
                .attribute("image_format", "png").attribute("image_layout", "vertical-strip")
                .attribute("image_width", Integer.toString(images.width()))
                .attribute("image_height", Integer.toString(images.height()))
                .attribute("image_count", Integer.toString(images.count())).attribute("category", images.category())
                .attribute("seed", Long.toString(images.seed()))
                .attribute("rejected", Integer.toString(images.rejected())).build();
        GenerationResponse response = chain.execute(request, r -> GenerationResponse.allow(r.text()));
        if (response.blocked()) {
            throw new BlockedOutputException(operation, response.findings());
        }
        return images;
    }

    private static void checkRadius(float radius) {
        if (!(radius > 0 && radius <= 2)) {
            throw new IllegalArgumentException("radius must be in (0, 2], was " + radius);
        }
    }

    private static void checkCount(int count) {
        if (count < 1 || count > 1_000_000) {
            throw new IllegalArgumentException("count must be in 1..1000000, was " + count);
        }
    }

    /** One sampled batch: images and, with the attribute check on, the classifier's probabilities. */
    private record Batch(float[] images, float[] probabilities) {
    }

    private GeneratedImages run(ImageModel m, int category, int count, long seed, float[] reference, float radius) {
        long t0 = System.nanoTime();
        ImageSessions s = sessions(m);
        ModelSpec spec = m.spec();
        int per = spec.height() * spec.width();
        byte[] out = new byte[count * per];
        int n = Math.min(settings.batchSize(), Math.max(count, MIN_BATCH));
        long maxAttempts = (long) count * settings.maxAttemptsFactor();
        SplittableRandom batchSeeds = new SplittableRandom(seed);
        int accepted = 0;
        int rejected = 0;
        long attempts = 0;
        while (accepted < count) {
            if (attempts >= maxAttempts) {
                throw new RetailGenException(ErrorCode.INFERENCE_FAILED, "only " + accepted + " of " + count
                        + " images of category '" + spec.categories().get(category) + "' passed the attribute check"
                        + " after " + attempts + " samples (" + rejected + " rejected); the model may not have"
                        + " learned this category");
            }
            double acceptance = attempts == 0 ? 1 : Math.max(0.05, (double) accepted / attempts);
            long wanted = (long) Math.ceil((count - accepted) / (n * acceptance));
            long allowed = (maxAttempts - attempts + n - 1) / n;
            int batches = (int) Math.max(1, Math.min(MAX_BATCHES_IN_FLIGHT, Math.min(wanted, allowed)));
            List<CompletableFuture<Batch>> inFlight = new ArrayList<>(batches);
            for (int b = 0; b < batches; b++) {
                long batchSeed = batchSeeds.nextLong();
                inFlight.add(CompletableFuture.supplyAsync(() -> sample(s, spec, category, n, batchSeed, reference,
                        radius), settings.executor()));
            }
            for (CompletableFuture<Batch> f : inFlight) {
                if (accepted >= count) {
                    break; // a batch planned ahead and not needed: its samples do not count
                }
                Batch batch = join(f);
                attempts += n;
                for (int i = 0; i < n && accepted < count; i++) {
                    if (batch.probabilities() != null && !accepts(batch.probabilities(), spec.categoryCount(), i,
                            category)) {
                        rejected++;
                        continue;
                    }
                    quantise(batch.images(), i * per, out, accepted * per, per);
                    accepted++;
                }
            }
        }
        return new GeneratedImages(spec.categories().get(category), spec.height(), spec.width(), out, rejected, seed,
                label(m), System.nanoTime() - t0);
    }

    private static Batch join(CompletableFuture<Batch> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static void quantise(float[] images, int from, byte[] out, int to, int per) {
        for (int p = 0; p < per; p++) {
            int b = Math.round(images[from + p] * 255f);
            out[to + p] = (byte) (b < 0 ? 0 : Math.min(b, 255));
        }
    }

    private boolean accepts(float[] probs, int k, int row, int category) {
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (probs[row * k + c] > probs[row * k + best]) {
                best = c;
            }
        }
        return best == category && probs[row * k + category] >= settings.minConfidence();
    }

    private Batch sample(ImageSessions s, ModelSpec spec, int category, int n, long batchSeed, float[] reference,
            float radius) {
        SplittableRandom rnd = new SplittableRandom(batchSeed);
        int latent = spec.latentDim();
        float[] z = new float[n * latent];
        for (int i = 0; i < z.length; i++) {
            z[i] = reference == null ? (float) rnd.nextGaussian() * settings.truncation()
                    : reference[i % latent] + (float) rnd.nextGaussian() * radius;
        }
        float[] images = s.generate(z, oneHot(category, n, spec.categoryCount()), n);
        float[] probs = settings.attributeCheck() ? s.classifier(images, n, Nets.OUT_PROBABILITIES) : null;
        return new Batch(images, probs);
    }

    private static float[] oneHot(int category, int n, int k) {
        float[] y = new float[n * k];
        for (int i = 0; i < n; i++) {
            y[i * k + category] = 1f;
        }
        return y;
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
        Objects.requireNonNull(images, "images == null");
        return withModel(m -> {
            int per = m.spec().height() * m.spec().width();
            if (n < 1 || images.length != n * per) {
                throw new IllegalArgumentException("expected " + n + " images of " + per + " pixels ("
                        + (long) n * per + " values), got " + images.length + " values");
            }
            return sessions(m).classifier(images, n, output);
        });
    }

    @Override
    public void close() {
        closed = true;
    }
}
