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
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code --spark} runs of the CLI. Only loaded after {@link SparkOption#require} found Spark: every Spark type
 * of the CLI lives here. Each run starts a session on the master, does the work through sdk-spark and stops it; the
 * data read by the command becomes a Dataset on the driver (a cluster job reads its tables from storage instead).
 */
public final class SparkRun implements AutoCloseable {

    /** Tasks per core of a forecasting job: enough that the cores finish together, few enough to cost little. */
    static final int TASKS_PER_CORE = 4;

    private final SparkSession spark;
    private final long started;

    private SparkRun(String master, String app, long started) {
        this.started = started;
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
        return new SparkRun(master, app, System.nanoTime());
    }

    /**
     * Starts the session on a thread of its own, so that the command reads its input meanwhile: starting Spark
     * (loading its classes, its RPC and block manager) takes seconds that the reading need not wait for.
     *
     * @param master the Spark master
     * @param app the application name
     * @return the session being started
     */
    public static Starting startInBackground(String master, String app) {
        return new Starting(master, app);
    }

    /** A session being started; closing it stops the session once started, whether or not it was used. */
    public static final class Starting implements AutoCloseable {
        private final Thread thread;
        private SparkRun run;
        private RuntimeException failure;
        private Error error;

        private Starting(String master, String app) {
            long asked = System.nanoTime();
            // the fields are written before the thread ends and read after join(), which orders the two
            this.thread = new Thread(() -> {
                try {
                    run = new SparkRun(master, app, asked);
                } catch (RuntimeException e) {
                    failure = e;
                } catch (Error e) {
                    error = e;
                }
            }, "retailgen-spark-start");
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * @return the started run, waiting for it if need be
         * @throws RuntimeException what starting the session threw
         */
        public SparkRun get() {
            awaitStart();
            if (failure != null) {
                throw failure;
            }
            if (error != null) {
                throw error;
            }
            return run;
        }

        @Override
        public void close() {
            awaitStart();
            if (run != null) {
                run.close();
            }
        }

        private void awaitStart() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the Spark session was starting", e);
            }
        }
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
        // one row per series with its periods as arrays, forecast and scored where its partition lies: no per-period
        // rows, no shuffle; the longest series first, in a few partitions per core, so that the last tasks are short
        StructType schema = new StructType().add("series_id", DataTypes.StringType)
                .add("frequency", DataTypes.StringType).add("position", DataTypes.IntegerType)
                .add("train", DataTypes.createArrayType(DataTypes.DoubleType, true))
                .add("test", DataTypes.createArrayType(DataTypes.DoubleType, true));
        List<Row> rows = new ArrayList<>(series.size());
        for (int i : longestFirst(series)) {
            LabeledSeries s = series.get(i);
            rows.add(RowFactory.create(s.train().id(), s.train().frequency().name().toLowerCase(Locale.ROOT), i,
                    boxed(s.train().values()), boxed(s.test())));
        }
        // the driver's table is split into this many contiguous slices, the tasks of the job
        spark.conf().set("spark.sql.leafNodeDefaultParallelism", Integer.toString(tasks(series.size())));
        SparkForecasts.Builder b = SparkForecasts.builder().frequencyColumn("frequency").orderColumn("position")
                .method(method).paths(paths).seed(seed);
        if (generativeOrNull != null) {
            b.model(ShippedBundle.broadcast(spark, generativeOrNull));
        }
        return b.build().evaluateSeries(spark.createDataFrame(rows, schema), "train", "test");
    }

    /** Tasks for a forecasting job: four per core of the master, at most one per series. */
    int tasks(int seriesCount) {
        return Math.max(1, Math.min(seriesCount, TASKS_PER_CORE * spark.sparkContext().defaultParallelism()));
    }

    /**
     * @param series the series
     * @return their indexes, the most periods (history and held-out) first and in file order among equals: a
     *     series' forecasting cost grows with its length and horizon
     */
    static int[] longestFirst(List<LabeledSeries> series) {
        return IntStream.range(0, series.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> -(series.get(i).train().values().length
                        + series.get(i).horizon())))
                .mapToInt(Integer::intValue).toArray();
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
