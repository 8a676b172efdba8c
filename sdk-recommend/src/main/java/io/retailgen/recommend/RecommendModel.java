package io.retailgen.recommend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.train.TrainingListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
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
 * <p>Immutable and thread-safe. A saved model is a directory: {@code manifest.json}, {@code items.txt},
 * {@code sessions.tsv} and, with a sequence model, {@code model.onnx}.
 */
public final class RecommendModel {

    private static final Logger LOG = LoggerFactory.getLogger(RecommendModel.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int FORMAT_VERSION = 1;

    final SessionLog log;
    final TrainOptions options;
    final byte[] onnx;
    /** The trained weights when trained in this JVM (null after load). */
    final GruWeightsData weights;
    private final String version;
    private final double trainSeconds;
    private final long trainEvents;

    private RecommendModel(SessionLog log, TrainOptions options, byte[] onnx, GruWeightsData weights,
            String version, double trainSeconds, long trainEvents) {
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
        if (options.sequenceModel()) {
            GruTrainer.Result r = new GruTrainer(options.gruParams(), listener).train(log);
            w = r.weights();
            onnx = GruExport.toOnnx(w);
            seen = r.events();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        String version = fingerprint(log, options, onnx);
        LOG.info("trained recommend model {} on {} events, {} sessions, {} items in {} s", version,
                log.eventCount(), log.sessionCount(), log.vocab.size(), String.format(Locale.ROOT, "%.1f", secs));
        return new RecommendModel(log, options, onnx, w, version, secs, seen);
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
     * Writes the model to a directory (created if needed; existing model files are replaced).
     *
     * @param dir the directory
     * @throws RetailGenException {@link ErrorCode#IO} when writing fails
     */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("items.txt"), List.of(log.vocab.ids()), StandardCharsets.UTF_8);
            try (BufferedWriter wr = Files.newBufferedWriter(dir.resolve("sessions.tsv"), StandardCharsets.UTF_8)) {
                wr.write("SessionId\tItemId\tTime\n");
                for (int s = 0; s < log.sessionCount(); s++) {
                    for (int p = log.start[s]; p < log.start[s + 1]; p++) {
                        wr.write(log.sessionIds[s] + "\t" + log.vocab.id(log.items[p]) + "\t"
                                + BigDecimalText.of(log.times[p]) + "\n");
                    }
                }
            }
            if (onnx != null) {
                Files.write(dir.resolve("model.onnx"), onnx);
            }
            ObjectNode m = JSON.createObjectNode();
            m.put("format", "retailgen-recommend");
            m.put("formatVersion", FORMAT_VERSION);
            m.put("version", version);
            m.put("items", log.vocab.size());
            m.put("sessions", log.sessionCount());
            m.put("events", log.eventCount());
            m.put("sequenceModel", onnx != null);
            m.set("options", JSON.valueToTree(options));
            m.put("javaVersion", System.getProperty("java.version"));
            m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("manifest.json").toFile(), m);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot write recommend model to " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @param dir the directory
     * @return the model
     * @throws RetailGenException {@link ErrorCode#INVALID_BUNDLE} when files are missing or inconsistent,
     *     {@link ErrorCode#IO} when reading fails
     */
    public static RecommendModel load(Path dir) {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "no manifest.json in " + dir
                    + " (expected a directory written by RecommendModel.save or 'retailgen recommend train')");
        }
        try {
            var m = JSON.readTree(manifest.toFile());
            if (!"retailgen-recommend".equals(m.path("format").asText())
                    || m.path("formatVersion").asInt(-1) > FORMAT_VERSION) {
                throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "unsupported model in " + dir + ": format "
                        + m.path("format").asText() + " version " + m.path("formatVersion").asText()
                        + ", expected retailgen-recommend version <= " + FORMAT_VERSION);
            }
            TrainOptions opts = JSON.treeToValue(m.get("options"), TrainOptions.class);
            List<String> ids = Files.readAllLines(dir.resolve("items.txt"), StandardCharsets.UTF_8);
            ItemVocab vocab = new ItemVocab(ids.toArray(new String[0]));
            InteractionData d = InteractionReader.builder().strict(true).build().read(dir.resolve("sessions.tsv"));
            SessionLog log = SessionLog.of(d.interactions(), vocab);
            byte[] onnx = null;
            if (m.path("sequenceModel").asBoolean()) {
                onnx = Files.readAllBytes(dir.resolve("model.onnx"));
            }
            return new RecommendModel(log, opts, onnx, null, m.path("version").asText(), 0, 0);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read recommend model from " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    private static String fingerprint(SessionLog log, TrainOptions o, byte[] onnx) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(o.toString().getBytes(StandardCharsets.UTF_8));
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
