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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A DeepAR-style conditional generative scenario model: one small network, trained globally across series, that
 * predicts a Gaussian for the next (scaled) value from the last {@code window} values and from drivers known ahead
 * (discount depth, channel mix) at the current and the last {@code window} steps. Future paths are sampled
 * autoregressively: each drawn value is fed back as the next lag, so paths carry their own persistence.
 *
 * <p>Values are scaled per series by the mean of the history's non-negative values and mapped through
 * {@code z = log(y / scale + 0.05)}, so that a driver's multiplicative effect on demand is additive in
 * {@code z}, series of very different sizes share one model and generated demand is never
 * negative (negative history values count as zero for this model). A driver missing from a series is zero at every
 * step; a driver missing from {@code futureDrivers} in {@link #sample} is zero in the future (no discount).
 *
 * <p>{@link DeepArTrainer} trains it with DJL (PyTorch, from the optional sdk-training); the trained network is
 * exported to ONNX and every sample is drawn through sdk-onnx's {@link OnnxModel}, so serving needs no PyTorch. Training checks that ONNX Runtime reproduces the DJL
 * network on random inputs and records the largest difference as the provenance metric {@code onnx_max_abs_diff}.
 *
 * <pre>{@code
 * DeepArModel model = DeepArTrainer.builder().drivers("discount").window(8).epochs(30).seed(7L).build()
 *         .train(history);                           // List<TimeSeries> with a "discount" covariate
 * ScenarioSet base = model.sample(s, 8, Map.of("discount", new double[8]), 2000, 1);
 * ScenarioSet promo = model.sample(s, 8, Map.of("discount", twentyPercent), 2000, 1);   // what-if
 * model.toBundle("weekly-demand", "1").saveTo(Path.of("models/deepar"));             // an sdk-core model bundle
 * ModelHandle<DeepArModel> handle = ModelHandle.of(ModelBundle.load(dir), DeepArModel::fromBundle);
 * Forecaster f = Forecaster.builder().method(Method.GENERATIVE).model(handle).build();
 * }</pre>
 * }</pre>
 *
 * <p>Thread-safe: {@link #sample} may be called from many threads. The model holds an ONNX Runtime session; close it
 * when done ({@link #close()} is idempotent, sampling after it throws {@link IllegalStateException}).
 */
public final class DeepArModel implements GenerativeScenarioModel, AutoCloseable {

    /** The bundle kind written by {@link #toBundle(String, String)}. */
    public static final String KIND = "forecast.deepar";
    /** The kind that bundles written by earlier releases carry; they still load. */
    static final String LEGACY_KIND = "forecast-generative";
    /** The {@link #modelName()} of a model fresh from training. */
    static final String TRAINED_NAME = "forecast-deepar";
    static final String CONFIG_FILE = "generative.json";
    static final String INPUT = "features";
    static final String OUTPUT = "params";
    static final int FORMAT_VERSION = 1;
    /** Added to {@code y / scale} before the log, so that zero demand has a finite value, {@code log(0.05)}. */
    static final double OFFSET = 0.05;
    static final double Z_MIN = Math.log(OFFSET);
    static final double LOG_SIGMA_MIN = -7;
    static final double LOG_SIGMA_MAX = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int window;
    private final int hidden;
    private final List<String> drivers;
    private final byte[] onnx;
    private final Provenance provenance;
    private final String modelName;
    private final String version;
    private final OnnxModel session;

    DeepArModel(int window, int hidden, List<String> drivers, byte[] onnx, Provenance provenance,
            String modelName, String version, Device device) {
        this.window = window;
        this.hidden = hidden;
        this.drivers = List.copyOf(drivers);
        this.onnx = onnx.clone();
        this.provenance = provenance;
        this.modelName = modelName;
        this.version = version;
        this.session = OnnxModel.builder().model(onnx).name(modelName + "-" + version).device(device).build();
    }

    /** @return the model name: the bundle's name, or {@code forecast-deepar} for a model fresh from training */
    public String modelName() {
        return modelName;
    }

    /** @return the model version: the bundle's version, or a data fingerprint for a model fresh from training */
    public String version() {
        return version;
    }

    /** @return the number of lagged values the network sees */
    public int window() {
        return window;
    }

    /** @return the driver (covariate) names the model is conditioned on, in feature order */
    public List<String> drivers() {
        return drivers;
    }

    /** @return the training provenance: data fingerprint, hyper-parameters, seed, metrics */
    public Provenance provenance() {
        return provenance;
    }

    /** @return the exported ONNX graph (a copy): input {@code features [n, F]}, output {@code params [n, 2]} */
    public byte[] onnxBytes() {
        return onnx.clone();
    }

    @Override
    public String name() {
        return "deepar-" + version;
    }

    static int featureCount(int window, int driverCount) {
        return window + driverCount * (window + 1);
    }

    @Override
    public ScenarioSet sample(TimeSeries history, int horizon, Map<String, double[]> futureDrivers, int paths,
            long seed) {
        GenerativeArguments.checkSample(history, horizon, futureDrivers, paths, drivers);
        Prepared p = Prepared.of(history, drivers, window);
        double[] out = new double[paths * horizon];
        if (p.scale == 0) {
            return new ScenarioSet(name(), seed, paths, horizon, out);
        }
        int d = drivers.size();
        int n = p.z.length;
        double[][] dAll = new double[d][n + horizon];
        for (int k = 0; k < d; k++) {
            System.arraycopy(p.d[k], 0, dAll[k], 0, n);
            double[] f = futureDrivers.get(drivers.get(k));
            for (int s = 0; s < horizon; s++) {
                dAll[k][n + s] = f == null ? 0 : f[s];
            }
        }
        int fc = featureCount(window, d);
        float[] lags = new float[paths * window];
        for (int q = 0; q < paths; q++) {
            for (int i = 0; i < window; i++) {
                lags[q * window + i] = (float) p.z[n - 1 - i];
            }
        }
        float[] feat = new float[paths * fc];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int s = 0; s < horizon; s++) {
            int t = n + s;
            for (int q = 0; q < paths; q++) {
                int o = q * fc;
                System.arraycopy(lags, q * window, feat, o, window);
                o += window;
                for (int k = 0; k < d; k++) {
                    for (int i = 0; i <= window; i++) {
                        feat[o++] = (float) dAll[k][t - i];
                    }
                }
            }
            float[] params = session.run(Map.of(INPUT, Tensor.ofFloats(feat, paths, fc))).get(OUTPUT)
                    .toFloatArray();
            for (int q = 0; q < paths; q++) {
                double mu = params[2 * q];
                double ls = Math.max(LOG_SIGMA_MIN, Math.min(LOG_SIGMA_MAX, params[2 * q + 1]));
                double z = Math.max(Z_MIN, mu + Math.exp(ls) * rng.nextGaussian());
                z = Math.min(z, 50);
                out[q * horizon + s] = p.scale * Math.max(0, Math.exp(z) - OFFSET);
                int base = q * window;
                System.arraycopy(lags, base, lags, base + 1, window - 1);
                lags[base] = (float) z;
            }
        }
        return new ScenarioSet(name(), seed, paths, horizon, out);
    }

    /** A series prepared for the network: cleaned, scaled, drivers aligned, padded to at least the window. */
    static final class Prepared {
        final double[] z;
        final double[][] d;
        final double scale;

        private Prepared(double[] z, double[][] d, double scale) {
            this.z = z;
            this.d = d;
            this.scale = scale;
        }

        /** @return the training windows of {@code window + 1} values the series gives (none without a scale) */
        int windows(int window) {
            return scale > 0 ? Math.max(0, z.length - window) : 0;
        }

        static Prepared of(TimeSeries series, List<String> drivers, int window) {
            PreparedSeries.Cleaned c = PreparedSeries.clean(series.values());
            double[] y = c.y();
            double sum = 0;
            for (double v : y) {
                sum += Math.max(0, v);
            }
            double scale = y.length == 0 ? 0 : sum / y.length;
            int pad = Math.max(0, window - y.length);
            int n = y.length + pad;
            double[] z = new double[n];
            Map<String, double[]> cov = series.covariates();
            double[][] d = new double[drivers.size()][n];
            if (scale > 0) {
                for (int t = 0; t < y.length; t++) {
                    z[pad + t] = Math.log(Math.max(0, y[t]) / scale + OFFSET);
                }
                Arrays.fill(z, 0, pad, z[pad]);
                for (int k = 0; k < drivers.size(); k++) {
                    double[] a = cov.get(drivers.get(k));
                    if (a != null) {
                        for (int t = 0; t < y.length; t++) {
                            double v = a[c.dropped() + t];
                            d[k][pad + t] = Double.isFinite(v) ? v : 0;
                        }
                    }
                }
            }
            return new Prepared(z, d, scale);
        }
    }

    /**
     * The model as an sdk-core bundle of kind {@value #KIND}: {@code model.onnx}, {@code generative.json} (window,
     * hidden size, driver names) and the training provenance. Save it with {@link ModelBundle#saveTo} or publish it to
     * a {@link io.retailgen.core.bundle.ModelRegistry}.
     *
     * @param name the bundle name, such as {@code "weekly-demand"}
     * @param version the bundle version, such as {@code "3"}
     * @return the bundle
     */
    public ModelBundle toBundle(String name, String version) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(version, "version == null");
        ObjectNode m = JSON.createObjectNode();
        m.put("format", "retailgen-forecast-deepar");
        m.put("formatVersion", FORMAT_VERSION);
        m.put("window", window);
        m.put("hidden", hidden);
        m.set("drivers", JSON.valueToTree(drivers));
        try {
            return ModelBundle.builder().kind(KIND).name(name).version(version).model(onnx)
                    .file(CONFIG_FILE, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m))
                    .provenance(provenance).build();
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot encode generative model " + name + "@" + version
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a bundle written by {@link #toBundle(String, String)} (or by an earlier release, kind
     * {@code forecast-generative}) on the CPU. Works as a {@link io.retailgen.core.bundle.ModelHandle} loader:
     * {@code ModelHandle.of(bundle, DeepArModel::fromBundle)}.
     *
     * @param bundle the bundle
     * @return the model, ready to sample; close it when done
     * @throws RetailGenException {@link ErrorCode#INVALID_BUNDLE} when it is not a DeepAR forecast bundle
     */
    public static DeepArModel fromBundle(ModelBundle bundle) {
        return fromBundle(bundle, Device.cpu());
    }

    /**
     * Opens a bundle on a device.
     *
     * @param bundle the bundle
     * @param device where ONNX Runtime runs the network
     * @return the model, ready to sample; close it when done
     * @throws RetailGenException {@link ErrorCode#INVALID_BUNDLE} when it is not a DeepAR forecast bundle
     */
    public static DeepArModel fromBundle(ModelBundle bundle, Device device) {
        Objects.requireNonNull(bundle, "bundle == null");
        Objects.requireNonNull(device, "device == null");
        ModelBundle b = bundle;
        String where = b.manifest().name() + "@" + b.manifest().version();
        String kind = b.manifest().kind();
        if (!KIND.equals(kind) && !LEGACY_KIND.equals(kind)) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + where + " is of kind '" + kind
                    + "', expected '" + KIND + "'");
        }
        if (!b.fileNames().contains(CONFIG_FILE)) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + where + " lacks " + CONFIG_FILE);
        }
        try {
            JsonNode m = JSON.readTree(b.file(CONFIG_FILE));
            if (!"retailgen-forecast-deepar".equals(m.path("format").asText())
                    || m.path("formatVersion").asInt(-1) > FORMAT_VERSION) {
                throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "unsupported model in " + where
                        + ": expected format retailgen-forecast-deepar version <= " + FORMAT_VERSION);
            }
            List<String> drivers = new ArrayList<>();
            m.path("drivers").forEach(x -> drivers.add(x.asText()));
            int window = m.path("window").asInt(-1);
            if (window < 1) {
                throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + where + " has window " + window);
            }
            return new DeepArModel(window, m.path("hidden").asInt(0), drivers, b.modelBytes(),
                    b.manifest().provenance(), b.manifest().name(), b.manifest().version(), device);
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
        return "DeepArModel[" + modelName + "@" + version + ", window " + window + ", hidden " + hidden + ", drivers " + drivers
                + "]";
    }
}
