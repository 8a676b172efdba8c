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
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.api.java.JavaRDD;
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

    private static final StructType RANGE = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
        DataTypes.createStructField("s", DataTypes.StringType, false),
        DataTypes.createStructField("range", DataTypes.IntegerType, false)});

    private static final StructType COPY = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
        DataTypes.createStructField("q", DataTypes.IntegerType, false),
        DataTypes.createStructField("warm", DataTypes.BooleanType, false),
        DataTypes.createStructField("s", DataTypes.StringType, false),
        DataTypes.createStructField("i", DataTypes.StringType, false),
        DataTypes.createStructField("t", DataTypes.DoubleType, false),
        DataTypes.createStructField("o", DataTypes.LongType, false)});

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
     * every session, spread over the executors. The sessions are ranked in the replay's order (by first click, ties
     * by the {@link Builder#orderColumn order column}) and cut into {@code partitions} consecutive ranges; each range
     * is replayed on an executor after observing (not scoring) every session before it, so that the recommender's
     * live neighbour index holds what it would hold in one replay, and only the ranges' {@link EvaluationTally
     * tallies} come back to the driver. The figures equal those of one replay (the latencies aside); observing the
     * earlier sessions costs each range a pass over their clicks, cheap next to scoring.
     *
     * @param sessions the test sessions
     * @param partitions how many ranges to replay in parallel, at least 1
     * @return the figures
     */
    public EvaluationResult evaluate(Dataset<Row> sessions, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        Dataset<Row> events = events(sessions).cache();
        try {
            Dataset<Row> firsts = events.groupBy("s").agg(functions.min("t").as("ft"), functions.min("o").as("fo"))
                    .orderBy("ft", "fo", "s");
            long count = firsts.count();
            if (count == 0) {
                throw new IllegalArgumentException("the sessions table has no rows");
            }
            int ranges = partitions;
            JavaRDD<Row> ranked = firsts.javaRDD().zipWithIndex().map(p -> RowFactory.create(p._1().getString(0),
                    (int) (p._2() * ranges / count)));
            Dataset<Row> range = events.sparkSession().createDataFrame(ranked, RANGE);
            Dataset<Row> placed = events.join(range, "s");
            StructType placedSchema = placed.schema();
            int own = placedSchema.fieldIndex("range");
            // each click goes to its own range and, as warm-up, to every later one
            Dataset<Row> copies = placed.flatMap((FlatMapFunction<Row, Row>) r -> {
                List<Row> out = new ArrayList<>();
                for (int q = r.getInt(own); q < ranges; q++) {
                    out.add(RowFactory.create(q, q != r.getInt(own), r.getString(r.fieldIndex("s")),
                            r.getString(r.fieldIndex("i")), r.getDouble(r.fieldIndex("t")),
                            r.getLong(r.fieldIndex("o"))));
                }
                return out.iterator();
            }, Encoders.row(COPY));
            List<Row> tallies = copies.groupByKey((MapFunction<Row, Integer>) r -> r.getInt(0), Encoders.INT())
                    .mapGroups((MapGroupsFunction<Integer, Row, Row>) (q, rows) -> {
                        RecommendModel m = ExecutorModels.get(model, RecommendModel.class,
                                RecommendModel::fromBundle);
                        List<Row> all = new ArrayList<>();
                        rows.forEachRemaining(all::add);
                        all.sort(Comparator.<Row>comparingLong(r -> r.getLong(5)).thenComparingDouble(r ->
                                r.getDouble(4)));
                        List<Interaction> warm = new ArrayList<>();
                        List<Interaction> mine = new ArrayList<>();
                        for (Row r : all) {
                            (r.getBoolean(1) ? warm : mine).add(Interaction.view(r.getString(2), r.getString(3),
                                    r.getDouble(4)));
                        }
                        EvaluationTally t = NextItemEvaluation.tally(m, data(warm), data(mine), k);
                        return RowFactory.create((Object) serialize(t));
                    }, Encoders.row(TALLY)).collectAsList();
            EvaluationTally all = null;
            for (Row r : tallies) {
                EvaluationTally t = deserialize(r.getAs(0));
                all = all == null ? t : all.merge(t);
            }
            return all.result();
        } finally {
            events.unpersist();
        }
    }

    private static InteractionData data(List<Interaction> events) {
        return new InteractionData(events, new DataReport("spark range", ValidationMode.STRICT, events.size(), 0,
                List.of()));
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
