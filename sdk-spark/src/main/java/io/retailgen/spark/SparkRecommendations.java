package io.retailgen.spark;

import io.retailgen.core.data.DataReport;
import io.retailgen.core.data.ValidationMode;
import io.retailgen.recommend.EvaluationResult;
import io.retailgen.recommend.EvaluationTally;
import io.retailgen.recommend.EventContext;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.InteractionData;
import io.retailgen.recommend.NextItemEvaluation;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.Recommendation;
import io.retailgen.recommend.Recommender;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Batch recommendations on Spark: a sessions table {@code (session_id, item_id, time)} in, the top-k items of each
 * session with scores and reasons out; and the next-item evaluation of {@code retailgen recommend evaluate} with the
 * sessions spread over the executors. The model travels as a {@link ShippedBundle} and is loaded once per executor
 * JVM (with its ONNX Runtime session), however many tasks use it.
 *
 * <pre>{@code
 * SparkRecommendations recs = SparkRecommendations.builder().model(ShippedBundle.broadcast(spark, bundle)).k(20)
 *         .build();
 * Dataset<Row> top = recs.recommend(sessions);     // session_id, rank, item_id, score, signal, explanation
 * }</pre>
 *
 * <p>Immutable and serializable.
 */
public final class SparkRecommendations implements Serializable {

    private static final long serialVersionUID = 1L;

    static final StructType OUTPUT = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
        DataTypes.createStructField("session_id", DataTypes.StringType, false),
        DataTypes.createStructField("rank", DataTypes.IntegerType, false),
        DataTypes.createStructField("item_id", DataTypes.StringType, false),
        DataTypes.createStructField("score", DataTypes.DoubleType, false),
        DataTypes.createStructField("signal", DataTypes.StringType, false),
        DataTypes.createStructField("explanation", DataTypes.StringType, false),
        DataTypes.createStructField("model_version", DataTypes.StringType, false)});

    private static final StructType TALLY = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
        DataTypes.createStructField("tally", DataTypes.BinaryType, false)});

    private final ShippedBundle model;
    private final int k;
    private final String sessionColumn;
    private final String itemColumn;
    private final String timeColumn;
    private final String orderColumn;

    private SparkRecommendations(Builder b) {
        this.model = b.model;
        this.k = b.k;
        this.sessionColumn = b.sessionColumn;
        this.itemColumn = b.itemColumn;
        this.timeColumn = b.timeColumn;
        this.orderColumn = b.orderColumn;
    }

    /** @return a builder: columns session_id, item_id, time; k 20 */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Observes every click of each session (in time order) and recommends its next items.
     *
     * @param sessions the sessions table
     * @return one row per session and rank: {@code session_id}, {@code rank} (1 to k), {@code item_id},
     *     {@code score}, {@code signal}, {@code explanation} and {@code model_version}
     */
    public Dataset<Row> recommend(Dataset<Row> sessions) {
        Dataset<Row> events = events(sessions);
        return events.groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (session, rows) -> {
                    RecommendModel m = ExecutorModels.get(model, RecommendModel.class, RecommendModel::fromBundle);
                    List<Row> clicks = sortedClicks(rows);
                    List<Row> out = new ArrayList<>();
                    try (Recommender rec = Recommender.builder().model(m).build()) {
                        for (Row c : clicks) {
                            rec.observe(Interaction.view(session, c.getString(1), c.getDouble(2)));
                        }
                        List<Recommendation> top = rec.recommend(session, k, EventContext.NONE);
                        for (int i = 0; i < top.size(); i++) {
                            Recommendation r = top.get(i);
                            out.add(RowFactory.create(session, i + 1, r.itemId(), r.score(), r.signal().name()
                                    .toLowerCase(java.util.Locale.ROOT), r.explanation(), r.modelVersion()));
                        }
                    }
                    return out.iterator();
                }, Encoders.row(OUTPUT));
    }

    /**
     * The next-item evaluation of {@link NextItemEvaluation#evaluate(RecommendModel, InteractionData, int)} over
     * every session: whole sessions are hash-partitioned over the executors, each partition is replayed into an
     * {@link EvaluationTally}, and only those tallies (one per partition) are merged on the driver.
     *
     * @param sessions the test sessions
     * @param partitions how many partitions to spread the sessions over, at least 1
     * @return the figures
     */
    public EvaluationResult evaluate(Dataset<Row> sessions, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        Dataset<Row> events = events(sessions).repartition(partitions, functions.col("s"))
                .sortWithinPartitions("s", "t", "o");
        List<Row> tallies = events.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
            RecommendModel m = ExecutorModels.get(model, RecommendModel.class, RecommendModel::fromBundle);
            List<Interaction> list = new ArrayList<>();
            rows.forEachRemaining(r -> list.add(Interaction.view(r.getString(0), r.getString(1), r.getDouble(2))));
            EvaluationTally t = NextItemEvaluation.tally(m, new InteractionData(list,
                    new DataReport("spark partition", ValidationMode.STRICT, list.size(), 0, List.of())),
                    k);
            return List.of(RowFactory.create((Object) serialize(t))).iterator();
        }, Encoders.row(TALLY)).collectAsList();
        EvaluationTally all = null;
        for (Row r : tallies) {
            EvaluationTally t = deserialize(r.getAs(0));
            all = all == null ? t : all.merge(t);
        }
        if (all == null) {
            throw new IllegalArgumentException("the sessions table has no rows");
        }
        return all.result();
    }

    /** The events as {@code (s, i, t, o)}: session, item, time as epoch seconds, and the tie-breaking order. */
    private Dataset<Row> events(Dataset<Row> sessions) {
        return sessions.select(functions.col(sessionColumn).cast(DataTypes.StringType).as("s"),
                functions.col(itemColumn).cast(DataTypes.StringType).as("i"),
                functions.col(timeColumn).cast(DataTypes.DoubleType).as("t"),
                orderColumn == null ? functions.lit(0L).as("o")
                        : functions.col(orderColumn).cast(DataTypes.LongType).as("o"))
                .where(functions.col("s").isNotNull().and(functions.col("i").isNotNull())
                        .and(functions.col("t").isNotNull()));
    }

    private static List<Row> sortedClicks(Iterator<Row> rows) {
        List<Row> list = new ArrayList<>();
        rows.forEachRemaining(list::add);
        list.sort(Comparator.<Row>comparingDouble(r -> r.getDouble(2)).thenComparingLong(r -> r.getLong(3)));
        return list;
    }

    static byte[] serialize(EvaluationTally t) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(b)) {
            o.writeObject(t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    static EvaluationTally deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (EvaluationTally) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the driver lacks " + e.getMessage(), e);
        }
    }

    /** Builds {@link SparkRecommendations}. Not thread-safe. */
    public static final class Builder {
        private ShippedBundle model;
        private int k = 20;
        private String sessionColumn = "session_id";
        private String itemColumn = "item_id";
        private String timeColumn = "time";
        private String orderColumn;

        private Builder() {
        }

        /**
         * @param bundle a {@code recommend.gru4rec} bundle
         * @return this
         */
        public Builder model(ShippedBundle bundle) {
            this.model = Objects.requireNonNull(bundle, "model == null");
            return this;
        }

        /**
         * @param n the list length, 1 to 1,000
         * @return this
         */
        public Builder k(int n) {
            if (n < 1 || n > 1000) {
                throw new IllegalArgumentException("k must be in [1, 1000], got " + n);
            }
            this.k = n;
            return this;
        }

        /**
         * @param session the session id column
         * @param item the item id column
         * @param time the click time column, in seconds since the epoch
         * @return this
         */
        public Builder columns(String session, String item, String time) {
            this.sessionColumn = Objects.requireNonNull(session, "session == null");
            this.itemColumn = Objects.requireNonNull(item, "item == null");
            this.timeColumn = Objects.requireNonNull(time, "time == null");
            return this;
        }

        /**
         * @param column a numeric column that orders clicks of one session with the same time (such as the line
         *     number in the source file)
         * @return this
         */
        public Builder orderColumn(String column) {
            this.orderColumn = Objects.requireNonNull(column, "column == null");
            return this;
        }

        /**
         * @return the batch recommender
         * @throws IllegalStateException without a model
         */
        public SparkRecommendations build() {
            if (model == null) {
                throw new IllegalStateException("give model(ShippedBundle...) first");
            }
            return new SparkRecommendations(this);
        }
    }
}
