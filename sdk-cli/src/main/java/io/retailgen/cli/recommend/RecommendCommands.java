package io.retailgen.cli.recommend;

import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.recommend.EvaluationResult;
import io.retailgen.recommend.InteractionData;
import io.retailgen.recommend.NextItemEvaluation;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.RecommendTrainer;
import io.retailgen.recommend.TrainingPrivacy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code retailgen recommend train} and {@code retailgen recommend evaluate} do, and the figures they report
 * (their names are the CLI's JSON keys). Stateless.
 */
final class RecommendCommands {

    /** The bundle name the CLI saves recommend models under. */
    static final String MODEL_NAME = "recommend";

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
    record TrainResult(Path modelDir, String modelVersion, int items, int sessions, long events,
            long skippedRows, double trainSeconds, double trainEventsPerSecond, TrainingPrivacy privacy) {

        /**
         * The figures by report name: {@code model_dir}, {@code model_version}, {@code items}, {@code sessions},
         * {@code events}, {@code skipped_rows}, {@code train_seconds}, {@code train_events_per_second}.
         */
        Map<String, Object> metrics() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model_dir", modelDir.toString());
            m.put("model_version", modelVersion);
            m.put("items", items);
            m.put("sessions", sessions);
            m.put("events", events);
            m.put("skipped_rows", skippedRows);
            m.put("train_seconds", round(trainSeconds));
            m.put("train_events_per_second", round(trainEventsPerSecond));
            putPrivacy(m, privacy);
            return m;
        }
    }

    /** Adds {@code epsilon} and {@code delta} for a model trained with DP-SGD. */
    static void putPrivacy(Map<String, Object> m, TrainingPrivacy privacy) {
        if (privacy != null) {
            m.put("epsilon", round(privacy.epsilon()));
            m.put("delta", privacy.delta());
        }
    }

    /**
     * The outcome of {@link #evaluate}.
     *
     * @param evaluation the accuracy and beyond-accuracy figures
     * @param modelVersion the evaluated model's version
     * @param trainSeconds training time (0 when a saved model was loaded)
     * @param trainEventsPerSecond training throughput (0 when a saved model was loaded)
     * @param sparkSeconds seconds of the Spark replay, or NaN when evaluated on this JVM
     * @param privacy the differential privacy of a model trained with DP-SGD, or null
     */
    record EvaluateResult(EvaluationResult evaluation, String modelVersion, double trainSeconds,
            double trainEventsPerSecond, double sparkSeconds, TrainingPrivacy privacy) {

        /** A result evaluated on this JVM (no Spark). */
        EvaluateResult(EvaluationResult evaluation, String modelVersion, double trainSeconds,
                double trainEventsPerSecond, TrainingPrivacy privacy) {
            this(evaluation, modelVersion, trainSeconds, trainEventsPerSecond, Double.NaN, privacy);
        }

        /**
         * The figures by report name: {@code recall@K}, {@code mrr@K}, {@code ndcg@K}, {@code coverage@K},
         * {@code popularity_bias@K}, {@code diversity@K}, {@code predictions}, {@code skipped_unknown_items},
         * {@code latency_p50_us}, {@code latency_p99_us}, {@code train_seconds}, {@code train_events_per_second},
         * {@code model_version}, and for a private model {@code epsilon} and {@code delta}.
         */
        Map<String, Object> metrics() {
            Map<String, Object> m = new LinkedHashMap<>(evaluation.asMap());
            m.put("train_seconds", round(trainSeconds));
            m.put("train_events_per_second", round(trainEventsPerSecond));
            m.put("model_version", modelVersion);
            if (!Double.isNaN(sparkSeconds)) {
                m.put("spark_seconds", round(sparkSeconds));
            }
            putPrivacy(m, privacy);
            return m;
        }
    }

    /** A replay done elsewhere (on Spark): its figures and how long it took. */
    record Replay(EvaluationResult result, double seconds) {
    }

    /** Replays the test events on a model; the default replays them in this JVM. */
    interface Replayer {
        Replay replay(RecommendModel model, InteractionData test, int k);
    }

    /** Trains a model on events already read (strict or lenient, as the command chose) and saves it. */
    static TrainResult train(InteractionData d, Path outDir, RecommendTrainer trainer) {
        Objects.requireNonNull(outDir, "outDir");
        try (RecommendModel m = trainer.train(d)) {
            m.toBundle(MODEL_NAME, m.version()).saveTo(outDir);
            return new TrainResult(outDir, m.version(), m.itemCount(), m.sessionCount(), m.eventCount(),
                    d.skippedRows(), m.trainSeconds(), rate(m), m.privacy().orElse(null));
        }
    }

    /**
     * Trains on {@code trainOrNull} (or loads {@code modelDirOrNull}) and replays {@code test} with the next-item
     * protocol through a recommender.
     */
    static EvaluateResult evaluate(InteractionData trainOrNull, InteractionData test, int k, Path modelDirOrNull,
            RecommendTrainer trainer) {
        return evaluate(trainOrNull, test, k, modelDirOrNull, trainer, null);
    }

    /** As {@link #evaluate(InteractionData, InteractionData, int, Path, RecommendTrainer)}, replayed elsewhere. */
    static EvaluateResult evaluate(InteractionData trainOrNull, InteractionData test, int k, Path modelDirOrNull,
            RecommendTrainer trainer, Replayer replayerOrNull) {
        Objects.requireNonNull(test, "test");
        try (RecommendModel model = modelDirOrNull != null
                ? RecommendModel.fromBundle(ModelBundle.load(modelDirOrNull))
                : trainer.train(Objects.requireNonNull(trainOrNull, "train"))) {
            if (replayerOrNull != null) {
                Replay r = replayerOrNull.replay(model, test, k);
                return new EvaluateResult(r.result(), model.version(), model.trainSeconds(), rate(model), r.seconds(),
                        model.privacy().orElse(null));
            }
            EvaluationResult r = NextItemEvaluation.evaluate(model, test, k);
            return new EvaluateResult(r, model.version(), model.trainSeconds(), rate(model), Double.NaN,
                    model.privacy().orElse(null));
        }
    }

    private static double rate(RecommendModel m) {
        return m.trainSeconds() > 0 ? m.trainEvents() / m.trainSeconds() : 0;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : v;
    }
}
