package io.retailgen.imagegen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.Provenance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@link ImageModelTrainer#train(LabeledImages)}: the generator and classifier as ONNX graphs, their
 * contract and provenance. Turn it into a model bundle with {@link #toBundle(String, String)}.
 *
 * <pre>{@code
 * ModelBundle bundle = trained.toBundle("fashion", "1");
 * bundle.saveTo(Path.of("models/fashion"));
 * try (ImageGenerator gen = ImageGenerator.builder().bundle(bundle).build()) { ... }
 * }</pre>
 *
 * <p>Immutable and safe for concurrent use.
 */
public final class TrainedImageModel {
    /** The bundle kind of an image model. */
    public static final String KIND = "imagegen.cgan";
    /** The bundle kind of a conditional VAE image model (decoder as {@code model.onnx}, plus an encoder). */
    public static final String KIND_CVAE = "imagegen.cvae";
    /** The bundle file that holds the VAE encoder graph (bundles of kind {@value #KIND_CVAE}). */
    public static final String ENCODER_FILE = "encoder.onnx";
    /** The bundle file that holds the classifier graph. */
    public static final String CLASSIFIER_FILE = "classifier.onnx";
    /** The bundle file that holds the {@link ModelSpec} as JSON. */
    public static final String SPEC_FILE = "imagegen.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final byte[] generatorOnnx;
    private final byte[] classifierOnnx;
    private final byte[] encoderOnnx;
    private final ModelSpec spec;
    private final Provenance provenance;
    private final double trainSeconds;
    private final double exportMaxAbsDiff;

    TrainedImageModel(byte[] generatorOnnx, byte[] classifierOnnx, byte[] encoderOnnx, ModelSpec spec,
            Provenance provenance, double trainSeconds, double exportMaxAbsDiff) {
        this.generatorOnnx = generatorOnnx.clone();
        this.classifierOnnx = classifierOnnx.clone();
        this.encoderOnnx = encoderOnnx == null ? null : encoderOnnx.clone();
        this.spec = Objects.requireNonNull(spec, "spec == null");
        this.provenance = Objects.requireNonNull(provenance, "provenance == null");
        this.trainSeconds = trainSeconds;
        this.exportMaxAbsDiff = exportMaxAbsDiff;
    }

    /** @return {@link ImageModelTrainer.Architecture#CVAE} when this model has an encoder, else {@code CGAN} */
    public ImageModelTrainer.Architecture architecture() {
        return encoderOnnx == null ? ImageModelTrainer.Architecture.CGAN : ImageModelTrainer.Architecture.CVAE;
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

    /** @return the input/output contract */
    public ModelSpec spec() {
        return spec;
    }

    /** @return data fingerprint, settings, seed and training metrics */
    public Provenance provenance() {
        return provenance;
    }

    /** @return wall-clock seconds of the whole training run (classifier, GAN, export and checks) */
    public double trainSeconds() {
        return trainSeconds;
    }

    /** @return the largest difference between ONNX Runtime and DJL outputs on random inputs, both networks */
    public double exportMaxAbsDiff() {
        return exportMaxAbsDiff;
    }

    /**
     * @param metrics extra metrics to record in the provenance (merged over the training metrics)
     * @return a copy whose provenance also holds {@code metrics}
     */
    public TrainedImageModel withMetrics(Map<String, Double> metrics) {
        Map<String, Double> all = new java.util.LinkedHashMap<>(provenance.metrics());
        all.putAll(metrics);
        return new TrainedImageModel(generatorOnnx, classifierOnnx, encoderOnnx, spec, provenance.withMetrics(all),
                trainSeconds, exportMaxAbsDiff);
    }

    /**
     * @param name the model name (letters, digits, '.', '_', '+', '-')
     * @param version the version, e.g. {@code 1}
     * @return a model bundle: {@code model.onnx} (generator or decoder), {@code classifier.onnx},
     *     {@code imagegen.json}, and for a VAE {@code encoder.onnx}; of kind {@value #KIND} or {@value #KIND_CVAE}
     */
    public ModelBundle toBundle(String name, String version) {
        ModelBundle.Builder b = ModelBundle.builder().kind(encoderOnnx == null ? KIND : KIND_CVAE).name(name)
                .version(version).model(generatorOnnx).file(CLASSIFIER_FILE, classifierOnnx)
                .file(SPEC_FILE, specJson(spec)).provenance(provenance);
        if (encoderOnnx != null) {
            b.file(ENCODER_FILE, encoderOnnx);
        }
        return b.build();
    }

    static byte[] specJson(ModelSpec spec) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("latent_dim", spec.latentDim());
        n.put("categories", spec.categories());
        n.put("height", spec.height());
        n.put("width", spec.width());
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    static ModelSpec readSpec(ModelBundle bundle) {
        String kind = bundle.manifest().kind();
        if (!KIND.equals(kind) && !KIND_CVAE.equals(kind)) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + bundle.manifest().name()
                    + " is of kind '" + kind + "', expected '" + KIND + "' or '" + KIND_CVAE + "'");
        }
        String[] required = KIND_CVAE.equals(kind) ? new String[] {SPEC_FILE, CLASSIFIER_FILE, ENCODER_FILE}
                : new String[] {SPEC_FILE, CLASSIFIER_FILE};
        for (String f : required) {
            if (!bundle.fileNames().contains(f)) {
                throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + bundle.manifest().name()
                        + " lacks " + f + " (has " + bundle.fileNames() + ")");
            }
        }
        try {
            var n = MAPPER.readTree(bundle.file(SPEC_FILE));
            return new ModelSpec(n.path("latent_dim").asInt(0), n.path("categories").asInt(0),
                    n.path("height").asInt(0), n.path("width").asInt(0));
        } catch (IOException | IllegalArgumentException e) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + bundle.manifest().name() + ": bad "
                    + SPEC_FILE + ": " + e.getMessage(), e);
        }
    }
}
