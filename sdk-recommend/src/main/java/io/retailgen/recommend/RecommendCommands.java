package io.retailgen.recommend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Entry points behind {@code retailgen recommend train} and {@code retailgen recommend evaluate}.
 *
 * <pre>{@code
 * RecommendCommands.EvaluateResult r = RecommendCommands.evaluate(train, test, 20, null, TrainOptions.defaults());
 * System.out.println(r.toJson());   // {"recall@20":0.66,"mrr@20":0.36,...}
 * }</pre>
 *
 * <p>Stateless; safe to call from several threads (each call trains or loads its own model).
 */
public final class RecommendCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecommendCommands() {
    }

    /**
     * The outcome of {@link #train}.
     *
     * @param modelDir where the model was written
     * @param modelVersion the model's version
     * @param items items known
     * @param sessions training sessions
     * @param events training events used
     * @param skippedRows malformed rows skipped while reading
     * @param trainSeconds wall-clock training time
     * @param trainEventsPerSecond sequence-model training throughput (events over all epochs per second)
     */
    public record TrainResult(Path modelDir, String modelVersion, int items, int sessions, long events,
            long skippedRows, double trainSeconds, double trainEventsPerSecond) {

        /** @return the figures as one JSON object on one line */
        public String toJson() {
            return json(metrics());
        }

        /**
         * The figures by report name: {@code model_dir}, {@code model_version}, {@code items}, {@code sessions},
         * {@code events}, {@code skipped_rows}, {@code train_seconds}, {@code train_events_per_second}.
         *
         * @return an ordered map
         */
        public Map<String, Object> metrics() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model_dir", modelDir.toString());
            m.put("model_version", modelVersion);
            m.put("items", items);
            m.put("sessions", sessions);
            m.put("events", events);
            m.put("skipped_rows", skippedRows);
            m.put("train_seconds", EvaluationResult.round(trainSeconds));
            m.put("train_events_per_second", EvaluationResult.round(trainEventsPerSecond));
            return m;
        }
    }

    /**
     * The outcome of {@link #evaluate}.
     *
     * @param evaluation the accuracy and beyond-accuracy figures
     * @param modelVersion the evaluated model's version
     * @param trainSeconds training time (0 when a saved model was loaded)
     * @param trainEventsPerSecond training throughput (0 when a saved model was loaded)
     */
    public record EvaluateResult(EvaluationResult evaluation, String modelVersion, double trainSeconds,
            double trainEventsPerSecond) {

        /** Validates. */
        public EvaluateResult {
            Objects.requireNonNull(evaluation, "evaluation");
            Objects.requireNonNull(modelVersion, "modelVersion");
        }

        /**
         * The figures by report name: {@code recall@K}, {@code mrr@K}, {@code ndcg@K}, {@code coverage@K},
         * {@code popularity_bias@K}, {@code diversity@K}, {@code predictions}, {@code skipped_unknown_items},
         * {@code latency_p50_us}, {@code latency_p99_us}, {@code train_seconds}, {@code train_events_per_second},
         * {@code model_version}.
         *
         * @return an ordered map
         */
        public Map<String, Object> metrics() {
            Map<String, Object> m = new LinkedHashMap<>(evaluation.asMap());
            m.put("train_seconds", EvaluationResult.round(trainSeconds));
            m.put("train_events_per_second", EvaluationResult.round(trainEventsPerSecond));
            m.put("model_version", modelVersion);
            return m;
        }

        /** @return {@link #metrics()} as one JSON object on one line */
        public String toJson() {
            return json(metrics());
        }
    }

    /**
     * Reads events (format from the file name), trains a model and saves it.
     *
     * @param events the events file
     * @param outDir the model directory to write
     * @param options training options
     * @return what was trained
     */
    public static TrainResult train(Path events, Path outDir, TrainOptions options) {
        return train(events, outDir, options, new TrainingListener() { });
    }

    /**
     * Reads events (format from the file name), trains a model and saves it, reporting progress.
     *
     * @param events the events file
     * @param outDir the model directory to write
     * @param options training options
     * @param listener receives the sequence model's training progress
     * @return what was trained
     */
    public static TrainResult train(Path events, Path outDir, TrainOptions options, TrainingListener listener) {
        Objects.requireNonNull(outDir, "outDir");
        return train(InteractionReader.readLenient(Objects.requireNonNull(events, "events")), outDir, options,
                listener);
    }

    /**
     * Trains a model on events already read (strict or lenient, as the caller chose) and saves it.
     *
     * @param d the events and the report of their reading
     * @param outDir the model directory to write
     * @param options training options
     * @param listener receives the sequence model's training progress
     * @return what was trained; {@code skippedRows} comes from {@code d}'s report
     */
    public static TrainResult train(InteractionData d, Path outDir, TrainOptions options, TrainingListener listener) {
        Objects.requireNonNull(d, "events");
        Objects.requireNonNull(outDir, "outDir");
        RecommendModel m = RecommendModel.train(d.interactions(), options, listener);
        m.save(outDir);
        return new TrainResult(outDir, m.version(), m.itemCount(), m.log.sessionCount(), m.log.eventCount(),
                d.skippedRows(), m.trainSeconds(), rate(m));
    }

    /**
     * Trains on {@code train} (or loads {@code modelDirOrNull}) and replays {@code test} with the next-item protocol
     * through a {@link Recommender}: for each click the session's previous click is observed and one recommend call
     * is timed.
     *
     * @param train the training events (used for training when no model directory is given)
     * @param test the test events
     * @param k the list length
     * @param modelDirOrNull a saved model, or null to train one
     * @param options training options (ignored when a model is loaded)
     * @return the figures
     */
    public static EvaluateResult evaluate(Path train, Path test, int k, Path modelDirOrNull, TrainOptions options) {
        return evaluate(train, test, k, modelDirOrNull, options, new TrainingListener() { });
    }

    /**
     * As {@link #evaluate(Path, Path, int, Path, TrainOptions)}, reporting training progress to {@code listener}.
     *
     * @param train the training events (used for training when no model directory is given)
     * @param test the test events
     * @param k the list length
     * @param modelDirOrNull a saved model, or null to train one
     * @param options training options (ignored when a model is loaded)
     * @param listener receives the sequence model's training progress
     * @return the figures
     */
    public static EvaluateResult evaluate(Path train, Path test, int k, Path modelDirOrNull, TrainOptions options,
            TrainingListener listener) {
        Objects.requireNonNull(test, "test");
        InteractionData d = modelDirOrNull != null ? null
                : InteractionReader.readLenient(Objects.requireNonNull(train, "train"));
        return evaluate(d, InteractionReader.readLenient(test), k, modelDirOrNull, options, listener);
    }

    /**
     * As {@link #evaluate(Path, Path, int, Path, TrainOptions, TrainingListener)} on events already read (strict or
     * lenient, as the caller chose).
     *
     * @param trainOrNull the training events, or null when a model directory is given
     * @param test the test events
     * @param k the list length
     * @param modelDirOrNull a saved model, or null to train one on {@code trainOrNull}
     * @param options training options (ignored when a model is loaded)
     * @param listener receives the sequence model's training progress
     * @return the figures
     */
    public static EvaluateResult evaluate(InteractionData trainOrNull, InteractionData test, int k,
            Path modelDirOrNull, TrainOptions options, TrainingListener listener) {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(listener, "listener");
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        RecommendModel model;
        if (modelDirOrNull != null) {
            model = RecommendModel.load(modelDirOrNull);
        } else {
            model = RecommendModel.train(Objects.requireNonNull(trainOrNull, "train").interactions(), options,
                    listener);
        }
        InteractionData t = test;
        EvaluationResult r = evaluate(model, SessionLog.of(t.interactions(), model.log.vocab), k,
                Recommender.builder().model(model));
        return new EvaluateResult(r, model.version(), model.trainSeconds(), rate(model));
    }

    /**
     * Same as {@link #evaluate(Path, Path, int, Path, TrainOptions)} with {@link TrainOptions#defaults()}.
     *
     * @param train the training events
     * @param test the test events
     * @param k the list length
     * @param modelDirOrNull a saved model, or null to train one
     * @return the figures
     */
    public static EvaluateResult evaluate(Path train, Path test, int k, Path modelDirOrNull) {
        return evaluate(train, test, k, modelDirOrNull, TrainOptions.defaults());
    }

    static EvaluationResult evaluate(RecommendModel model, SessionLog test, int k, Recommender.Builder builder) {
        try (Recommender rec = builder.build()) {
            int[] current = {-1};
            Object[] lastArray = {null};
            String[] sid = {""};
            ItemVocab vocab = model.log.vocab;
            NextItemProtocol.Lister lister = (items, len) -> {
                if (lastArray[0] != items) {
                    lastArray[0] = items;
                    current[0]++;
                    sid[0] = "eval-" + current[0];
                }
                rec.observe(new Interaction(sid[0], vocab.id(items[len - 1]), len, EventType.VIEW,
                        EventContext.NONE));
                var list = rec.recommend(sid[0], k, EventContext.NONE);
                int[] out = new int[list.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = vocab.indexOf(list.get(i).itemId());
                }
                return out;
            };
            Popularity pop = Popularity.of(model.log, 0);
            CoOccurrence co = CoOccurrence.of(model.log);
            return NextItemProtocol.run(test, k, lister, pop,
                    (a, b) -> co.weight(a, b) + co.weight(b, a) > 0 ? 0 : 1, vocab.size());
        }
    }

    private static double rate(RecommendModel m) {
        return m.trainSeconds() > 0 ? m.trainEvents() / m.trainSeconds() : 0;
    }

    static String json(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
