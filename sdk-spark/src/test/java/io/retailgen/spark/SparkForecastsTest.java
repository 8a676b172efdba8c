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
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
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
