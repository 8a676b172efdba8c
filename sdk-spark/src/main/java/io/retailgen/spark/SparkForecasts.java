package io.retailgen.spark;

import io.retailgen.forecast.DeepArModel;
import io.retailgen.forecast.Forecast;
import io.retailgen.forecast.ForecastEvaluation;
import io.retailgen.forecast.Forecaster;
import io.retailgen.forecast.Frequency;
import io.retailgen.forecast.HierarchicalData;
import io.retailgen.forecast.Hierarchy;
import io.retailgen.forecast.Inventory;
import io.retailgen.forecast.InventoryPolicy;
import io.retailgen.forecast.Method;
import io.retailgen.forecast.Reconciliation;
import io.retailgen.forecast.ScenarioSet;
import io.retailgen.forecast.TimeSeries;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Batch forecasts on Spark over a long table {@code (series_id, [hierarchy columns], time, value, [drivers])}: one
 * output row per series and step with the point forecast, quantiles of the scenario paths and, on request, the paths
 * themselves; safety stock per series; forecasts reconciled within each group of the top hierarchy column; and the
 * held-out evaluation of {@code retailgen forecast evaluate}. Every series is forecast on an executor
 * ({@code groupByKey(series).flatMapGroups}); nothing but the evaluation's per-series metrics reaches the driver.
 *
 * <pre>{@code
 * SparkForecasts f = SparkForecasts.builder().hierarchy("region", "store").horizon(8).paths(200).seed(42).build();
 * Dataset<Row> steps = f.forecast(history);            // series_id, region, store, step, model, mean, q05 .. q95
 * Dataset<Row> stock = f.safetyStock(history, 2, 0.95);
 * Dataset<Row> coherent = f.forecastReconciled(history, Reconciliation.MINT_SHRINK);
 * }</pre>
 *
 * <p>The forecasts equal those of a {@link Forecaster} with the same method, paths and seed in one JVM: each series
 * draws its scenarios from the seed and its id, not from the partition it lands in. Immutable and serializable.
 *
 * <p>A series is little input and much work: with Spark's adaptive execution on, set
 * {@code spark.sql.adaptive.coalescePartitions.enabled=false}, or the small shuffle is merged into a few tasks that
 * leave most cores idle; {@code spark.sql.shuffle.partitions} then sets the parallelism.
 */
public final class SparkForecasts implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The default quantiles: 0.05, 0.1, 0.5, 0.9 and 0.95. */
    public static final List<Double> DEFAULT_QUANTILES = List.of(0.05, 0.1, 0.5, 0.9, 0.95);

    /** Series forecast by {@link #evaluate} in this JVM (each once per evaluation, however the scores are ordered). */
    static final java.util.concurrent.atomic.AtomicLong EVALUATED = new java.util.concurrent.atomic.AtomicLong();

    private final String seriesColumn;
    private final String timeColumn;
    private final String valueColumn;
    /** Immutable lists from {@code List.copyOf}, which serialize. */
    @SuppressWarnings("serial")
    private final List<String> hierarchy;
    @SuppressWarnings("serial")
    private final List<String> drivers;
    private final String frequencyColumn;
    private final String orderColumn;
    private final Frequency frequency;
    private final Method method;
    private final int paths;
    private final long seed;
    private final int horizon;
    private final double[] quantiles;
    private final boolean scenarioPaths;
    private final ShippedBundle model;

    private SparkForecasts(Builder b) {
        this.seriesColumn = b.seriesColumn;
        this.timeColumn = b.timeColumn;
        this.valueColumn = b.valueColumn;
        this.hierarchy = List.copyOf(b.hierarchy);
        this.drivers = List.copyOf(b.drivers);
        this.frequencyColumn = b.frequencyColumn;
        this.orderColumn = b.orderColumn;
        this.frequency = b.frequency;
        this.method = b.method;
        this.paths = b.paths;
        this.seed = b.seed;
        this.horizon = b.horizon;
        this.quantiles = b.quantiles.clone();
        this.scenarioPaths = b.scenarioPaths;
        this.model = b.model;
    }

    /** @return a builder: columns series_id, time, value; AUTO, 1,000 paths, seed 42, horizon 12 */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param history the long table
     * @return one row per series and step: the series column, the hierarchy columns, {@code step} (1 to the
     *     horizon), {@code model}, {@code mean}, one column per quantile ({@code q05}, {@code q10}, ...) and, with
     *     {@link Builder#scenarioPaths}, {@code paths} (every path's value at that step)
     */
    public Dataset<Row> forecast(Dataset<Row> history) {
        SeriesLayout layout = layout(history.schema());
        List<StructField> fields = new ArrayList<>();
        fields.add(history.schema().fields()[layout.series()]);
        fields.addAll(layout.hierarchyFields(history.schema()));
        fields.add(DataTypes.createStructField("step", DataTypes.IntegerType, false));
        fields.addAll(stepFields());
        StructType out = DataTypes.createStructType(fields);
        return grouped(history, layout).flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (id, rows) -> {
            List<Row> sorted = layout.sorted(() -> rows);
            Forecast f = forecaster().forecast(layout.toSeries(id, sorted), horizon);
            Object[] head = prefix(sorted.get(0).get(layout.series()), layout.hierarchyValues(sorted.get(0)));
            return stepRows(head, f).iterator();
        }, Encoders.row(out));
    }

    /**
     * @param history the long table
     * @param leadTime the lead time in periods, 1 to the horizon
     * @param serviceLevel the cycle service level, in (0, 1)
     * @return one row per series: the series column, the hierarchy columns, {@code lead_time}, {@code service_level},
     *     {@code mean_lead_time_demand}, {@code safety_stock} and {@code reorder_point} from the scenario paths
     */
    public Dataset<Row> safetyStock(Dataset<Row> history, int leadTime, double serviceLevel) {
        if (leadTime < 1 || leadTime > horizon) {
            throw new IllegalArgumentException("leadTime must be in [1, " + horizon + "] (the horizon), got "
                    + leadTime);
        }
        if (!(serviceLevel > 0 && serviceLevel < 1)) {
            throw new IllegalArgumentException("serviceLevel must be in (0, 1), got " + serviceLevel);
        }
        SeriesLayout layout = layout(history.schema());
        List<StructField> fields = new ArrayList<>();
        fields.add(history.schema().fields()[layout.series()]);
        fields.addAll(layout.hierarchyFields(history.schema()));
        fields.add(DataTypes.createStructField("lead_time", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("service_level", DataTypes.DoubleType, false));
        fields.add(DataTypes.createStructField("mean_lead_time_demand", DataTypes.DoubleType, false));
        fields.add(DataTypes.createStructField("safety_stock", DataTypes.DoubleType, false));
        fields.add(DataTypes.createStructField("reorder_point", DataTypes.DoubleType, false));
        StructType out = DataTypes.createStructType(fields);
        return grouped(history, layout).flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (id, rows) -> {
            List<Row> sorted = layout.sorted(() -> rows);
            Forecast f = forecaster().forecast(layout.toSeries(id, sorted), horizon);
            InventoryPolicy p = Inventory.forServiceLevel(f.scenarios(), leadTime, serviceLevel);
            Object[] head = prefix(sorted.get(0).get(layout.series()), layout.hierarchyValues(sorted.get(0)));
            Object[] v = Arrays.copyOf(head, head.length + 5);
            v[head.length] = leadTime;
            v[head.length + 1] = serviceLevel;
            v[head.length + 2] = p.meanLeadTimeDemand();
            v[head.length + 3] = p.safetyStock();
            v[head.length + 4] = p.reorderPoint();
            return List.of(RowFactory.create(v)).iterator();
        }, Encoders.row(out));
    }

    /**
     * Forecasts every node of each group's hierarchy and reconciles them, so that in every group each node's mean
     * and every path equal the sums of its children's. A group is one value of the first hierarchy column; within
     * it the levels are the other hierarchy columns and then the series. The series of a group are aligned on the
     * union of their time values; a period a series lacks counts as 0 in the sums.
     *
     * @param history the long table (with at least one hierarchy column)
     * @param how the reconciliation
     * @return one row per node and step: {@code group}, {@code node} (the path below the group, joined by
     *     {@code /}), {@code level} (its column name), {@code step}, {@code model}, {@code mean}, the quantiles and,
     *     on request, {@code paths}
     */
    public Dataset<Row> forecastReconciled(Dataset<Row> history, Reconciliation how) {
        Objects.requireNonNull(how, "how == null");
        if (hierarchy.isEmpty()) {
            throw new IllegalStateException("forecastReconciled needs hierarchy(...) columns; the first one groups "
                    + "the series");
        }
        SeriesLayout layout = layout(history.schema());
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("group", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("node", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("level", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("step", DataTypes.IntegerType, false));
        fields.addAll(stepFields());
        StructType out = DataTypes.createStructType(fields);
        int top = layout.hierarchyAt()[0];
        return history.groupByKey((MapFunction<Row, String>) r -> String.valueOf(r.get(top)), Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (group, rows) ->
                        reconcileGroup(layout, group, rows, how).iterator(), Encoders.row(out));
    }

    private List<Row> reconcileGroup(SeriesLayout layout, String group, Iterator<Row> rows, Reconciliation how) {
        Map<String, List<Row>> bySeries = new java.util.TreeMap<>();
        rows.forEachRemaining(r -> bySeries.computeIfAbsent(String.valueOf(r.get(layout.series())),
                k -> new ArrayList<>()).add(r));
        java.util.TreeSet<Object> times = new java.util.TreeSet<>(SeriesLayout::compareTimes);
        List<TimeSeries> bottomSeries = new ArrayList<>();
        List<List<Object>> bottomTimes = new ArrayList<>();
        List<List<String>> paths = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : bySeries.entrySet()) {
            List<Row> sorted = layout.sorted(e.getValue());
            TimeSeries s = layout.toSeries(e.getKey(), sorted);
            List<Object> t = sorted.stream().map(r -> r.get(layout.time())).toList();
            times.addAll(t);
            bottomSeries.add(s);
            bottomTimes.add(t);
            List<String> path = new ArrayList<>(s.path());
            path.add(e.getKey());
            paths.add(path);
        }
        List<Object> axis = new ArrayList<>(times);
        Map<Object, Integer> at = new java.util.TreeMap<>(SeriesLayout::compareTimes);
        for (int i = 0; i < axis.size(); i++) {
            at.put(axis.get(i), i);
        }
        double[][] bottom = new double[bottomSeries.size()][axis.size()];
        for (int b = 0; b < bottom.length; b++) {
            double[] v = bottomSeries.get(b).values();
            for (int i = 0; i < v.length; i++) {
                if (!Double.isNaN(v[i])) {
                    bottom[b][at.get(bottomTimes.get(b).get(i))] += v[i];
                }
            }
        }
        List<String> levels = new ArrayList<>(hierarchy);
        levels.add(seriesColumn);
        Hierarchy h = Hierarchy.of(levels, paths);
        double[][] all = h.aggregate(bottom);
        Frequency freq = bottomSeries.get(0).frequency();
        List<TimeSeries> nodes = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            nodes.add(new TimeSeries(h.ids().get(i), List.of(), freq, all[i], Map.of()));
        }
        HierarchicalData data = new HierarchicalData(h, axis.stream().map(String::valueOf).toList(), nodes);
        List<Forecast> coherent = forecaster().forecastHierarchy(data, horizon, how);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            if (h.level(i) == 0) {
                continue;   // the group's total is its first-level node
            }
            String node = h.ids().get(i);
            out.addAll(stepRows(new Object[] {group, node, h.levelNames().get(h.level(i))}, coherent.get(i)));
        }
        return out;
    }

    /**
     * The held-out evaluation of {@code retailgen forecast evaluate}: every series of {@code holdout} is forecast
     * from its rows in {@code history} over as many steps as it has held-out rows, and scored (sMAPE, MASE, MAPE,
     * CRPS, interval coverage) on an executor, in one Spark job. Only the per-series metrics come back to the driver
     * (some 100 bytes per series, held there together), where they are put in the order of the
     * {@link Builder#orderColumn order column} (or of the series ids) and averaged exactly as in one JVM, so the
     * figures equal those of {@link io.retailgen.forecast.Evaluation#evaluate} to the last bit.
     *
     * @param history the long table of histories
     * @param holdout the held-out periods: the series, time and value columns
     * @return the averaged metrics; {@code fitSeconds} is the Spark job's wall time
     */
    public ForecastEvaluation evaluate(Dataset<Row> history, Dataset<Row> holdout) {
        long t0 = System.nanoTime();
        List<Column> h = new ArrayList<>();
        List<Column> t = new ArrayList<>();
        h.add(functions.col(seriesColumn).cast(DataTypes.StringType).as(seriesColumn));
        t.add(functions.col(seriesColumn).cast(DataTypes.StringType).as(seriesColumn));
        h.add(functions.col(timeColumn).as(timeColumn));
        t.add(functions.col(timeColumn).as(timeColumn));
        h.add(functions.col(valueColumn).cast(DataTypes.DoubleType).as(valueColumn));
        t.add(functions.col(valueColumn).cast(DataTypes.DoubleType).as(valueColumn));
        String freqCol = frequencyColumn;
        if (freqCol != null) {
            h.add(functions.col(freqCol).cast(DataTypes.StringType).as(freqCol));
            t.add(functions.lit(null).cast(DataTypes.StringType).as(freqCol));
        }
        h.add(orderColumn == null ? functions.lit(0L).as("_order") : functions.col(orderColumn).cast(
                DataTypes.LongType).as("_order"));
        t.add(functions.lit(0L).as("_order"));
        h.add(functions.lit(0).as("_holdout"));
        t.add(functions.lit(1).as("_holdout"));
        Dataset<Row> both = history.select(h.toArray(new Column[0])).unionAll(holdout.select(t.toArray(new Column[0])));
        SeriesLayout layout = SeriesLayout.resolve(both.schema(), seriesColumn, timeColumn, valueColumn, List.of(),
                List.of(), freqCol, frequency);
        int order = SeriesLayout.index(both.schema(), "_order", "order");
        int part = SeriesLayout.index(both.schema(), "_holdout", "holdout");
        Dataset<Row> metrics = both.groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (id, rows) -> {
                    List<Row> train = new ArrayList<>();
                    List<Row> test = new ArrayList<>();
                    rows.forEachRemaining(r -> (r.getInt(part) == 0 ? train : test).add(r));
                    if (test.isEmpty()) {
                        return java.util.Collections.emptyIterator();
                    }
                    if (train.isEmpty()) {
                        throw new IllegalArgumentException("series " + id + " has held-out rows but no history");
                    }
                    List<Row> sortedTrain = layout.sorted(train);
                    TimeSeries s = layout.toSeries(id, sortedTrain);
                    double[] actual = layout.toSeries(id, layout.sorted(test)).values();
                    Forecast f = forecaster().forecast(s, actual.length);
                    EVALUATED.incrementAndGet();
                    long ord = sortedTrain.get(0).getLong(order);
                    return List.of(SeriesScore.of(ord, s, actual, f).toRow()).iterator();
                }, Encoders.row(SeriesScore.SCHEMA));
        // one job: the scores (a few numbers per series) come back as they are and are put in order here; a sort on
        // the executors cost a sampling job, a shuffle, a cache of the scores and one job per partition
        return SeriesScore.average(metrics.collectAsList().stream().map(SeriesScore::fromRow).toList(), t0);
    }

    /**
     * The held-out evaluation of {@link #evaluate} over a table of one row per series: the series column, an array
     * column of its history and one of its held-out values, oldest first (a null element is a missing period), and
     * the {@link Builder#frequencyColumn frequency} and {@link Builder#orderColumn order} columns where set. Each
     * partition's series are forecast and scored where they lie, with no shuffle and no per-period rows, so the
     * table's partitions are the job's tasks: give it a few partitions per core with the longest series first, so
     * that the last tasks to start are short and no core waits at the end. The figures equal those of
     * {@link #evaluate} on the same series, whatever the partitioning.
     *
     * @param series one row per series
     * @param historyColumn the array column of the history
     * @param holdoutColumn the array column of the held-out values; a series with none is not scored
     * @return the averaged metrics; {@code fitSeconds} is the Spark job's wall time
     */
    public ForecastEvaluation evaluateSeries(Dataset<Row> series, String historyColumn, String holdoutColumn) {
        long t0 = System.nanoTime();
        StructType schema = series.schema();
        int id = SeriesLayout.index(schema, seriesColumn, "series");
        int train = numberArray(schema, historyColumn, "history");
        int test = numberArray(schema, holdoutColumn, "holdout");
        int freq = frequencyColumn == null ? -1 : typed(schema, frequencyColumn, "frequency", DataTypes.StringType);
        int order = orderColumn == null ? -1 : typed(schema, orderColumn, "order", null);
        Frequency fallback = frequency;
        FlatMapFunction<Iterator<Row>, SeriesScore> score = rows -> {
            Forecaster forecaster = forecaster();
            List<SeriesScore> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                if (r.isNullAt(id)) {
                    throw new IllegalArgumentException("a row has no " + seriesColumn + ": " + r);
                }
                String name = String.valueOf(r.get(id));
                double[] actual = values(r, test, holdoutColumn, name);
                if (actual.length == 0) {
                    continue;
                }
                double[] history = values(r, train, historyColumn, name);
                if (history.length == 0) {
                    throw new IllegalArgumentException("series " + name + " has held-out values but no history");
                }
                Frequency f = freq < 0 || r.isNullAt(freq) ? fallback : Frequency.parse(r.getString(freq));
                TimeSeries s = new TimeSeries(name, List.of(), f, history, Map.of());
                Forecast forecast = forecaster.forecast(s, actual.length);
                EVALUATED.incrementAndGet();
                long position = order < 0 || r.isNullAt(order) ? 0 : ((Number) r.get(order)).longValue();
                out.add(SeriesScore.of(position, s, actual, forecast));
            }
            return out.iterator();
        };
        // the scores come back as objects: no encoder, no planner work beyond reading the table
        return SeriesScore.average(series.javaRDD().mapPartitions(score).collect(), t0);
    }

    private static int numberArray(StructType schema, String column, String role) {
        int at = SeriesLayout.index(schema, column, role);
        if (!(schema.fields()[at].dataType() instanceof ArrayType a && a.elementType() instanceof NumericType)) {
            throw new IllegalArgumentException("the " + role + " column '" + column + "' must be an array of numbers, "
                    + "not " + schema.fields()[at].dataType().simpleString());
        }
        return at;
    }

    /** @return the column's index; its type must be {@code type}, or numeric where {@code type} is null */
    private static int typed(StructType schema, String column, String role, DataType type) {
        int at = SeriesLayout.index(schema, column, role);
        DataType t = schema.fields()[at].dataType();
        if (type == null ? !(t instanceof NumericType) : !t.equals(type)) {
            throw new IllegalArgumentException("the " + role + " column '" + column + "' must be "
                    + (type == null ? "numeric" : type.simpleString()) + ", not " + t.simpleString());
        }
        return at;
    }

    /** An array cell as values; a null element is a missing period (NaN), a null array no values. */
    private static double[] values(Row r, int at, String column, String series) {
        if (r.isNullAt(at)) {
            return new double[0];
        }
        List<Object> cells = r.getList(at);
        double[] out = new double[cells.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = cells.get(i);
            out[i] = o == null ? Double.NaN : ((Number) o).doubleValue();
            if (Double.isInfinite(out[i])) {
                throw new IllegalArgumentException("series " + series + ": column " + column + " holds " + out[i]);
            }
        }
        return out;
    }

    /** The forecaster of one task: the same settings as the driver's, single-threaded, with this JVM's model. */
    private Forecaster forecaster() {
        Forecaster.Builder b = Forecaster.builder().method(method).paths(paths).seed(seed).executor(Runnable::run);
        if (model != null) {
            b.generativeModel(ExecutorModels.get(model, DeepArModel.class, DeepArModel::fromBundle));
        }
        return b.build();
    }

    private SeriesLayout layout(StructType schema) {
        return SeriesLayout.resolve(schema, seriesColumn, timeColumn, valueColumn, hierarchy, drivers,
                frequencyColumn, frequency);
    }

    private static org.apache.spark.sql.KeyValueGroupedDataset<String, Row> grouped(Dataset<Row> history,
            SeriesLayout layout) {
        int s = layout.series();
        return history.groupByKey((MapFunction<Row, String>) r -> {
            if (r.isNullAt(s)) {
                throw new IllegalArgumentException("a row has no " + layout.seriesColumn() + ": " + r);
            }
            return String.valueOf(r.get(s));
        }, Encoders.STRING());
    }

    private static Object[] prefix(Object series, Object[] hierarchyValues) {
        Object[] out = new Object[1 + hierarchyValues.length];
        out[0] = series;
        System.arraycopy(hierarchyValues, 0, out, 1, hierarchyValues.length);
        return out;
    }

    private List<StructField> stepFields() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("model", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("mean", DataTypes.DoubleType, false));
        for (double q : quantiles) {
            fields.add(DataTypes.createStructField(quantileColumn(q), DataTypes.DoubleType, false));
        }
        if (scenarioPaths) {
            fields.add(DataTypes.createStructField("paths", DataTypes.createArrayType(DataTypes.DoubleType, false),
                    false));
        }
        return fields;
    }

    private List<Row> stepRows(Object[] head, Forecast f) {
        ScenarioSet s = f.scenarios();
        double[] mean = f.mean();
        double[][] q = new double[quantiles.length][];
        for (int i = 0; i < q.length; i++) {
            q[i] = s.quantile(quantiles[i]);
        }
        List<Row> out = new ArrayList<>(mean.length);
        for (int step = 0; step < mean.length; step++) {
            Object[] v = Arrays.copyOf(head, head.length + 3 + q.length + (scenarioPaths ? 1 : 0));
            int c = head.length;
            v[c++] = step + 1;
            v[c++] = f.model();
            v[c++] = mean[step];
            for (double[] qi : q) {
                v[c++] = qi[step];
            }
            if (scenarioPaths) {
                double[] col = new double[s.paths()];
                s.column(step, col);
                v[c] = col;
            }
            out.add(RowFactory.create(v));
        }
        return out;
    }

    /**
     * @param p a probability such as 0.05
     * @return its column name, such as {@code q05} ({@code q10} for 0.1, {@code q975} for 0.975)
     */
    public static String quantileColumn(double p) {
        String digits = BigDecimal.valueOf(p).stripTrailingZeros().toPlainString().substring(2);
        return "q" + (digits.length() == 1 ? digits + "0" : digits);
    }

    /** Builds {@link SparkForecasts}; setters validate at once. Not thread-safe. */
    public static final class Builder {
        private String seriesColumn = "series_id";
        private String timeColumn = "time";
        private String valueColumn = "value";
        private List<String> hierarchy = List.of();
        private List<String> drivers = List.of();
        private String frequencyColumn;
        private String orderColumn;
        private Frequency frequency = Frequency.OTHER;
        private Method method = Method.AUTO;
        private int paths = 1000;
        private long seed = 42;
        private int horizon = 12;
        private double[] quantiles = DEFAULT_QUANTILES.stream().mapToDouble(Double::doubleValue).toArray();
        private boolean scenarioPaths;
        private ShippedBundle model;

        private Builder() {
        }

        /**
         * @param series the series id column (default {@code series_id})
         * @param time the period column, any orderable type (default {@code time})
         * @param value the numeric value column (default {@code value}); null is a missing period
         * @return this
         */
        public Builder columns(String series, String time, String value) {
            this.seriesColumn = name(series, "series");
            this.timeColumn = name(time, "time");
            this.valueColumn = name(value, "value");
            return this;
        }

        /**
         * @param columns hierarchy columns, top level first; {@link #forecastReconciled} groups by the first
         * @return this
         */
        public Builder hierarchy(String... columns) {
            this.hierarchy = Arrays.stream(columns).map(c -> name(c, "hierarchy")).toList();
            return this;
        }

        /**
         * @param columns numeric driver columns (covariates known ahead), passed to the generative model
         * @return this
         */
        public Builder drivers(String... columns) {
            this.drivers = Arrays.stream(columns).map(c -> name(c, "driver")).toList();
            return this;
        }

        /**
         * @param f the frequency of every series (default {@link Frequency#OTHER})
         * @return this
         */
        public Builder frequency(Frequency f) {
            this.frequency = Objects.requireNonNull(f, "frequency == null");
            return this;
        }

        /**
         * @param column a string column naming each series' frequency ({@link Frequency#parse}); overrides
         *     {@link #frequency} where not null
         * @return this
         */
        public Builder frequencyColumn(String column) {
            this.frequencyColumn = name(column, "frequency");
            return this;
        }

        /**
         * @param column a numeric column giving each series' position, for the order in which {@link #evaluate}
         *     averages (default: the series ids)
         * @return this
         */
        public Builder orderColumn(String column) {
            this.orderColumn = name(column, "order");
            return this;
        }

        /**
         * @param m the method; {@link Method#GENERATIVE} needs {@link #model}
         * @return this
         */
        public Builder method(Method m) {
            this.method = Objects.requireNonNull(m, "method == null");
            return this;
        }

        /**
         * @param n scenario paths per series, 1 to 1,000,000
         * @return this
         */
        public Builder paths(int n) {
            if (n < 1 || n > 1_000_000) {
                throw new IllegalArgumentException("paths must be in [1, 1000000], got " + n);
            }
            this.paths = n;
            return this;
        }

        /**
         * @param s the seed; each series derives its stream from it and its id
         * @return this
         */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * @param steps the forecast horizon of {@link #forecast}, {@link #safetyStock} and {@link #forecastReconciled}
         * @return this
         */
        public Builder horizon(int steps) {
            if (steps < 1 || steps > 10_000) {
                throw new IllegalArgumentException("horizon must be in [1, 10000], got " + steps);
            }
            this.horizon = steps;
            return this;
        }

        /**
         * @param ps the quantiles to report, each in (0, 1) (default {@link #DEFAULT_QUANTILES})
         * @return this
         */
        public Builder quantiles(double... ps) {
            if (ps.length == 0) {
                throw new IllegalArgumentException("give at least one quantile");
            }
            java.util.Set<String> names = new java.util.HashSet<>();
            for (double p : ps) {
                if (!(p > 0 && p < 1)) {
                    throw new IllegalArgumentException("quantiles must be in (0, 1), got " + p);
                }
                if (!names.add(quantileColumn(p))) {
                    throw new IllegalArgumentException("quantile " + p + " is given twice");
                }
            }
            this.quantiles = ps.clone();
            return this;
        }

        /**
         * @param on whether each output row carries every path's value at its step ({@code paths})
         * @return this
         */
        public Builder scenarioPaths(boolean on) {
            this.scenarioPaths = on;
            return this;
        }

        /**
         * @param bundle a {@code forecast.deepar} bundle for {@link Method#GENERATIVE}, loaded once per executor
         * @return this
         */
        public Builder model(ShippedBundle bundle) {
            this.model = Objects.requireNonNull(bundle, "model == null");
            return this;
        }

        /**
         * @return the batch forecaster
         * @throws IllegalStateException when {@link Method#GENERATIVE} has no model
         */
        public SparkForecasts build() {
            if (method == Method.GENERATIVE && model == null) {
                throw new IllegalStateException("method GENERATIVE needs model(ShippedBundle.broadcast(spark, "
                        + "deepAr.toBundle(name, version)))");
            }
            return new SparkForecasts(this);
        }

        private static String name(String column, String role) {
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("the " + role + " column name is blank");
            }
            return column;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SparkForecasts[%s, paths=%d, seed=%d, horizon=%d]", method, paths, seed,
                horizon);
    }
}
