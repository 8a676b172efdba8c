package io.retailgen.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.recommend.EvaluationResult;
import io.retailgen.recommend.EventContext;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.InteractionData;
import io.retailgen.recommend.InteractionReader;
import io.retailgen.recommend.NextItemEvaluation;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.RecommendTrainer;
import io.retailgen.recommend.Recommendation;
import io.retailgen.recommend.Recommender;
import io.retailgen.testing.TinySessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkRecommendationsTest {

    static final StructType EVENTS = new StructType().add("session_id", DataTypes.StringType)
            .add("item_id", DataTypes.StringType).add("time", DataTypes.DoubleType)
            .add("position", DataTypes.LongType);

    @TempDir
    static Path dir;
    static RecommendModel model;
    static ModelBundle bundle;
    static InteractionData test;

    @BeforeAll
    static void train() {
        InteractionData train = InteractionReader.readLenient(TinySessions.write(dir.resolve("train.tsv"), 300, 40, 1));
        test = InteractionReader.readLenient(TinySessions.write(dir.resolve("test.tsv"), 60, 40, 2));
        model = RecommendTrainer.builder().hidden(16).contextDim(0).batch(16).negatives(32).epochs(1).seed(7L)
                .build().train(train);
        bundle = model.toBundle("spark-test", "1");
    }

    @AfterAll
    static void close() {
        model.close();
        ExecutorModels.closeAll();
    }

    static Dataset<Row> table(SparkSession spark, InteractionData data) {
        List<Row> rows = new ArrayList<>();
        long i = 0;
        for (Interaction e : data.interactions()) {
            rows.add(RowFactory.create(e.sessionId(), e.itemId(), e.timestamp(), i++));
        }
        return spark.createDataFrame(rows, EVENTS).repartition(3);
    }

    @Test
    void topKEqualsTheRecommenderOfOneJvmAndTheModelIsLoadedOncePerExecutor() {
        SparkSession spark = LocalSpark.session();
        ShippedBundle shipped = ShippedBundle.broadcast(spark, bundle);
        int before = ExecutorModels.loads();
        List<Row> rows = SparkRecommendations.builder().model(shipped).k(5).orderColumn("position").build()
                .recommend(table(spark, test)).collectAsList();
        // local[2]: the executor is this JVM; 3 input partitions and 4 shuffle partitions, one load
        assertThat(ExecutorModels.loads() - before).isEqualTo(1);
        Map<String, List<Interaction>> sessions = new LinkedHashMap<>();
        test.interactions().forEach(e -> sessions.computeIfAbsent(e.sessionId(), k -> new ArrayList<>()).add(e));
        assertThat(rows.stream().map(r -> r.getString(0)).distinct()).hasSize(sessions.size());
        for (Map.Entry<String, List<Interaction>> s : sessions.entrySet()) {
            // batch scoring: each session against the trained model alone, not the other sessions of the batch
            try (Recommender one = Recommender.builder().model(model).build()) {
                s.getValue().forEach(one::observe);
                List<Recommendation> expected = one.recommend(s.getKey(), 5, EventContext.NONE);
                List<Row> mine = rows.stream().filter(r -> r.getString(0).equals(s.getKey()))
                        .sorted((a, b) -> Integer.compare(a.getInt(1), b.getInt(1))).toList();
                assertThat(mine.stream().map(r -> r.getString(2)).toList())
                        .isEqualTo(expected.stream().map(Recommendation::itemId).toList());
                assertThat(mine.stream().map(r -> r.getDouble(3)).toList())
                        .isEqualTo(expected.stream().map(Recommendation::score).toList());
                assertThat(mine).allSatisfy(r -> assertThat(r.getString(5)).isNotBlank());
            }
        }
    }

    @Test
    void evaluationOverPartitionsEqualsTheOneJvmEvaluation() {
        SparkSession spark = LocalSpark.session();
        ShippedBundle shipped = ShippedBundle.broadcast(spark, bundle);
        EvaluationResult spread = SparkRecommendations.builder().model(shipped).k(10).orderColumn("position").build()
                .evaluate(table(spark, test), 3);
        // the live neighbour index sees the sessions of earlier ranges: a replay split without warm-up differs
        EvaluationResult cut = NextItemEvaluation.tally(model, half(0), 10).merge(NextItemEvaluation.tally(model,
                half(1), 10)).result();
        EvaluationResult one = NextItemEvaluation.evaluate(model, test, 10);
        Map<String, Object> a = new LinkedHashMap<>(spread.asMap());
        Map<String, Object> b = new LinkedHashMap<>(one.asMap());
        for (String latency : List.of("latency_p50_us", "latency_p99_us")) {
            a.remove(latency);
            b.remove(latency);
        }
        assertThat(a).isEqualTo(b);
        assertThat(cut.mrr()).isNotEqualTo(one.mrr());
        EvaluationResult warmed = NextItemEvaluation.tally(model, half(0), 10)
                .merge(NextItemEvaluation.tally(model, half(0), half(1), 10)).result();
        assertThat(warmed.mrr()).isCloseTo(one.mrr(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(warmed.recall()).isEqualTo(one.recall());
        assertThat(spread.predictions()).isPositive();
    }

    /** The first or second half of the test sessions, in the replay's order (they are written in time order). */
    static InteractionData half(int which) {
        List<String> ids = test.interactions().stream().map(Interaction::sessionId).distinct().toList();
        java.util.Set<String> first = new java.util.HashSet<>(ids.subList(0, ids.size() / 2));
        List<Interaction> part = test.interactions().stream()
                .filter(e -> first.contains(e.sessionId()) == (which == 0)).toList();
        return new InteractionData(part, test.report());
    }

    @Test
    void aDamagedBundleFailsTheJobWithItsName(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("recs.zip");
        bundle.saveZip(zip);
        byte[] bytes = Files.readAllBytes(zip);
        // flip bytes in the middle of the stored ONNX graph; the manifest's SHA-256 no longer matches
        for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(zip, bytes);
        SparkSession spark = LocalSpark.session();
        SparkRecommendations recs = SparkRecommendations.builder().model(ShippedBundle.sharedPath(zip.toString()))
                .build();
        assertThatThrownBy(() -> recs.recommend(table(spark, test)).collectAsList())
                .hasStackTraceContaining("recs.zip");
    }
}
