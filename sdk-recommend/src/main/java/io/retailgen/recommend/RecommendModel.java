package io.retailgen.recommend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.DataFingerprint;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.Provenance;
import io.retailgen.core.train.TrainingListener;
import io.retailgen.core.train.TrainingSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trained recommendation model: the item vocabulary, the training sessions (for session kNN, co-occurrence and
 * popularity) and, optionally, the GRU sequence model as an ONNX step graph.
 *
 * <pre>{@code
 * RecommendModel model = RecommendModel.train(events, TrainOptions.defaults(), TrainingListener.NONE);
 * model.save(Path.of("models/rec"));
 * RecommendModel again = RecommendModel.load(Path.of("models/rec"));
 * }</pre>
 *
 * <p>Immutable and thread-safe. A saved model is an sdk-core {@link ModelBundle} (see {@link #save(Path)}).
 */
public final class RecommendModel {

    private static final Logger LOG = LoggerFactory.getLogger(RecommendModel.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int FORMAT_VERSION = 2;
    /** The bundle kind of a saved recommend model. */
    public static final String KIND = "recommend.session-hybrid";

    final SessionLog log;
    final TrainOptions options;
    final byte[] onnx;
    /** The trained weights when trained in this JVM (null after load). */
    final GruWeightsData weights;
    private final String version;
    private final double trainSeconds;
    private final long trainEvents;
    private final double finalLoss;

    private RecommendModel(SessionLog log, TrainOptions options, byte[] onnx, GruWeightsData weights,
            String version, double trainSeconds, long trainEvents, double finalLoss) {
        this.finalLoss = finalLoss;
        this.log = log;
        this.options = options;
        this.onnx = onnx;
        this.weights = weights;
        this.version = version;
        this.trainSeconds = trainSeconds;
        this.trainEvents = trainEvents;
    }

    /**
     * Trains a model.
     *
     * @param events the training interactions (any order; grouped by session and sorted by time here)
     * @param options the options
     * @param listener receives training progress of the sequence model
     * @return the model
     * @throws IllegalArgumentException when there are no events
     * @throws RetailGenException {@link ErrorCode#ENGINE_UNAVAILABLE} when the sequence model is wanted and the
     *     PyTorch engine cannot load
     */
    public static RecommendModel train(List<Interaction> events, TrainOptions options, TrainingListener listener) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("cannot train on no events");
        }
        long t0 = System.nanoTime();
        SessionLog log = SessionLog.of(events);
        byte[] onnx = null;
        GruWeightsData w = null;
        long seen = log.eventCount();
        double loss = Double.NaN;
        if (options.sequenceModel()) {
            TrainingSupport.require("the recommender's sequence model (or turn it off: withSequenceModel(false))");
            GruTrainer.Result r = new GruTrainer(options.gruParams(), options.threads(), listener).train(log);
            w = r.weights();
            onnx = GruExport.toOnnx(w);
            seen = r.events();
            loss = r.finalLoss();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        String version = fingerprint(log, options, onnx);
        LOG.info("trained recommend model {} on {} events, {} sessions, {} items in {} s", version,
                log.eventCount(), log.sessionCount(), log.vocab.size(), String.format(Locale.ROOT, "%.1f", secs));
        return new RecommendModel(log, options, onnx, w, version, secs, seen, loss);
    }

    /** @return a short content hash naming this model */
    public String version() {
        return version;
    }

    /** @return the number of items the model knows */
    public int itemCount() {
        return log.vocab.size();
    }

    /** @return whether the model has a GRU sequence model */
    public boolean hasSequenceModel() {
        return onnx != null;
    }

    /** @return the options it was trained with */
    public TrainOptions options() {
        return options;
    }

    /** @return wall-clock seconds of training (0 for a loaded model) */
    public double trainSeconds() {
        return trainSeconds;
    }

    /** @return the training events processed by the sequence model over all epochs (the log size without one) */
    public long trainEvents() {
        return trainEvents;
    }

    /** @return the ONNX step graph (a copy), or an empty array without a sequence model */
    public byte[] onnxModel() {
        return onnx == null ? new byte[0] : onnx.clone();
    }

    /**
     * Writes the model as a new sdk-core {@link ModelBundle} directory (it must not exist yet; the bundle is
     * written atomically): {@code manifest.json} (kind {@value #KIND}, provenance with data fingerprint, hyper-parameters, seed
     * and training metrics), {@code model.onnx} (the GRU step graph; without a sequence model a popularity-only graph
     * of the same shape), {@code items.txt}, {@code sessions.tsv} (the training sessions, needed by kNN) and
     * {@code recommend.json} (the options).
     *
     * @param dir the directory
     * @throws RetailGenException {@link ErrorCode#IO} when the directory exists or writing fails
     */
    public void save(Path dir) {
        Objects.requireNonNull(dir, "dir");
        toBundle().saveTo(dir);
    }

    /**
     * The model as an sdk-core bundle, ready for {@link io.retailgen.core.bundle.ModelRegistry#publish}-style
     * storage.
     *
     * @return the bundle
     */
    public ModelBundle toBundle() {
        try {
            byte[] items = (String.join("\n", log.vocab.ids()) + "\n").getBytes(StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder(log.eventCount() * 32);
            sb.append("SessionId\tItemId\tTime\n");
            for (int s = 0; s < log.sessionCount(); s++) {
                for (int p = log.start[s]; p < log.start[s + 1]; p++) {
                    sb.append(log.sessionIds[s]).append('\t').append(log.vocab.id(log.items[p])).append('\t')
                            .append(BigDecimalText.of(log.times[p])).append('\n');
                }
            }
            byte[] sessions = sb.toString().getBytes(StandardCharsets.UTF_8);
            ObjectNode m = JSON.createObjectNode();
            m.put("format", "retailgen-recommend");
            m.put("formatVersion", FORMAT_VERSION);
            m.put("sequenceModel", onnx != null);
            m.set("options", JSON.valueToTree(options));
            Map<String, String> hyper = new TreeMap<>();
            Map<String, Object> opts = JSON.convertValue(options,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
            opts.forEach((key, v) -> hyper.put(key, String.valueOf(v)));
            Map<String, Double> metrics = new TreeMap<>();
            metrics.put("train_seconds", trainSeconds);
            metrics.put("train_events_per_second", trainSeconds > 0 ? trainEvents / trainSeconds : 0);
            if (Double.isFinite(finalLoss)) {
                metrics.put("final_loss", finalLoss);
            }
            return ModelBundle.builder().kind(KIND).name("recommend").version(version)
                    .model(onnx != null ? onnx : GruExport.toOnnx(GruWeightsData.popularityOnly(log)))
                    .file("items.txt", items).file("sessions.tsv", sessions)
                    .file("recommend.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m))
                    .provenance(Provenance.capture(DataFingerprint.ofBytes(sessions), log.sessionCount(), hyper,
                            options.seed(), metrics))
                    .build();
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot encode recommend model " + version + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads a model written by {@link #save(Path)} (a bundle directory or zip); every file's SHA-256 is verified.
     *
     * @param dir the bundle directory or zip file
     * @return the model
     * @throws RetailGenException {@link ErrorCode#INVALID_BUNDLE} when files are missing, corrupt or of another
     *     kind, {@link ErrorCode#IO} when reading fails
     */
    public static RecommendModel load(Path dir) {
        Objects.requireNonNull(dir, "dir");
        return fromBundle(ModelBundle.load(dir));
    }

    /**
     * Reads a model from a verified bundle.
     *
     * @param bundle the bundle
     * @return the model
     * @throws RetailGenException {@link ErrorCode#INVALID_BUNDLE} when it is not a recommend bundle
     */
    public static RecommendModel fromBundle(ModelBundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        String where = bundle.manifest().name() + "@" + bundle.manifest().version();
        if (!KIND.equals(bundle.manifest().kind())) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + where + " is of kind '"
                    + bundle.manifest().kind() + "', expected '" + KIND + "'");
        }
        for (String f : List.of("items.txt", "sessions.tsv", "recommend.json")) {
            if (!bundle.fileNames().contains(f)) {
                throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + where + " lacks " + f
                        + " (expected a model written by RecommendModel.save or 'retailgen recommend train')");
            }
        }
        try {
            var m = JSON.readTree(bundle.file("recommend.json"));
            if (!"retailgen-recommend".equals(m.path("format").asText())
                    || m.path("formatVersion").asInt(-1) > FORMAT_VERSION) {
                throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "unsupported model in " + where + ": format "
                        + m.path("format").asText() + " version " + m.path("formatVersion").asText()
                        + ", expected retailgen-recommend version <= " + FORMAT_VERSION);
            }
            TrainOptions opts = JSON.treeToValue(m.get("options"), TrainOptions.class);
            String[] ids = new String(bundle.file("items.txt"), StandardCharsets.UTF_8).split("\n");
            ItemVocab vocab = new ItemVocab(ids);
            InteractionData d = InteractionReader.builder().format(InteractionReader.Format.TSV).strict(true).build()
                    .readString(new String(bundle.file("sessions.tsv"), StandardCharsets.UTF_8));
            SessionLog log = SessionLog.of(d.interactions(), vocab);
            byte[] onnx = m.path("sequenceModel").asBoolean() ? bundle.modelBytes() : null;
            return new RecommendModel(log, opts, onnx, null, bundle.manifest().version(), 0, 0, Double.NaN);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "cannot read recommend.json of " + where + ": "
                    + e.getMessage(), e);
        }
    }

    private static String fingerprint(SessionLog log, TrainOptions o, byte[] onnx) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            // the thread count does not name a model: hash the options as they were before it existed
            String options = o.toString().replaceFirst(", threads=\\d+]$", "]");
            md.update(options.getBytes(StandardCharsets.UTF_8));
            for (int i : log.items) {
                md.update((byte) i);
                md.update((byte) (i >>> 8));
                md.update((byte) (i >>> 16));
            }
            if (onnx != null) {
                md.update(onnx);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    @Override
    public String toString() {
        return "RecommendModel[" + version + ", " + log.vocab.size() + " items, " + log.sessionCount()
                + " sessions, sequence model " + (onnx != null) + "]";
    }

    /** Writes a double without exponent so that the TSV reader round-trips it. */
    static final class BigDecimalText {
        private BigDecimalText() {
        }

        static String of(double v) {
            return new java.math.BigDecimal(Double.toString(v)).toPlainString();
        }
    }

}
