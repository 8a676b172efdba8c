package io.retailgen.forecast;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.CsvFields;
import io.retailgen.core.data.DataValidator;
import io.retailgen.core.data.StrictNumbers;
import io.retailgen.core.data.TextLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads a retailer's own series from a hierarchical long CSV (one row per node, period and value). Bad rows go to the
 * given {@link DataValidator} (row, column, reason, value): strict mode throws at the first, naming {@code file:line},
 * the column and the value; lenient mode skips them, reports each, and keeps the good rows. A gap in a series' time
 * index and a duplicate row are reported the same way. Values {@code NA}, {@code NaN} or empty are missing values;
 * other values must be plain finite decimals ({@link StrictNumbers}).
 *
 * <p>Files are read as UTF-8 streams, one line at a time: a leading byte order mark is dropped, a line longer than
 * {@link TextLines#DEFAULT_MAX_LINE_LENGTH} characters or bytes that are not UTF-8 fail with the line number, and no
 * whole-file string is built. Stateless and thread-safe. Readers of public benchmark files (the M competitions,
 * aus-retail) are in the {@code sdk-datasets} module.
 *
 * <pre>{@code
 * HierarchicalData sales = TimeSeriesReader.readHierarchical(Path.of("sales.csv"), "Month", "Sales",
 *         List.of("Region", "Store"), DataValidator.lenient());
 * }</pre>
 */
public final class TimeSeriesReader {

    /** The longest span of periods of one file. */
    static final int MAX_PERIODS = 1_000_000;
    /** The most bottom-series values (series x periods) of a hierarchical file: 20 million doubles, 160 MB. */
    static final long MAX_BOTTOM_VALUES = 20_000_000L;

    private TimeSeriesReader() {
    }

    /**
     * Reads a hierarchical long CSV (quoted fields allowed). The bottom series are the distinct combinations of the
     * hierarchy columns, nested in the order given under a {@code Total}; rows with the same combination and period
     * that differ in another column (a finer level not in the hierarchy) are summed. A row equal to an earlier one in
     * every column but the value is a duplicate: reported and dropped (the first row is kept). Periods are
     * {@code YYYY-MM} (monthly) or integers (frequency other). Every node spans all periods from the earliest to the
     * latest in the file; periods before a bottom series' first row or after its last count as zero, a missing value
     * counts as zero, and a period missing between a bottom series' first and last rows is a gap: reported (strict
     * mode fails there), and in lenient mode counted as zero.
     *
     * @param file the file
     * @param timeColumn the period column
     * @param valueColumn the value column
     * @param hierarchy the hierarchy columns, top level first
     * @param validator receives bad rows
     * @return every node
     */
    public static HierarchicalData readHierarchical(Path file, String timeColumn, String valueColumn,
            List<String> hierarchy, DataValidator validator) {
        Objects.requireNonNull(validator, "validator == null");
        if (hierarchy.isEmpty()) {
            throw new IllegalArgumentException("hierarchy needs at least one column");
        }
        record Row(long line, List<String> path, long period, double value) {
        }
        List<Row> rows = new ArrayList<>();
        Map<List<String>, Long> firstLine = new HashMap<>();
        PeriodColumn periods = new PeriodColumn(timeColumn);
        try (TextLines r = TextLines.open(file, TextLines.DEFAULT_MAX_LINE_LENGTH)) {
            String header = r.next();
            if (header == null) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, file + " is empty; expected a header row");
            }
            List<String> needed = new ArrayList<>(hierarchy);
            needed.add(timeColumn);
            needed.add(valueColumn);
            List<String> names = CsvFields.split(header);
            Map<String, Integer> col = CsvFields.columns(names, file, needed, List.of());
            int valueIndex = col.get(valueColumn);
            int width = col.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            CsvFields.<Row>forEachRow(r, width, validator, (row, f) -> {
                List<String> path = new ArrayList<>();
                for (String h : hierarchy) {
                    String v = f.get(col.get(h)).trim();
                    row.require(!v.isEmpty(), h, "hierarchy value is empty", v);
                    path.add(v);
                }
                String p = f.get(col.get(timeColumn)).trim();
                long period = periods.parse(row, p);
                double v = row.parse(valueColumn, f.get(valueIndex), CsvFields::valueOrMissing);
                List<String> key = new ArrayList<>(f.size());
                for (int i = 0; i < f.size(); i++) {
                    key.add(i == valueIndex ? "" : f.get(i).trim());
                }
                Long first = firstLine.putIfAbsent(List.copyOf(key), row.number());
                if (first != null) {
                    row.reject(timeColumn, "duplicate row for " + String.join("/", path) + " at " + p
                            + ": every column but " + valueColumn + " equals line " + first
                            + "; the first row is kept", p);
                }
                return new Row(row.number(), List.copyOf(path), period, Double.isNaN(v) ? 0 : v);
            }, rows::add);
        }
        if (rows.isEmpty()) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, file + " has no valid data rows");
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        Map<List<String>, Integer> index = new LinkedHashMap<>();
        for (Row row : rows) {
            min = Math.min(min, row.period());
            max = Math.max(max, row.period());
            index.putIfAbsent(row.path(), index.size());
        }
        if (max - min >= MAX_PERIODS || max - min < 0) { // < 0: the difference overflowed
            throw new RetailGenException(ErrorCode.INVALID_DATA, "periods span " + min + " to " + max + " in " + file
                    + "; at most 1,000,000 steps are supported");
        }
        reportGaps(rows, Row::path, Row::period, Row::line, periods.monthly(), validator);
        int len = (int) (max - min + 1);
        if ((long) index.size() * len > MAX_BOTTOM_VALUES) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, String.format(Locale.ROOT, "%s holds %,d bottom "
                    + "series over %,d periods, %,d values; at most %,d are supported", file, index.size(), len,
                    (long) index.size() * len, MAX_BOTTOM_VALUES));
        }
        List<List<String>> paths = new ArrayList<>(index.keySet());
        double[][] bottom = new double[paths.size()][len];
        for (Row row : rows) {
            bottom[index.get(row.path())][(int) (row.period() - min)] += row.value();
        }
        Hierarchy h = Hierarchy.of(hierarchy, paths);
        double[][] all = h.aggregate(bottom);
        Frequency freq = periods.monthly() ? Frequency.MONTHLY : Frequency.OTHER;
        List<TimeSeries> series = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            String id = h.ids().get(i);
            List<String> path = id.equals(Hierarchy.TOTAL) ? List.of() : List.of(id.split("/", -1));
            series.add(new TimeSeries(id, path, freq, all[i], Map.of()));
        }
        List<String> labels = new ArrayList<>();
        for (long p = min; p <= max; p++) {
            labels.add(label(p, periods.monthly()));
        }
        return new HierarchicalData(h, labels, series);
    }

    /** Reports, per bottom series, each period missing between its first and its last row. */
    private static <R> void reportGaps(List<R> rows, java.util.function.Function<R, List<String>> path,
            java.util.function.ToLongFunction<R> period, java.util.function.ToLongFunction<R> line, boolean monthly,
            DataValidator validator) {
        Map<List<String>, TreeMap<Long, Long>> periods = new LinkedHashMap<>();
        for (R row : rows) {
            periods.computeIfAbsent(path.apply(row), k -> new TreeMap<>()).putIfAbsent(period.applyAsLong(row),
                    line.applyAsLong(row));
        }
        for (Map.Entry<List<String>, TreeMap<Long, Long>> e : periods.entrySet()) {
            long previous = Long.MIN_VALUE;
            for (Map.Entry<Long, Long> p : e.getValue().entrySet()) {
                if (previous != Long.MIN_VALUE && p.getKey() > previous + 1) {
                    validator.reject(p.getValue(), null, "gap in series " + String.join("/", e.getKey())
                            + ": no row for " + label(previous + 1, monthly) + (p.getKey() > previous + 2
                                    ? " to " + label(p.getKey() - 1, monthly) : "")
                            + "; the missing periods count as zero", label(p.getKey(), monthly));
                }
                previous = p.getKey();
            }
        }
    }

    private static String label(long period, boolean monthly) {
        return monthly ? String.format(Locale.ROOT, "%04d-%02d", period / 12, period % 12 + 1) : Long.toString(period);
    }

    static long parsePeriod(String p) {
        if (p.matches("\\d{4}-\\d{2}")) {
            int year = Integer.parseInt(p.substring(0, 4));
            int month = Integer.parseInt(p.substring(5, 7));
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("month " + month + " is not in 1..12");
            }
            return year * 12L + month - 1;
        }
        return StrictNumbers.parseLong(p);
    }
}
