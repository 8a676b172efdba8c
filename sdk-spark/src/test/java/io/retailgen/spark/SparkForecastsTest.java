package io.retailgen.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.forecast.Evaluation;
import io.retailgen.forecast.Forecast;
import io.retailgen.forecast.ForecastEvaluation;
import io.retailgen.forecast.Forecaster;
import io.retailgen.forecast.Frequency;
import io.retailgen.forecast.Inventory;
import io.retailgen.forecast.InventoryPolicy;
import io.retailgen.forecast.LabeledSeries;
import io.retailgen.forecast.Reconciliation;
import io.retailgen.forecast.TimeSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SparkForecastsTest {

    static final StructType LONG = new StructType().add("series_id", DataTypes.StringType)
            .add("region", DataTypes.StringType).add("store", DataTypes.StringType)
            .add("time", DataTypes.IntegerType).add("value", DataTypes.DoubleType);

    /** Monthly-ish demand with a trend and a season; region r0/r1, two stores each, two skus per store. */
    static List<TimeSeries> panel(int length, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<TimeSeries> out = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            for (int s = 0; s < 2; s++) {
                for (int k = 0; k < 2; k++) {
                    double level = 20 + rnd.nextInt(50);
                    double[] v = new double[length];
                    for (int t = 0; t < length; t++) {
                        v[t] = Math.max(0, level + 0.3 * t + 6 * Math.sin(2 * Math.PI * t / 12) + rnd.nextGaussian()
                                * 3);
                    }
                    out.add(new TimeSeries("sku-" + r + s + k, List.of("r" + r, "s" + r + s), Frequency.MONTHLY, v,
                            Map.of()));
                }
            }
        }
        return out;
    }

    static Dataset<Row> table(SparkSession spark, List<TimeSeries> series) {
        return spark.createDataFrame(rows(series), LONG).repartition(3);
    }

    /** The rows of the long table {@link #LONG}, in reverse time order (the adapter must sort them). */
    static List<Row> rows(List<TimeSeries> series) {
        List<Row> rows = new ArrayList<>();
        for (TimeSeries s : series) {
            double[] v = s.values();
            // rows in reverse time order: the adapter must sort them
            for (int t = v.length - 1; t >= 0; t--) {
                rows.add(RowFactory.create(s.id(), s.path().get(0), s.path().get(1), t, v[t]));
            }
        }
        return rows;
    }

    @Test
    void forecastRowsEqualThoseOfOneJvm() {
        SparkSession spark = LocalSpark.session();
        List<TimeSeries> series = panel(40, 1);
        SparkForecasts f = SparkForecasts.builder().hierarchy("region", "store").frequency(Frequency.MONTHLY)
                .horizon(6).paths(200).seed(7).scenarioPaths(true).build();
        List<Row> rows = f.forecast(table(spark, series)).collectAsList();
        assertThat(rows).hasSize(series.size() * 6);
        assertThat(f.forecast(table(spark, series)).columns()).containsExactly("series_id", "region", "store", "step",
                "model", "mean", "q05", "q10", "q50", "q90", "q95", "paths");
        Forecaster one = Forecaster.builder().paths(200).seed(7).build();
        for (TimeSeries s : series) {
            Forecast expected = one.forecast(s, 6);
            List<Row> mine = rows.stream().filter(r -> r.getString(0).equals(s.id()))
                    .sorted((a, b) -> Integer.compare(a.getInt(3), b.getInt(3))).toList();
            assertThat(mine).hasSize(6);
            for (int step = 0; step < 6; step++) {
                Row r = mine.get(step);
                assertThat(r.getString(1)).isEqualTo(s.path().get(0));
                assertThat(r.getDouble(5)).isEqualTo(expected.mean()[step]);
                assertThat(r.getDouble(6)).isEqualTo(expected.scenarios().quantile(0.05)[step]);
                assertThat(r.getDouble(10)).isEqualTo(expected.scenarios().quantile(0.95)[step]);
                assertThat(r.getDouble(6)).isLessThanOrEqualTo(r.getDouble(8)).isLessThanOrEqualTo(r.getDouble(10));
                List<Double> paths = r.getList(11);
                assertThat(paths).hasSize(200);
                assertThat(paths.get(3)).isEqualTo(expected.scenarios().value(3, step));
            }
        }
    }

    @Test
    void safetyStockEqualsInventoryOnTheSameScenarios() {
        SparkSession spark = LocalSpark.session();
        List<TimeSeries> series = panel(36, 2);
        SparkForecasts f = SparkForecasts.builder().hierarchy("region", "store").frequency(Frequency.MONTHLY)
                .horizon(4).paths(300).seed(3).build();
        Map<String, Row> bySeries = f.safetyStock(table(spark, series), 2, 0.95).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r));
        assertThat(bySeries).hasSize(series.size());
        Forecaster one = Forecaster.builder().paths(300).seed(3).build();
        for (TimeSeries s : series) {
            InventoryPolicy p = Inventory.forServiceLevel(one.forecast(s, 4).scenarios(), 2, 0.95);
            Row r = bySeries.get(s.id());
            assertThat(r.getDouble(r.fieldIndex("safety_stock"))).isEqualTo(p.safetyStock());
            assertThat(r.getDouble(r.fieldIndex("reorder_point"))).isEqualTo(p.reorderPoint());
            assertThat((double) r.getAs("safety_stock")).isGreaterThanOrEqualTo(0);
        }
        assertThatThrownBy(() -> f.safetyStock(table(spark, series), 5, 0.95))
                .hasMessageContaining("leadTime must be in [1, 4]");
    }

    @Test
    void reconciledForecastsAddUpWithinEachGroup() {
        SparkSession spark = LocalSpark.session();
        SparkForecasts f = SparkForecasts.builder().hierarchy("region", "store").frequency(Frequency.MONTHLY)
                .horizon(3).paths(100).seed(5).build();
        List<Row> rows = f.forecastReconciled(table(spark, panel(30, 3)), Reconciliation.MINT_SHRINK)
                .collectAsList();
        // per group: the region node, 2 stores, 4 skus; 3 steps each
        assertThat(rows).hasSize(2 * 7 * 3);
        for (String g : List.of("r0", "r1")) {
            for (int step = 1; step <= 3; step++) {
                int st = step;
                double region = mean(rows, g, g, st);
                double stores = rows.stream().filter(r -> r.getString(0).equals(g) && r.getInt(3) == st
                        && r.getString(2).equals("store")).mapToDouble(r -> r.getDouble(5)).sum();
                double skus = rows.stream().filter(r -> r.getString(0).equals(g) && r.getInt(3) == st
                        && r.getString(2).equals("series_id")).mapToDouble(r -> r.getDouble(5)).sum();
                assertThat(stores).isCloseTo(region, org.assertj.core.data.Offset.offset(1e-6 * Math.abs(region)));
                assertThat(skus).isCloseTo(region, org.assertj.core.data.Offset.offset(1e-6 * Math.abs(region)));
            }
        }
        assertThatThrownBy(() -> SparkForecasts.builder().build().forecastReconciled(table(spark, panel(30, 3)),
                Reconciliation.BOTTOM_UP)).hasMessageContaining("needs hierarchy");
    }

    private static double mean(List<Row> rows, String group, String node, int step) {
        return rows.stream().filter(r -> r.getString(0).equals(group) && r.getString(1).equals(node)
                && r.getInt(3) == step).findFirst().orElseThrow().getDouble(5);
    }

    @Test
    void evaluationEqualsTheOneJvmEvaluationToTheLastBit() {
        SparkSession spark = LocalSpark.session();
        List<TimeSeries> all = panel(48, 4);
        List<LabeledSeries> labeled = new ArrayList<>();
        List<Row> hist = new ArrayList<>();
        List<Row> hold = new ArrayList<>();
        StructType schema = new StructType().add("series_id", DataTypes.StringType)
                .add("frequency", DataTypes.StringType).add("time", DataTypes.IntegerType)
                .add("value", DataTypes.DoubleType).add("position", DataTypes.IntegerType);
        for (int i = 0; i < all.size(); i++) {
            TimeSeries s = all.get(i);
            int h = 3 + i % 4;
            double[] v = s.values();
            double[] train = Arrays.copyOf(v, v.length - h);
            double[] test = Arrays.copyOfRange(v, v.length - h, v.length);
            labeled.add(LabeledSeries.of(s.id(), List.of(), "monthly", train, test));
            for (int t = 0; t < v.length; t++) {
                (t < train.length ? hist : hold).add(RowFactory.create(s.id(), "monthly", t, v[t], i));
            }
        }
        ForecastEvaluation expected = Evaluation.evaluate(labeled, Forecaster.builder().paths(100).seed(9).build());
        long before = SparkForecasts.EVALUATED.get();
        ForecastEvaluation actual = SparkForecasts.builder().frequencyColumn("frequency").orderColumn("position")
                .paths(100).seed(9).build()
                .evaluate(spark.createDataFrame(hist, schema), spark.createDataFrame(hold, schema));
        assertThat(actual.series()).isEqualTo(expected.series());
        // local[2]: the executor is this JVM; sorting the scores must not forecast the series again
        assertThat(SparkForecasts.EVALUATED.get() - before).isEqualTo(all.size());
        assertSameFigures(actual, expected);
    }

    /** Every averaged figure equal to the last bit (the fit time aside). */
    static void assertSameFigures(ForecastEvaluation actual, ForecastEvaluation expected) {
        assertThat(actual.smape()).isEqualTo(expected.smape());
        assertThat(actual.mase()).isEqualTo(expected.mase());
        assertThat(actual.mape()).isEqualTo(expected.mape());
        assertThat(actual.crps()).isEqualTo(expected.crps());
        assertThat(actual.coverage80()).isEqualTo(expected.coverage80());
        assertThat(actual.coverage95()).isEqualTo(expected.coverage95());
        assertThat(actual.smapeByGroup()).isEqualTo(expected.smapeByGroup());
    }

    @Test
    void evaluationIsOneShuffleAndOneCollectWhateverThePartitions() {
        SparkSession spark = LocalSpark.session();
        Dataset<Row> all = spark.createDataFrame(rows(panel(40, 6)), LONG);
        String group = "evaluation-jobs-" + System.nanoTime();
        spark.sparkContext().setJobGroup(group, "evaluate", false);
        try {
            SparkForecasts.builder().paths(50).build().evaluate(all.where("time < 36"), all.where("time >= 36"));
        } finally {
            spark.sparkContext().clearJobGroup();
        }
        // the grouping's shuffle (a job of its own under adaptive execution) and the collect of the scores; ordering
        // the scores on the executors took a sampling job, a second shuffle and one job per partition
        assertThat(spark.sparkContext().statusTracker().getJobIdsForGroup(group)).hasSizeLessThanOrEqualTo(2);
    }

    /** Series of 14 to 40 periods, three frequencies, some with missing periods and one with nothing held out. */
    static List<LabeledSeries> labeledSeries() {
        SplittableRandom rnd = new SplittableRandom(21);
        String[] freq = {"monthly", "quarterly", "yearly"};
        List<LabeledSeries> out = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            double[] train = new double[14 + 2 * i];
            for (int t = 0; t < train.length; t++) {
                train[t] = i % 5 == 1 && t == 4 ? Double.NaN : 30 + i + 0.5 * t + 4 * Math.sin(t) + rnd.nextGaussian();
            }
            double[] test = new double[i == 6 ? 0 : 2 + i % 4];
            for (int t = 0; t < test.length; t++) {
                test[t] = 30 + i + 0.5 * (train.length + t) + rnd.nextGaussian();
            }
            out.add(LabeledSeries.of("s" + i, List.of(), freq[i % 3], train, test));
        }
        return out;
    }

    /** One row per series: id, frequency, position, history and held-out arrays (NaN as null or as NaN). */
    static Dataset<Row> seriesTable(SparkSession spark, List<LabeledSeries> series, int partitions) {
        StructType schema = new StructType().add("series_id", DataTypes.StringType)
                .add("frequency", DataTypes.StringType).add("position", DataTypes.IntegerType)
                .add("train", DataTypes.createArrayType(DataTypes.DoubleType, true))
                .add("test", DataTypes.createArrayType(DataTypes.DoubleType, true));
        List<Row> rows = new ArrayList<>();
        for (int i = series.size() - 1; i >= 0; i--) {
            LabeledSeries s = series.get(i);
            double[] v = s.train().values();
            Double[] train = new Double[v.length];
            for (int t = 0; t < v.length; t++) {
                train[t] = Double.isNaN(v[t]) && i == 1 ? null : v[t];   // series s11 keeps its NaN
            }
            rows.add(RowFactory.create(s.train().id(), s.train().frequency().name().toLowerCase(Locale.ROOT), i, train,
                    Arrays.stream(s.test()).boxed().toArray(Double[]::new)));
        }
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows,
                partitions), schema);
    }

    @Test
    void evaluationOverSeriesArraysEqualsTheOneJvmEvaluationInOneStageWhateverThePartitions() {
        SparkSession spark = LocalSpark.session();
        List<LabeledSeries> series = labeledSeries();
        ForecastEvaluation expected = Evaluation.evaluate(series, Forecaster.builder().paths(100).seed(5).build());
        SparkForecasts f = SparkForecasts.builder().frequencyColumn("frequency").orderColumn("position").paths(100)
                .seed(5).build();
        for (int partitions : new int[] {1, 3, 13}) {
            String group = "evaluation-series-" + partitions + "-" + System.nanoTime();
            spark.sparkContext().setJobGroup(group, "evaluate", false);
            long before = SparkForecasts.EVALUATED.get();
            ForecastEvaluation actual;
            try {
                actual = f.evaluateSeries(seriesTable(spark, series, partitions), "train", "test");
            } finally {
                spark.sparkContext().clearJobGroup();
            }
            assertThat(actual.series()).isEqualTo(expected.series()).isEqualTo(12);
            assertThat(SparkForecasts.EVALUATED.get() - before).isEqualTo(12);
            assertSameFigures(actual, expected);
            // no shuffle: one job of one stage whose tasks are the table's partitions
            SparkStatusTracker status = spark.sparkContext().statusTracker();
            int[] jobs = status.getJobIdsForGroup(group);
            assertThat(jobs).hasSize(1);
            int[] stages = status.getJobInfo(jobs[0]).get().stageIds();
            assertThat(stages).hasSize(1);
            assertThat(status.getStageInfo(stages[0]).get().numTasks()).isEqualTo(partitions);
        }
    }

    @Test
    void evaluationOverSeriesArraysNamesABadColumn() {
        SparkSession spark = LocalSpark.session();
        Dataset<Row> t = seriesTable(spark, labeledSeries(), 2);
        SparkForecasts f = SparkForecasts.builder().frequencyColumn("frequency").build();
        assertThatThrownBy(() -> f.evaluateSeries(t, "frequency", "test"))
                .hasMessageContaining("the history column 'frequency' must be an array of numbers, not string");
        assertThatThrownBy(() -> f.evaluateSeries(t, "train", "held_out"))
                .hasMessageContaining("the holdout column 'held_out' is not in the table");
        assertThatThrownBy(() -> SparkForecasts.builder().frequencyColumn("position").build()
                .evaluateSeries(t, "train", "test"))
                .hasMessageContaining("the frequency column 'position' must be string, not int");
        assertThatThrownBy(() -> SparkForecasts.builder().orderColumn("series_id").build()
                .evaluateSeries(t, "train", "test"))
                .hasMessageContaining("the order column 'series_id' must be numeric, not string");
    }

    @Test
    void badTablesFailWithTheColumnNamed() {
        SparkSession spark = LocalSpark.session();
        Dataset<Row> t = table(spark, panel(20, 5));
        assertThatThrownBy(() -> SparkForecasts.builder().columns("sku", "time", "value").build().forecast(t))
                .hasMessageContaining("the series column 'sku' is not in the table");
        assertThatThrownBy(() -> SparkForecasts.builder().quantiles(0.1, 0.10).build())
                .hasMessageContaining("quantile 0.1 is given twice");
        assertThat(SparkForecasts.quantileColumn(0.975)).isEqualTo("q975");
        assertThat(SparkForecasts.quantileColumn(0.5)).isEqualTo("q50");
    }
}
