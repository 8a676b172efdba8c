package io.retailgen.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.Provenance;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A conditional variational autoencoder of demand scenarios: a latent drawn from {@code N(0, I)} and a context (the
 * last {@code context} values, the drivers over the context and over the next {@code block} steps) go through the
 * decoder to a Gaussian for each of the next {@code block} values of {@code log(y / scale + 0.05)}, where
 * {@code scale} is the context's mean. One latent per path makes the values of a path move together (a good or a bad
 * season), the per-step Gaussian adds the noise around it. Horizons longer than the block are sampled block after
 * block, each block's context being the path so far.
 *
 * <p>{@link ScenarioVaeTrainer} trains it with DJL (PyTorch, from the optional sdk-training): encoder, reparameterised
 * Gaussian latent, decoder, with a likelihood, a KL and an explicit diversity term. Only the decoder is needed to
 * sample; it is exported to ONNX and every sample is drawn through sdk-onnx's {@link OnnxModel}, so serving needs no
 * PyTorch.
 *
 * <pre>{@code
 * ScenarioVae vae = ScenarioVaeTrainer.builder().drivers("discount").build().train(history);
 * ScenarioSet base = vae.sample(s, 12, Map.of("discount", new double[12]), 1000, 1);
 * ScenarioSet promo = vae.sample(s, 12, Map.of("discount", twentyPercent), 1000, 1);    // what-if
 * ModelHandle<ScenarioVae> handle = ModelHandle.of(vae.toBundle("monthly", "1"), ScenarioVae::fromBundle);
 * Forecaster f = Forecaster.builder().method(Method.GENERATIVE).generativeModel(vae).build();
 * }</pre>
 *
 * <p>Thread-safe. Holds an ONNX Runtime session; close it when done.
 */
public final class ScenarioVae implements GenerativeScenarioModel, AutoCloseable {

    /** The bundle kind written by {@link #toBundle(String, String)}. */
    public static final String KIND = "forecast.scenariovae";
    static final String TRAINED_NAME = "forecast-scenariovae";
    static final String CONFIG_FILE = "scenariovae.json";
    static final String FORMAT = "retailgen-forecast-scenariovae";
    static final int FORMAT_VERSION = 1;
    static final String INPUT = "condition";
    static final String OUTPUT = "params";
    /** The decoder's raw scale output {@code r} becomes {@code log sigma = CENTRE + HALF_WIDTH * tanh(r / HALF_WIDTH)}. */
    static final double LOG_SIGMA_CENTRE = -2;
    static final double LOG_SIGMA_HALF_WIDTH = 3;
    /** The largest value a step may reach, as a multiple of its context's mean (keeps a wild draw finite). */
    static final double MAX_RATIO = 1000;
    static final double Z_MAX = Math.log(MAX_RATIO);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Shape shape;
    private final List<String> drivers;
    private final byte[] onnx;
    private final Provenance provenance;
    private final String modelName;
    private final String version;
    private final OnnxModel session;

    /** The sizes that fix the decoder's input layout. */
    record Shape(int context, int block, int latent, int hidden) {
        /** @return values per row of the condition (without the latent) for {@code d} drivers */
        int conditionSize(int d) {
            return context + d * (context + block);
        }
    }

    ScenarioVae(Shape shape, List<String> drivers, byte[] onnx, Provenance provenance, String modelName,
            String version, Device device) {
        this.shape = shape;
        this.drivers = List.copyOf(drivers);
        this.onnx = onnx.clone();
        this.provenance = provenance;
        this.modelName = modelName;
        this.version = version;
        this.session = OnnxModel.builder().model(onnx).name(modelName + "-" + version).device(device).build();
    }

    /** @return the bundle's name, or {@code forecast-scenariovae} for a model fresh from training */
    public String modelName() {
        return modelName;
    }

    /** @return the bundle's version, or a data fingerprint for a model fresh from training */
    public String version() {
        return version;
    }

    /** @return the driver names the model is conditioned on, in input order */
    public List<String> drivers() {
        return drivers;
    }

    /** @return how many past values the decoder sees */
    public int context() {
        return shape.context();
    }

    /** @return how many future values one decoder call produces */
    public int block() {
        return shape.block();
    }

    /** @return the latent dimensions */
    public int latent() {
        return shape.latent();
    }

    /** @return the training provenance: data fingerprint, hyper-parameters, seed, metrics */
    public Provenance provenance() {
        return provenance;
    }

    /** @return the exported decoder (a copy): input {@code condition [n, latent + C]}, output {@code params [n, 2 block]} */
    public byte[] onnxBytes() {
        return onnx.clone();
    }

    @Override
    public String name() {
        return "scenariovae-" + version;
    }

    /**
     * Writes one row of the condition: the context's {@code log(y / scale + 0.05)} (newest last), then per driver its
     * values over the context and the block. Returns the scale, the mean of the context's non-negative values.
     *
     * @param y values; the context is {@code y[yEnd - context, yEnd)}
     * @param d driver arrays; read over {@code [dEnd - context, dEnd + block)}
     * @param out the row, starting at {@code off}
     */
    static double condition(double[] y, int yEnd, double[][] d, int dEnd, Shape s, float[] out, int off) {
        int c = s.context();
        double sum = 0;
        for (int i = yEnd - c; i < yEnd; i++) {
            sum += Math.max(0, y[i]);
        }
        double scale = sum / c;
        int o = off;
        for (int i = yEnd - c; i < yEnd; i++) {
            out[o++] = (float) z(y[i], scale);
        }
        for (double[] k : d) {
            for (int i = dEnd - c; i < dEnd + s.block(); i++) {
                out[o++] = (float) k[i];
            }
        }
        return scale;
    }

    /**
     * The decoder's log sigma from its raw output: a smooth squash into {@code (-5, 1)} (a hard clip would stop the
     * gradient of a unit that strays outside and leave it there).
     */
    static double logSigma(double raw) {
        return LOG_SIGMA_CENTRE + LOG_SIGMA_HALF_WIDTH * Math.tanh(raw / LOG_SIGMA_HALF_WIDTH);
    }

    /** {@code log(y / scale + 0.05)}, at most {@code log(MAX_RATIO)}; the floor for a zero scale. */
    static double z(double y, double scale) {
        return scale > 0 ? Math.min(Z_MAX, Math.log(Math.max(0, y) / scale + DeepArModel.OFFSET)) : DeepArModel.Z_MIN;
    }

    /** The cleaned, non-negative history of a series padded at the front to at least {@code context} values. */
    static double[] history(DeepArModel.Prepared p) {
        double[] y = new double[p.z.length];
        for (int t = 0; t < y.length; t++) {
            y[t] = p.scale > 0 ? Math.max(0, p.scale * (Math.exp(p.z[t]) - DeepArModel.OFFSET)) : 0;
        }
        return y;
    }

    @Override
    public ScenarioSet sample(TimeSeries history, int horizon, Map<String, double[]> futureDrivers, int paths,
            long seed) {
        GenerativeArguments.checkSample(history, horizon, futureDrivers, paths, drivers);
        int c = shape.context();
        int b = shape.block();
        int lat = shape.latent();
        DeepArModel.Prepared p = DeepArModel.Prepared.of(history, drivers, c);
        double[] out = new double[paths * horizon];
        if (p.scale == 0) {
            return new ScenarioSet(name(), seed, paths, horizon, out);
        }
        double[] base = history(p);
        int n = base.length;
        int blocks = (horizon + b - 1) / b;
        int total = blocks * b;
        double[][] d = new double[drivers.size()][n + total];
        for (int k = 0; k < d.length; k++) {
            System.arraycopy(p.d[k], 0, d[k], 0, n);
            double[] f = futureDrivers.get(drivers.get(k));
            for (int s = 0; s < total; s++) {
                d[k][n + s] = f == null ? 0 : f[Math.min(s, horizon - 1)];
            }
        }
        double[][] buf = new double[paths][c + total];
        for (double[] row : buf) {
            System.arraycopy(base, n - c, row, 0, c);
        }
        int width = lat + shape.conditionSize(d.length);
        float[] rows = new float[paths * width];
        double[] scales = new double[paths];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int j = 0; j < blocks; j++) {
            int end = c + j * b;
            for (int q = 0; q < paths; q++) {
                int o = q * width;
                for (int l = 0; l < lat; l++) {
                    rows[o + l] = (float) rng.nextGaussian();
                }
                scales[q] = condition(buf[q], end, d, n + j * b, shape, rows, o + lat);
            }
            float[] params = session.run(Map.of(INPUT, Tensor.ofFloats(rows, paths, width))).get(OUTPUT)
                    .toFloatArray();
            for (int q = 0; q < paths; q++) {
                for (int h = 0; h < b; h++) {
                    double mu = params[q * 2 * b + h];
                    double ls = logSigma(params[q * 2 * b + b + h]);
                    double zz = Math.min(Z_MAX, mu + Math.exp(ls) * rng.nextGaussian());
                    buf[q][end + h] = scales[q] > 0 ? scales[q] * Math.max(0, Math.exp(zz) - DeepArModel.OFFSET) : 0;
                }
            }
        }
        for (int q = 0; q < paths; q++) {
            System.arraycopy(buf[q], c, out, q * horizon, horizon);
        }
        return new ScenarioSet(name(), seed, paths, horizon, out);
    }

    /**
     * The model as an sdk-core bundle of kind {@value #KIND}: {@code model.onnx} (the decoder),
     * {@code scenariovae.json} (context, block, latent and hidden sizes, driver names) and the training provenance.
     *
     * @param name the bundle name
     * @param version the bundle version
     * @return the bundle
     */
    public ModelBundle toBundle(String name, String version) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(version, "version == null");
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("formatVersion", FORMAT_VERSION);
        m.put("context", shape.context());
        m.put("block", shape.block());
        m.put("latent", shape.latent());
        m.put("hidden", shape.hidden());
        m.set("drivers", JSON.valueToTree(drivers));
        try {
            return ModelBundle.builder().kind(KIND).name(name).version(version).model(onnx)
                    .file(CONFIG_FILE, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m))
                    .provenance(provenance).build();
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot encode scenario VAE " + name + "@" + version + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Opens a bundle written by {@link #toBundle(String, String)} on the CPU; works as a
     * {@link io.retailgen.core.bundle.ModelHandle} loader: {@code ModelHandle.of(bundle, ScenarioVae::fromBundle)}.
     *
     * @param bundle the bundle
     * @return the model; close it when done
     * @throws RetailGenException {@link ErrorCode#INVALID_BUNDLE} when it is not a scenario VAE bundle
     */
    public static ScenarioVae fromBundle(ModelBundle bundle) {
        return fromBundle(bundle, Device.cpu());
    }

    /**
     * Opens a bundle on a device.
     *
     * @param bundle the bundle
     * @param device where ONNX Runtime runs the decoder
     * @return the model; close it when done
     * @throws RetailGenException {@link ErrorCode#INVALID_BUNDLE} when it is not a scenario VAE bundle
     */
    public static ScenarioVae fromBundle(ModelBundle bundle, Device device) {
        Objects.requireNonNull(bundle, "bundle == null");
        Objects.requireNonNull(device, "device == null");
        String where = bundle.manifest().name() + "@" + bundle.manifest().version();
        if (!KIND.equals(bundle.manifest().kind())) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + where + " is of kind '"
                    + bundle.manifest().kind() + "', expected '" + KIND + "'");
        }
        if (!bundle.fileNames().contains(CONFIG_FILE)) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + where + " lacks " + CONFIG_FILE);
        }
        try {
            JsonNode m = JSON.readTree(bundle.file(CONFIG_FILE));
            if (!FORMAT.equals(m.path("format").asText()) || m.path("formatVersion").asInt(-1) > FORMAT_VERSION) {
                throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "unsupported model in " + where
                        + ": expected format " + FORMAT + " version <= " + FORMAT_VERSION);
            }
            Shape s = new Shape(m.path("context").asInt(-1), m.path("block").asInt(-1), m.path("latent").asInt(-1),
                    m.path("hidden").asInt(0));
            if (s.context() < 1 || s.block() < 1 || s.latent() < 1) {
                throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + where + " has context "
                        + s.context() + ", block " + s.block() + ", latent " + s.latent() + " (each must be >= 1)");
            }
            List<String> drivers = new ArrayList<>();
            m.path("drivers").forEach(x -> drivers.add(x.asText()));
            return new ScenarioVae(s, drivers, bundle.modelBytes(), bundle.manifest().provenance(),
                    bundle.manifest().name(), bundle.manifest().version(), device);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "cannot read " + CONFIG_FILE + " of " + where
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "ScenarioVae[" + modelName + "@" + version + ", " + shape + ", drivers " + drivers + "]";
    }
}
