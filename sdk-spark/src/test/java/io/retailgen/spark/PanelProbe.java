package io.retailgen.spark;

import io.retailgen.forecast.Frequency;
import io.retailgen.forecast.Method;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The scale figure of docs/BENCHMARKS.md: a generated panel of short series (made on the executors, never on the
 * driver) forecast with scenario paths on a Spark master, the output written to Spark's no-op sink. Prints series
 * per second and the peak heap of this JVM (the executor in local mode).
 *
 * <p>{@code java <spark flags> -cp <test class path> io.retailgen.spark.PanelProbe local[2] 200000 24 8 100 auto}
 */
public final class PanelProbe {

    private PanelProbe() {
    }

    public static void main(String[] args) {
        String master = args[0];
        long series = Long.parseLong(args[1]);
        int length = Integer.parseInt(args[2]);
        int horizon = Integer.parseInt(args[3]);
        int paths = Integer.parseInt(args[4]);
        Method method = Method.parse(args.length > 5 ? args[5] : "auto");
        int partitions = args.length > 6 ? Integer.parseInt(args[6]) : 64;
        SparkSession spark = SparkSession.builder().master(master).appName("retailgen-panel-probe")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", Integer.toString(
                        partitions))
                // the shuffle is small in bytes but each row is seconds of work: keep every partition a task
                .config("spark.sql.adaptive.coalescePartitions.enabled", "false").getOrCreate();
        StructType schema = new StructType().add("series_id", DataTypes.StringType)
                .add("time", DataTypes.IntegerType).add("value", DataTypes.DoubleType);
        Dataset<Row> panel = spark.range(0, series, 1, partitions).flatMap((FlatMapFunction<Long, Row>) id -> {
            SplittableRandom rnd = new SplittableRandom(id);
            double level = 5 + rnd.nextInt(200);
            double trend = rnd.nextDouble() * 0.5 - 0.2;
            List<Row> rows = new ArrayList<>(length);
            for (int t = 0; t < length; t++) {
                rows.add(RowFactory.create("s" + id, t, Math.max(0, level + trend * t + rnd.nextGaussian()
                        * Math.sqrt(level))));
            }
            return rows.iterator();
        }, Encoders.row(schema));
        SparkForecasts f = SparkForecasts.builder().frequency(Frequency.OTHER).method(method).horizon(horizon)
                .paths(paths).seed(42).build();
        long t0 = System.nanoTime();
        f.forecast(panel).write().format("noop").mode("overwrite").save();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "{\"master\":\"%s\",\"series\":%d,\"length\":%d,\"horizon\":%d,\"paths\":%d,"
                + "\"method\":\"%s\",\"partitions\":%d,\"seconds\":%.1f,\"series_per_second\":%.1f,"
                + "\"peak_heap_mib\":%d,\"max_heap_mib\":%d}%n", master, series, length, horizon, paths,
                method.name().toLowerCase(Locale.ROOT), partitions, seconds, series / seconds, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        spark.stop();
    }
}
