package io.retailgen.cli;

import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import io.retailgen.core.intercept.Verdict;
import io.retailgen.forecast.ForecastEvaluation;
import io.retailgen.forecast.LabeledSeries;
import io.retailgen.forecast.Method;
import io.retailgen.governance.PolicyProfile;
import io.retailgen.governance.PolicyResult;
import io.retailgen.recommend.EvaluationResult;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.InteractionData;
import io.retailgen.spark.ShippedBundle;
import io.retailgen.spark.SparkForecasts;
import io.retailgen.spark.SparkRecommendations;
import io.retailgen.spark.SparkScreening;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code --spark} runs of the CLI. Only loaded after {@link SparkOption#require} found Spark: every Spark type
 * of the CLI lives here. Each run starts a session on the master, does the work through sdk-spark and stops it; the
 * data read by the command becomes a Dataset on the driver (a cluster job reads its tables from storage instead).
 */
public final class SparkRun implements AutoCloseable {

    private final SparkSession spark;
    private final long started = System.nanoTime();

    private SparkRun(String master, String app) {
        this.spark = SparkSession.builder().master(master).appName(app).config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(Math.max(2,
                        Runtime.getRuntime().availableProcessors() * 2)))
                // few bytes per series but much work: adaptive execution would merge the shuffle into one task
                .config("spark.sql.adaptive.coalescePartitions.enabled", "false")
                // a command's data is one file read on the driver: compiling generated code for its few queries
                // (Janino, then the JIT on the compiler) cost more CPU than the generated code saves on so few rows
                .config("spark.sql.codegen.wholeStage", "false")
                .config("spark.sql.codegen.factoryMode", "NO_CODEGEN").getOrCreate();
    }

    /**
     * @param master the Spark master
     * @param app the application name
     * @return a run with its session started
     */
    public static SparkRun start(String master, String app) {
        return new SparkRun(master, app);
    }

    /** @return the session */
    SparkSession session() {
        return spark;
    }

    /** @return seconds since the session was asked for, start-up included */
    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * {@code forecast evaluate --format m-competition}: the held-out evaluation through {@link SparkForecasts}.
     *
     * @param series the series with their test rows, in file order
     * @param method the method
     * @param paths scenario paths
     * @param seed the seed
     * @param generativeOrNull the bundle of the generative model, or null
     * @return the figures, equal to those of one JVM
     */
    public ForecastEvaluation forecastEvaluate(List<LabeledSeries> series, Method method, int paths, long seed,
            ModelBundle generativeOrNull) {
        // one row per series, its periods as arrays, made into the long table on the executors: a driver-side
        // table of one row per period cost more to convert and to ship in the tasks than forecasting some series
        StructType schema = new StructType().add("series_id", DataTypes.StringType)
                .add("frequency", DataTypes.StringType).add("position", DataTypes.IntegerType)
                .add("train", DataTypes.createArrayType(DataTypes.DoubleType, true))
                .add("test", DataTypes.createArrayType(DataTypes.DoubleType, true));
        List<Row> rows = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            LabeledSeries s = series.get(i);
            rows.add(RowFactory.create(s.train().id(), s.train().frequency().name().toLowerCase(Locale.ROOT), i,
                    boxed(s.train().values()), boxed(s.test())));
        }
        Dataset<Row> bySeries = spark.createDataFrame(rows, schema);
        Dataset<Row> history = bySeries.select(functions.col("series_id"), functions.col("frequency"),
                functions.col("position"), functions.posexplode(functions.col("train")).as(new String[] {"time",
                        "value"}));
        Dataset<Row> holdout = bySeries.select(functions.col("series_id"), functions.col("frequency"),
                functions.col("position"), functions.size(functions.col("train")).as("offset"),
                functions.posexplode(functions.col("test")).as(new String[] {"step", "value"}))
                .withColumn("time", functions.col("offset").plus(functions.col("step")));
        SparkForecasts.Builder b = SparkForecasts.builder().frequencyColumn("frequency").orderColumn("position")
                .method(method).paths(paths).seed(seed);
        if (generativeOrNull != null) {
            b.model(ShippedBundle.broadcast(spark, generativeOrNull));
        }
        return b.build().evaluate(history, holdout);
    }

    /** A series' values for an array column: a missing period (NaN) becomes null. */
    private static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.isNaN(values[i]) ? null : values[i];
        }
        return out;
    }

    /**
     * {@code recommend evaluate}: the next-item replay through {@link SparkRecommendations}.
     *
     * @param bundle the model's bundle
     * @param test the test events, in file order
     * @param k the list length
     * @return the figures
     */
    public EvaluationResult recommendEvaluate(ModelBundle bundle, InteractionData test, int k) {
        StructType schema = new StructType().add("session_id", DataTypes.StringType)
                .add("item_id", DataTypes.StringType).add("time", DataTypes.DoubleType)
                .add("position", DataTypes.LongType);
        List<Row> rows = new ArrayList<>(test.interactions().size());
        long i = 0;
        for (Interaction e : test.interactions()) {
            rows.add(RowFactory.create(e.sessionId(), e.itemId(), e.timestamp(), i++));
        }
        int parts = spark.sparkContext().defaultParallelism();
        return SparkRecommendations.builder().model(ShippedBundle.broadcast(spark, bundle)).k(k)
                .orderColumn("position").build().evaluate(spark.createDataFrame(rows, schema), parts);
    }

    /** One screened text: the policy's result and the error of a check that failed (then the verdict is BLOCK). */
    public record Screened(PolicyResult result, String error) {
    }

    /**
     * {@code governance scan}: the texts through {@link SparkScreening}, back in input order.
     *
     * @param texts the texts
     * @param policyJsonOrNull a policy file's content, or null for the shipped policy
     * @param profile the profile
     * @return the results in the order of {@code texts}
     */
    public Iterator<Screened> screen(List<String> texts, String policyJsonOrNull, PolicyProfile profile) {
        StructType schema = new StructType().add("line", DataTypes.IntegerType).add("text", DataTypes.StringType);
        List<Row> rows = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            rows.add(RowFactory.create(i, texts.get(i)));
        }
        SparkScreening.Builder b = SparkScreening.builder().profile(profile);
        if (policyJsonOrNull != null) {
            b.policyJson(policyJsonOrNull);
        }
        Dataset<Row> screened = b.build().screen(spark.createDataFrame(rows, schema)
                .repartition(spark.sparkContext().defaultParallelism())).orderBy("line");
        Iterator<Row> it = screened.toLocalIterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Screened next() {
                Row r = it.next();
                List<Finding> findings = new ArrayList<>();
                for (Row f : r.<Row>getList(3)) {
                    findings.add(new Finding(f.getInt(3), f.getInt(4), f.getString(0), f.getString(1),
                            Severity.valueOf(f.getString(2)), f.getString(5), f.getDouble(6)));
                }
                return new Screened(new PolicyResult(Verdict.valueOf(r.getString(2)), findings, r.getString(4)),
                        r.getString(5));
            }
        };
    }

    @Override
    public void close() {
        spark.stop();
    }
}
