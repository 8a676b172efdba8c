package io.retailgen.recommend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.DataFingerprint;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.ModelHandle;
import io.retailgen.core.bundle.Provenance;
import io.retailgen.core.train.TrainingListener;
import io.retailgen.core.train.TrainingSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * popularity) and, optionally, the GRU sequence model as an ONNX step graph (with its device and hour-of-day
 * embeddings when it was trained on events with a context). Made by {@link RecommendTrainer}; served by
 * {@link Recommender}.
 *
 * <pre>{@code
 * RecommendModel model = RecommendTrainer.builder().seed(7L).build().train(events);
 * registry.publish(model.toBundle("storefront-recs", model.version()));
 * RecommendModel again = RecommendModel.fromBundle(registry.load("storefront-recs"));
 * try (ModelHandle<RecommendModel> handle = ModelHandle.fromRegistry(registry, "storefront-recs",
 *         RecommendModel::fromBundle)) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. It holds no native resources (a {@link Recommender} opens the ONNX Runtime sessions),
 * so {@link #close()} does nothing; it is {@link AutoCloseable} to be served through a {@link ModelHandle}.
 */
public final class RecommendModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecommendModel.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int FORMAT_VERSION = 2;
    /** The bundle kind of a saved recommend model. */
    public static final String KIND = "recommend.gru4rec";
    /** The kind bundles were written under before the SDK-wide {@code <module>.<model>} scheme; still loaded. */
    static final String OLD_KIND = "recommend.session-hybrid";
    /** The bundle name of a model trained in this JVM until {@link #toBundle} names it. */
    static final String DEFAULT_NAME = "recommend";

    final SessionLog log;
    final TrainSettings settings;
    final byte[] onnx;
    /** The trained weights when trained in this JVM (null after load). */
    final GruWeightsData weights;
    private final String name;
    private final String version;
    private final double trainSeconds;
    private final long trainEvents;
    private final double finalLoss;
    /** Whether the step graph has the device and hour embeddings (their initializer is named in the graph). */
    private final boolean contextEmbeddings;
    /** The differential privacy of a model trained with DP-SGD, or null. */
    private final TrainingPrivacy privacy;

    private RecommendModel(SessionLog log, TrainSettings settings, byte[] onnx, GruWeightsData weights, String name,
            String version, double trainSeconds, long trainEvents, double finalLoss, TrainingPrivacy privacy) {
        this.privacy = privacy;
        this.finalLoss = finalLoss;
        this.log = log;
        this.settings = settings;
        this.onnx = onnx;
        this.weights = weights;
        this.name = name;
        this.version = version;
        this.trainSeconds = trainSeconds;
        this.trainEvents = trainEvents;
        this.contextEmbeddings = onnx != null && containsAscii(onnx, GruExport.DEVICE_EMBEDDING);
    }

    /** Trains a model; see {@link RecommendTrainer#train(List)}. */
    static RecommendModel train(List<Interaction> events, TrainSettings settings, Device device,
            TrainingListener listener, PrivateTraining dp) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("cannot train on no events");
        }
        if (dp != null && !settings.sequenceModel()) {
            throw new IllegalArgumentException("private training trains the sequence model: do not turn it off");
        }
        long t0 = System.nanoTime();
        SessionLog log = SessionLog.of(events);
        byte[] onnx = null;
        GruWeightsData w = null;
        long seen = log.eventCount();
        double loss = Double.NaN;
        TrainingPrivacy privacy = null;
        if (dp != null) {
            TrainingSupport.require("the recommender's sequence model with differential privacy");
            DpGruTrainer.Result r = new DpGruTrainer(settings.gruParams(), dp, settings.threads(), device, listener)
                    .train(log);
            w = r.gru().weights();
            onnx = GruExport.toOnnx(w);
            seen = r.gru().events();
            loss = r.gru().finalLoss();
            privacy = r.privacy();
            // only what DP-SGD released is kept: the weights and the item vocabulary, not the sessions
            log = SessionLog.of(List.of(), log.vocab);
        } else if (settings.sequenceModel()) {
            TrainingSupport.require("the recommender's sequence model (or turn it off: sequenceModel(false))");
            GruTrainer.Result r = new GruTrainer(settings.gruParams(), settings.threads(), device, listener)
                    .train(log);
            w = r.weights();
            onnx = GruExport.toOnnx(w);
            seen = r.events();
            loss = r.finalLoss();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        String version = fingerprint(log, settings, onnx);
        LOG.info("trained recommend model {} on {} events, {} sessions, {} items in {} s", version,
                log.eventCount(), log.sessionCount(), log.vocab.size(), String.format(Locale.ROOT, "%.1f", secs));
        return new RecommendModel(log, settings, onnx, w, DEFAULT_NAME, version, secs, seen, loss, privacy);
    }

    /**
     * A model of the given weights that keeps no sessions, such as federated training produces (the weights are the
     * only thing it released).
     */
    static RecommendModel ofWeights(GruWeightsData w, ItemVocab vocab, TrainSettings settings,
            TrainingPrivacy privacy, double trainSeconds, long trainEvents) {
        return ofWeights(w, SessionLog.of(List.of(), vocab), settings, privacy, trainSeconds, trainEvents);
    }

    /** A model of the given weights that keeps {@code log}'s sessions for kNN, co-occurrence and popularity. */
    static RecommendModel ofWeights(GruWeightsData w, SessionLog log, TrainSettings settings,
            TrainingPrivacy privacy, double trainSeconds, long trainEvents) {
        byte[] onnx = GruExport.toOnnx(w);
        return new RecommendModel(log, settings, onnx, w, DEFAULT_NAME, fingerprint(log, settings, onnx),
                trainSeconds, trainEvents, Double.NaN, privacy);
    }

    /**
     * @return the differential privacy of a model trained with {@link PrivateTraining} (such a model keeps no
     *     training sessions: its session kNN, co-occurrence and popularity signals are empty), or empty
     */
    public java.util.Optional<TrainingPrivacy> privacy() {
        return java.util.Optional.ofNullable(privacy);
    }

    /**
     * @return the bundle name the model was loaded from, or {@value #DEFAULT_NAME} for a model trained in this JVM
     */
    public String name() {
        return name;
    }

    /**
     * @return the version: a short content hash of the data, settings and weights for a model trained in this JVM,
     *     the bundle's version for a loaded one
     */
    public String version() {
        return version;
    }

    /** @return the number of items the model knows */
    public int itemCount() {
        return log.vocab.size();
    }

    /** @return the number of training sessions (the session kNN index) */
    public int sessionCount() {
        return log.sessionCount();
    }

    /** @return the number of training events in the session index */
    public long eventCount() {
        return log.eventCount();
    }

    /** @return whether the model has a GRU sequence model */
    public boolean hasSequenceModel() {
        return onnx != null;
    }

    /**
     * @return whether the sequence model embeds the context (device type, hour of day) of each click and of each
     *     request; false without a sequence model, or when it was trained on events without context
     */
    public boolean hasContextEmbeddings() {
        return contextEmbeddings;
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
     * The model as an sdk-core {@link ModelBundle} of kind {@value #KIND}, ready for
     * {@link io.retailgen.core.bundle.ModelRegistry#publish} or {@link ModelBundle#saveTo}: {@code model.onnx} (the GRU
     * step graph; without a sequence model a popularity-only graph of the same shape), {@code items.txt},
     * {@code sessions.tsv} (the training sessions, needed by kNN), {@code recommend.json} (the training settings) and
     * a provenance with the data fingerprint, hyper-parameters, seed and training metrics.
     *
     * @param bundleName the model's name, such as {@code storefront-recs}
     * @param bundleVersion the version to publish it under, such as {@link #version()}
     * @return the bundle
     */
    public ModelBundle toBundle(String bundleName, String bundleVersion) {
        Objects.requireNonNull(bundleName, "bundleName == null");
        Objects.requireNonNull(bundleVersion, "bundleVersion == null");
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
            m.set("options", JSON.valueToTree(settings));
            Map<String, String> hyper = new TreeMap<>();
            Map<String, Object> opts = JSON.convertValue(settings,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
            opts.forEach((key, v) -> hyper.put(key, String.valueOf(v)));
            Map<String, Double> metrics = new TreeMap<>();
            if (privacy != null) {
                m.set("privacy", JSON.valueToTree(privacy));
                hyper.putAll(privacyHyperParameters(privacy));
                metrics.put("dp_epsilon", privacy.epsilon());
            }
            metrics.put("train_seconds", trainSeconds);
            metrics.put("train_events_per_second", trainSeconds > 0 ? trainEvents / trainSeconds : 0);
            if (Double.isFinite(finalLoss)) {
                metrics.put("final_loss", finalLoss);
            }
            return ModelBundle.builder().kind(KIND).name(bundleName).version(bundleVersion)
                    .model(onnx != null ? onnx : GruExport.toOnnx(GruWeightsData.popularityOnly(log)))
                    .file("items.txt", items).file("sessions.tsv", sessions)
                    .file("recommend.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m))
                    .provenance(Provenance.capture(DataFingerprint.ofBytes(sessions), log.sessionCount(), hyper,
                            settings.seed(), metrics))
                    .build();
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot encode recommend model " + version + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads a model from a verified bundle, such as {@link ModelBundle#load} or {@code registry.load(name)} return;
     * bundles written under the earlier kind {@code recommend.session-hybrid} load too.
     *
     * @param bundle the bundle
     * @return the model
     * @throws RetailGenException {@link ErrorCode#INVALID_BUNDLE} when it is not a recommend bundle
     */
    public static RecommendModel fromBundle(ModelBundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        String where = bundle.manifest().name() + "@" + bundle.manifest().version();
        if (!KIND.equals(bundle.manifest().kind()) && !OLD_KIND.equals(bundle.manifest().kind())) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + where + " is of kind '"
                    + bundle.manifest().kind() + "', expected '" + KIND + "'");
        }
        for (String f : List.of("items.txt", "sessions.tsv", "recommend.json")) {
            if (!bundle.fileNames().contains(f)) {
                throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + where + " lacks " + f
                        + " (expected a model written by RecommendModel.toBundle or 'retailgen recommend train')");
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
            TrainSettings opts = JSON.treeToValue(m.get("options"), TrainSettings.class);
            String[] ids = new String(bundle.file("items.txt"), StandardCharsets.UTF_8).split("\n");
            ItemVocab vocab = new ItemVocab(ids);
            InteractionData d = InteractionReader.builder().format(InteractionReader.Format.TSV).strict(true).build()
                    .readString(new String(bundle.file("sessions.tsv"), StandardCharsets.UTF_8));
            SessionLog log = SessionLog.of(d.interactions(), vocab);
            byte[] onnx = m.path("sequenceModel").asBoolean() ? bundle.modelBytes() : null;
            TrainingPrivacy privacy = m.hasNonNull("privacy")
                    ? JSON.treeToValue(m.get("privacy"), TrainingPrivacy.class) : null;
            return new RecommendModel(log, opts, onnx, null, bundle.manifest().name(), bundle.manifest().version(), 0,
                    0, Double.NaN, privacy);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "cannot read recommend.json of " + where + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The DP-SGD record under the hyper-parameter keys the governance model card reads ({@code dp.noise_multiplier},
     * {@code dp.sampling_rate}, {@code dp.steps}, {@code dp.delta}, {@code dp.conversion}), plus {@code dp.epsilon}
     * and {@code dp.clip_norm}.
     */
    static Map<String, String> privacyHyperParameters(TrainingPrivacy p) {
        Map<String, String> hp = new TreeMap<>();
        hp.put("dp.noise_multiplier", Double.toString(p.noiseMultiplier()));
        hp.put("dp.sampling_rate", Double.toString(p.samplingRate()));
        hp.put("dp.steps", Long.toString(p.steps()));
        hp.put("dp.delta", Double.toString(p.delta()));
        hp.put("dp.conversion", p.conversion());
        hp.put("dp.epsilon", Double.toString(p.epsilon()));
        hp.put("dp.clip_norm", Double.toString(p.clipNorm()));
        return hp;
    }

    private static String fingerprint(SessionLog log, TrainSettings o, byte[] onnx) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(o.identity().getBytes(StandardCharsets.UTF_8));
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

    /** Does nothing: the model holds no native resources. Idempotent. */
    @Override
    public void close() {
    }

    private static boolean containsAscii(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
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
