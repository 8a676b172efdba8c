package io.retailgen.imagegen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.Provenance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trained image model: the generator (or a VAE's decoder and encoder) and the category classifier as ONNX graphs,
 * their contract ({@link ModelSpec}) and provenance. It comes from {@link ImageTrainer#train(LabeledImages)} or from a
 * saved bundle ({@link #fromBundle(ModelBundle)}), is saved with {@link #toBundle(String, String)}, and is served by
 * an {@link ImageGenerator}.
 *
 * <pre>{@code
 * try (ImageModel model = ImageTrainer.builder().seed(7L).build().train(images)) {
 *     model.toBundle("fashion", "1").saveTo(Path.of("models/fashion"));
 * }
 * try (ImageModel model = ImageModel.fromBundle(ModelBundle.load(Path.of("models/fashion")));
 *      ImageGenerator gen = ImageGenerator.builder().model(model).build()) {
 *     GeneratedImages shirts = gen.generate("shirt", 10, 7L);
 * }
 * // hot swaps: ModelHandle.of(bundle, ImageModel::fromBundle), or ModelHandle.fromRegistry(registry, name, ...)
 * }</pre>
 *
 * <p>The model owns the ONNX Runtime sessions its generators run on: they are opened on first use per device (for
 * {@link #fromBundle(ModelBundle, Device)} at once, so a broken bundle fails there) and released by {@link #close()}.
 * Close the model after the generators that use it. Safe for concurrent use.
 */
public final class ImageModel implements AutoCloseable {
    /** The bundle kind of a class-conditional GAN image model. */
    public static final String KIND = "imagegen.gan";
    /** The bundle kind of a class-conditional VAE image model (decoder as {@code model.onnx}, plus an encoder). */
    public static final String KIND_VAE = "imagegen.vae";
    /** The kind that bundles of a GAN image model were written with before {@value #KIND}; still read. */
    static final String OLD_KIND_GAN = "imagegen.cgan";
    /** The kind that bundles of a VAE image model were written with before {@value #KIND_VAE}; still read. */
    static final String OLD_KIND_VAE = "imagegen.cvae";
    /** The bundle file that holds the VAE encoder graph (bundles of kind {@value #KIND_VAE}). */
    public static final String ENCODER_FILE = "encoder.onnx";
    /** The bundle file that holds the classifier graph. */
    public static final String CLASSIFIER_FILE = "classifier.onnx";
    /** The bundle file that holds the {@link ModelSpec} as JSON. */
    public static final String SPEC_FILE = "imagegen.json";
    /** The name of a model that was trained and not yet saved. */
    public static final String UNSAVED_NAME = "imagegen";
    /** The version of a model that was trained and not yet saved. */
    public static final String UNSAVED_VERSION = "unsaved";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final byte[] generatorOnnx;
    private final byte[] classifierOnnx;
    private final byte[] encoderOnnx;
    private final ModelSpec spec;
    private final Provenance provenance;
    private final double trainSeconds;
    private final double exportMaxAbsDiff;
    private final String name;
    private final String version;
    private final Device device;
    private final Map<Device, ImageSessions> sessions = new LinkedHashMap<>();
    private boolean closed;

    ImageModel(byte[] generatorOnnx, byte[] classifierOnnx, byte[] encoderOnnx, ModelSpec spec,
            Provenance provenance, double trainSeconds, double exportMaxAbsDiff) {
        this(generatorOnnx, classifierOnnx, encoderOnnx, spec, provenance, trainSeconds, exportMaxAbsDiff,
                UNSAVED_NAME, UNSAVED_VERSION, Device.cpu());
    }

    private ImageModel(byte[] generatorOnnx, byte[] classifierOnnx, byte[] encoderOnnx, ModelSpec spec,
            Provenance provenance, double trainSeconds, double exportMaxAbsDiff, String name, String version,
            Device device) {
        this.generatorOnnx = generatorOnnx.clone();
        this.classifierOnnx = classifierOnnx.clone();
        this.encoderOnnx = encoderOnnx == null ? null : encoderOnnx.clone();
        this.spec = Objects.requireNonNull(spec, "spec == null");
        this.provenance = Objects.requireNonNull(provenance, "provenance == null");
        this.trainSeconds = trainSeconds;
        this.exportMaxAbsDiff = exportMaxAbsDiff;
        this.name = name;
        this.version = version;
        this.device = device;
    }

    /**
     * Loads a model from a bundle for serving on the CPU.
     *
     * @param bundle a bundle of kind {@value #KIND} or {@value #KIND_VAE} (or the older {@code imagegen.cgan},
     *     {@code imagegen.cvae})
     * @return the model, with its CPU sessions open
     * @throws RetailGenException when the bundle is of another kind, lacks a file or its graphs do not load
     */
    public static ImageModel fromBundle(ModelBundle bundle) {
        return fromBundle(bundle, Device.cpu());
    }

    /**
     * Loads a model from a bundle for serving on {@code device} (generators built without a device use it).
     *
     * @param bundle an image model bundle
     * @param device where the sessions run
     * @return the model, with its sessions on {@code device} open
     * @throws RetailGenException when the bundle is of another kind, lacks a file or its graphs do not load
     */
    public static ImageModel fromBundle(ModelBundle bundle, Device device) {
        Objects.requireNonNull(bundle, "bundle == null");
        Objects.requireNonNull(device, "device == null");
        ModelSpec spec = readSpec(bundle);
        boolean vae = isVaeKind(bundle.manifest().kind());
        Provenance p = bundle.manifest().provenance();
        ImageModel model = new ImageModel(bundle.modelBytes(), bundle.file(CLASSIFIER_FILE),
                vae ? bundle.file(ENCODER_FILE) : null, spec, p,
                p.metrics().getOrDefault("train_seconds", 0.0), p.metrics().getOrDefault("export_max_abs_diff", 0.0),
                bundle.manifest().name(), bundle.manifest().version(), device);
        model.sessions(device);
        return model;
    }

    /** @return {@link ImageTrainer.Architecture#CVAE} when this model has an encoder, else {@code CGAN} */
    public ImageTrainer.Architecture architecture() {
        return encoderOnnx == null ? ImageTrainer.Architecture.CGAN : ImageTrainer.Architecture.CVAE;
    }

    /** @return the bundle kind this model is saved as: {@value #KIND} or {@value #KIND_VAE} */
    public String kind() {
        return encoderOnnx == null ? KIND : KIND_VAE;
    }

    /**
     * @return the VAE encoder graph: inputs {@code image}, {@code category_one_hot}; outputs {@code mean},
     *     {@code log_variance}
     * @throws IllegalStateException for a GAN model, which has no encoder
     */
    public byte[] encoderOnnx() {
        if (encoderOnnx == null) {
            throw new IllegalStateException("a " + KIND + " model has no encoder; train with Architecture.CVAE");
        }
        return encoderOnnx.clone();
    }

    /**
     * @return the generator graph (the VAE's decoder for a {@code CVAE} model): inputs {@code z},
     *     {@code category_one_hot}; output {@code image} in [0, 1]
     */
    public byte[] generatorOnnx() {
        return generatorOnnx.clone();
    }

    /** @return the classifier graph: input {@code image}; outputs {@code features}, {@code probabilities} */
    public byte[] classifierOnnx() {
        return classifierOnnx.clone();
    }

    byte[] generatorBytes() {
        return generatorOnnx;
    }

    byte[] classifierBytes() {
        return classifierOnnx;
    }

    byte[] encoderBytes() {
        return encoderOnnx;
    }

    /** @return the input/output contract, with the category labels */
    public ModelSpec spec() {
        return spec;
    }

    /** @return data fingerprint, settings, seed and training metrics */
    public Provenance provenance() {
        return provenance;
    }

    /** @return the bundle name this model was loaded from, or {@value #UNSAVED_NAME} for a freshly trained one */
    public String name() {
        return name;
    }

    /** @return the bundle version this model was loaded from, or {@value #UNSAVED_VERSION} */
    public String version() {
        return version;
    }

    /** @return the device its generators run on unless they name another */
    public Device device() {
        return device;
    }

    /** @return wall-clock seconds of the whole training run (classifier, generator, export and checks) */
    public double trainSeconds() {
        return trainSeconds;
    }

    /** @return the largest difference between ONNX Runtime and DJL outputs on random inputs, all networks */
    public double exportMaxAbsDiff() {
        return exportMaxAbsDiff;
    }

    /**
     * @param metrics extra metrics to record in the provenance (merged over the training metrics)
     * @return a new model (with no open sessions) whose provenance also holds {@code metrics}
     */
    public ImageModel withMetrics(Map<String, Double> metrics) {
        Map<String, Double> all = new LinkedHashMap<>(provenance.metrics());
        all.putAll(metrics);
        return new ImageModel(generatorOnnx, classifierOnnx, encoderOnnx, spec, provenance.withMetrics(all),
                trainSeconds, exportMaxAbsDiff, name, version, device);
    }

    /**
     * @param bundleName the model name (letters, digits, '.', '_', '+', '-')
     * @param bundleVersion the version, e.g. {@code 1}
     * @return a model bundle: {@code model.onnx} (generator or decoder), {@code classifier.onnx},
     *     {@code imagegen.json} (the spec with the category labels), and for a VAE {@code encoder.onnx}; of kind
     *     {@value #KIND} or {@value #KIND_VAE}
     */
    public ModelBundle toBundle(String bundleName, String bundleVersion) {
        ModelBundle.Builder b = ModelBundle.builder().kind(kind()).name(bundleName).version(bundleVersion)
                .model(generatorOnnx).file(CLASSIFIER_FILE, classifierOnnx).file(SPEC_FILE, specJson(spec))
                .provenance(provenance);
        if (encoderOnnx != null) {
            b.file(ENCODER_FILE, encoderOnnx);
        }
        return b.build();
    }

    /**
     * The sessions on {@code target}, opened on first use.
     *
     * @throws IllegalStateException when the model is closed
     */
    synchronized ImageSessions sessions(Device target) {
        if (closed) {
            throw new IllegalStateException("image model " + name + "@" + version + " is closed");
        }
        ImageSessions s = sessions.get(target);
        if (s == null) {
            s = new ImageSessions(this, target);
            sessions.put(target, s);
        }
        return s;
    }

    /** @return true after {@link #close()} */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Releases the ONNX Runtime sessions; idempotent. The graphs stay readable and can still be saved. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            List<ImageSessions> open = new ArrayList<>(sessions.values());
            sessions.clear();
            for (ImageSessions s : open) {
                s.close();
            }
        }
    }

    @Override
    public String toString() {
        return "ImageModel[" + name + "@" + version + ", " + kind() + ", " + spec.categoryCount() + " categories, "
                + spec.height() + "x" + spec.width() + "]";
    }

    static boolean isVaeKind(String kind) {
        return KIND_VAE.equals(kind) || OLD_KIND_VAE.equals(kind);
    }

    static byte[] specJson(ModelSpec spec) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("latent_dim", spec.latentDim());
        n.put("categories", spec.categoryCount());
        ArrayNode labels = n.putArray("category_labels");
        spec.categories().forEach(labels::add);
        n.put("height", spec.height());
        n.put("width", spec.width());
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    static ModelSpec readSpec(ModelBundle bundle) {
        String kind = bundle.manifest().kind();
        boolean vae = isVaeKind(kind);
        if (!vae && !KIND.equals(kind) && !OLD_KIND_GAN.equals(kind)) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + bundle.manifest().name()
                    + " is of kind '" + kind + "', expected '" + KIND + "' or '" + KIND_VAE + "'");
        }
        String[] required = vae ? new String[] {SPEC_FILE, CLASSIFIER_FILE, ENCODER_FILE}
                : new String[] {SPEC_FILE, CLASSIFIER_FILE};
        for (String f : required) {
            if (!bundle.fileNames().contains(f)) {
                throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + bundle.manifest().name()
                        + " lacks " + f + " (has " + bundle.fileNames() + ")");
            }
        }
        try {
            var n = MAPPER.readTree(bundle.file(SPEC_FILE));
            int count = n.path("categories").asInt(0);
            List<String> labels = new ArrayList<>();
            n.path("category_labels").forEach(l -> labels.add(l.asText()));
            if (labels.isEmpty()) {
                labels.addAll(ModelSpec.numberedLabels(count)); // bundles written before category labels
            } else if (labels.size() != count) {
                throw new IllegalArgumentException(labels.size() + " category labels for " + count + " categories");
            }
            return new ModelSpec(n.path("latent_dim").asInt(0), labels, n.path("height").asInt(0),
                    n.path("width").asInt(0));
        } catch (IOException | IllegalArgumentException e) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + bundle.manifest().name() + ": bad "
                    + SPEC_FILE + ": " + e.getMessage(), e);
        }
    }
}
