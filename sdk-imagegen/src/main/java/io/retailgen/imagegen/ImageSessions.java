package io.retailgen.imagegen;

import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.Tensor;
import io.retailgen.core.spi.SessionOptions;
import java.util.Map;
import java.util.Set;

/**
 * The ONNX Runtime sessions of one {@link ImageModel} on one device: generator (or VAE decoder), classifier and, for a
 * VAE, encoder. Safe for concurrent use (ONNX Runtime sessions are); closed by the model that opened them.
 *
 * <p>Each session runs an inference on the calling thread alone (one intra-op and one inter-op thread): the graphs are
 * small, and ONNX Runtime's default pool of one spinning thread per core spent about half of the CPU time of
 * {@code generate} waiting (about 2,300 against 4,700-5,300 accepted images per CPU-second with the attribute check,
 * measured on a shared 2-vCPU machine). A generator with an executor runs batches on several threads instead.
 */
final class ImageSessions implements AutoCloseable {
    private static final SessionOptions ONE_THREAD = new SessionOptions(1, 1, true);
    private final ModelSpec spec;
    private final OnnxModel generator;
    private final OnnxModel classifier;
    private final OnnxModel encoder;
    private final int featureDim;

    ImageSessions(ImageModel model, Device device) {
        this.spec = model.spec();
        String label = model.name() + "@" + model.version();
        this.generator = OnnxModel.builder().model(model.generatorBytes()).name(label + "/generator").device(device)
                .options(ONE_THREAD).build();
        OnnxModel cls = null;
        OnnxModel enc = null;
        try {
            cls = OnnxModel.builder().model(model.classifierBytes()).name(label + "/classifier").device(device)
                    .options(ONE_THREAD).build();
            if (model.encoderBytes() != null) {
                enc = OnnxModel.builder().model(model.encoderBytes()).name(label + "/encoder").device(device)
                        .options(ONE_THREAD).build();
            }
        } catch (RuntimeException e) {
            generator.close();
            if (cls != null) {
                cls.close();
            }
            throw e;
        }
        this.classifier = cls;
        this.encoder = enc;
        long[] shape = classifier.outputs().stream().filter(t -> t.name().equals(Nets.OUT_FEATURES)).findFirst()
                .map(t -> t.shape()).orElse(null);
        if (shape == null || shape.length != 2 || shape[1] < 1) {
            close();
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "classifier of " + label + " has no output '"
                    + Nets.OUT_FEATURES + "' of shape [N, D]");
        }
        this.featureDim = (int) shape[1];
    }

    int featureDim() {
        return featureDim;
    }

    boolean canEncode() {
        return encoder != null;
    }

    /** @return {@code n} images of {@code height * width} pixels in [0, 1] for latents {@code z} and one-hots */
    float[] generate(float[] z, float[] oneHot, int n) {
        return generator.run(Map.of(Nets.IN_LATENT, Tensor.ofFloats(z, n, spec.latentDim()), Nets.IN_CATEGORY,
                Tensor.ofFloats(oneHot, n, spec.categoryCount()))).get(Nets.OUT_IMAGE).toFloatArray();
    }

    float[] encode(float[] images, float[] oneHot, int n) {
        return encoder.run(Map.of(Nets.IN_IMAGE, Tensor.ofFloats(images, n, 1, spec.height(), spec.width()),
                Nets.IN_CATEGORY, Tensor.ofFloats(oneHot, n, spec.categoryCount())), Set.of(Nets.OUT_MEAN))
                .get(Nets.OUT_MEAN).toFloatArray();
    }

    float[] classifier(float[] images, int n, String output) {
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
