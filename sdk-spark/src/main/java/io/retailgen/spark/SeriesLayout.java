package io.retailgen.spark;

import io.retailgen.forecast.Frequency;
import io.retailgen.forecast.TimeSeries;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Where the parts of a long series table are, resolved against the table's schema on the driver: one row per series
 * and period, {@code (series_id, [hierarchy columns], time, value, [drivers], [frequency])}. The rows of a series are
 * its consecutive periods in the order of the time column; a null value is a missing period.
 */
record SeriesLayout(String seriesColumn, String timeColumn, String valueColumn, List<String> hierarchy,
        List<String> drivers, String frequencyColumn, Frequency frequency, int series, int time, int value,
        int[] hierarchyAt, int[] driverAt, int frequencyAt) implements Serializable {

    static SeriesLayout resolve(StructType schema, String seriesColumn, String timeColumn, String valueColumn,
            List<String> hierarchy, List<String> drivers, String frequencyColumn, Frequency frequency) {
        int[] h = hierarchy.stream().mapToInt(c -> index(schema, c, "hierarchy")).toArray();
        int[] d = drivers.stream().mapToInt(c -> index(schema, c, "driver")).toArray();
        return new SeriesLayout(seriesColumn, timeColumn, valueColumn, List.copyOf(hierarchy), List.copyOf(drivers),
                frequencyColumn, frequency, index(schema, seriesColumn, "series"), index(schema, timeColumn, "time"),
                index(schema, valueColumn, "value"), h, d,
                frequencyColumn == null ? -1 : index(schema, frequencyColumn, "frequency"));
    }

    static int index(StructType schema, String column, String role) {
        String[] names = schema.fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("the " + role + " column '" + column + "' is not in the table; its columns "
                + "are " + Arrays.toString(names));
    }

    /** @return the hierarchy columns' fields, in order, to copy into output schemas */
    List<StructField> hierarchyFields(StructType schema) {
        List<StructField> out = new ArrayList<>();
        for (int i : hierarchyAt) {
            out.add(schema.fields()[i]);
        }
        return out;
    }

    /** @return the hierarchy values of a row, in order */
    Object[] hierarchyValues(Row r) {
        Object[] out = new Object[hierarchyAt.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.get(hierarchyAt[i]);
        }
        return out;
    }

    /** The rows of one series, oldest first. */
    List<Row> sorted(Iterable<Row> rows) {
        List<Row> list = new ArrayList<>();
        rows.forEach(list::add);
        for (Row r : list) {
            Object t = r.get(time);
            if (t == null) {
                throw new IllegalArgumentException("series " + r.get(series) + " has a row without " + timeColumn);
            }
            if (!(t instanceof Comparable)) {
                throw new IllegalArgumentException("column " + timeColumn + " of type " + t.getClass()
                        .getSimpleName() + " cannot be ordered");
            }
        }
        list.sort((a, b) -> compareTimes(a.get(time), b.get(time)));
        return list;
    }

    /** Orders time values: numbers by value, anything else by its natural order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareTimes(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return ((Comparable) a).compareTo(b);
    }

    /** @return the series of rows already {@link #sorted} */
    TimeSeries toSeries(String id, List<Row> rows) {
        double[] v = new double[rows.size()];
        Map<String, double[]> cov = new LinkedHashMap<>();
        for (String d : drivers) {
            cov.put(d, new double[rows.size()]);
        }
        for (int i = 0; i < v.length; i++) {
            Row r = rows.get(i);
            v[i] = number(r, value, valueColumn, id);
            for (int d = 0; d < driverAt.length; d++) {
                cov.get(drivers.get(d))[i] = number(r, driverAt[d], drivers.get(d), id);
            }
        }
        List<String> path = new ArrayList<>();
        if (!rows.isEmpty()) {
            for (Object o : hierarchyValues(rows.get(0))) {
                path.add(String.valueOf(o));
            }
        }
        return new TimeSeries(id, path, frequencyOf(rows), v, cov);
    }

    private Frequency frequencyOf(List<Row> rows) {
        if (frequencyAt < 0 || rows.isEmpty() || rows.get(0).isNullAt(frequencyAt)) {
            return frequency;
        }
        return Frequency.parse(rows.get(0).getString(frequencyAt));
    }

    static double number(Row r, int at, String column, String id) {
        if (r.isNullAt(at)) {
            return Double.NaN;
        }
        Object o = r.get(at);
        if (o instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isInfinite(d)) {
                throw new IllegalArgumentException("series " + id + ": column " + column + " holds " + d);
            }
            return d;
        }
        throw new IllegalArgumentException("series " + id + ": column " + column + " holds " + o.getClass()
                .getSimpleName() + " '" + o + "', expected a number");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesLayout l && seriesColumn.equals(l.seriesColumn) && timeColumn.equals(l.timeColumn)
                && valueColumn.equals(l.valueColumn) && hierarchy.equals(l.hierarchy) && drivers.equals(l.drivers);
    }

    @Override
    public int hashCode() {
        return seriesColumn.hashCode() * 31 + valueColumn.hashCode();
    }

    @Override
    public String toString() {
        return "SeriesLayout[" + seriesColumn + ", " + hierarchy + ", " + timeColumn + ", " + valueColumn + ", "
                + drivers + "]";
    }
}
