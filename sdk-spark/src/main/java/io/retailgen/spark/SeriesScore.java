package io.retailgen.spark;

import io.retailgen.forecast.Forecast;
import io.retailgen.forecast.ForecastEvaluation;
import io.retailgen.forecast.Metrics;
import io.retailgen.forecast.TimeSeries;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One series' held-out scores, computed on an executor, and their average on the driver in a fixed order with the
 * same NaN-skipping means as {@link io.retailgen.forecast.Evaluation}, so the sums run in the same order and the
 * figures agree to the last bit.
 */
record SeriesScore(long order, String series, String frequency, double smape, double mase, double mape,
        double crps, long in80, long in95, long points) implements Serializable {

    static final StructType SCHEMA = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
        DataTypes.createStructField("order", DataTypes.LongType, false),
        DataTypes.createStructField("series", DataTypes.StringType, false),
        DataTypes.createStructField("frequency", DataTypes.StringType, false),
        DataTypes.createStructField("smape", DataTypes.DoubleType, false),
        DataTypes.createStructField("mase", DataTypes.DoubleType, false),
        DataTypes.createStructField("mape", DataTypes.DoubleType, false),
        DataTypes.createStructField("crps", DataTypes.DoubleType, false),
        DataTypes.createStructField("in80", DataTypes.LongType, false),
        DataTypes.createStructField("in95", DataTypes.LongType, false),
        DataTypes.createStructField("points", DataTypes.LongType, false)});

    static SeriesScore of(long order, TimeSeries train, double[] test, Forecast f) {
        double[] hist = train.values();
        int m = train.frequency().seasonalPeriod();
        double scale = Metrics.naiveScale(hist, m);
        return new SeriesScore(order, train.id(), train.frequency().name().toLowerCase(Locale.ROOT),
                Metrics.smape(test, f.mean()), Metrics.mase(hist, test, f.mean(), m), Metrics.mape(test, f.mean()),
                scale > 0 ? Metrics.crps(test, f.scenarios()) / scale : Double.NaN,
                Math.round(Metrics.coverage(test, f.scenarios().interval(0.8)) * test.length),
                Math.round(Metrics.coverage(test, f.scenarios().interval(0.95)) * test.length), test.length);
    }

    /** The order in which {@link #average} must see the scores: by the order column, then by series id. */
    static final Comparator<SeriesScore> EVALUATION_ORDER = Comparator.comparingLong(SeriesScore::order)
            .thenComparing(SeriesScore::series);

    Row toRow() {
        return RowFactory.create(order, series, frequency, smape, mase, mape, crps, in80, in95, points);
    }

    static SeriesScore fromRow(Row r) {
        return new SeriesScore(r.getLong(0), r.getString(1), r.getString(2), r.getDouble(3), r.getDouble(4),
                r.getDouble(5), r.getDouble(6), r.getLong(7), r.getLong(8), r.getLong(9));
    }

    /**
     * Puts the scores in {@link #EVALUATION_ORDER} and averages them; the fit time is the wall time since {@code t0}.
     */
    static ForecastEvaluation average(List<SeriesScore> scores, long t0) {
        List<SeriesScore> ordered = new ArrayList<>(scores);
        ordered.sort(EVALUATION_ORDER);
        // sMAPE, MASE, MAPE, CRPS: NaN-skipping sums in arrival order, as the one-JVM evaluation adds them
        double[] sums = new double[4];
        long[] counts = new long[4];
        long in80 = 0;
        long in95 = 0;
        long points = 0;
        int n = 0;
        Map<String, double[]> byGroup = new LinkedHashMap<>();
        for (SeriesScore s : ordered) {
            double[] values = {s.smape, s.mase, s.mape, s.crps};
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    sums[i] += values[i];
                    counts[i]++;
                }
            }
            double[] g = byGroup.computeIfAbsent(s.frequency, k -> new double[2]);
            if (!Double.isNaN(s.smape)) {
                g[0] += s.smape;
                g[1]++;
            }
            in80 += s.in80;
            in95 += s.in95;
            points += s.points;
            n++;
        }
        Map<String, Double> groups = new LinkedHashMap<>();
        byGroup.forEach((k, v) -> groups.put(k, v[1] == 0 ? Double.NaN : v[0] / v[1]));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] mean = new double[4];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = counts[i] == 0 ? Double.NaN : sums[i] / counts[i];
        }
        return new ForecastEvaluation(n, mean[0], mean[1], mean[2], mean[3],
                points == 0 ? Double.NaN : (double) in80 / points, points == 0 ? Double.NaN : (double) in95 / points,
                seconds, groups);
    }
}
