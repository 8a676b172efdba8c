package io.retailgen.forecast;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.DataIssue;
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
import java.util.TreeSet;

/**
 * Reads the M-competition files and generic hierarchical long CSV files. Bad rows go to the given
 * {@link DataValidator} (row, column, reason, value): strict mode throws at the first, naming {@code file:line}, the
 * column and the value; lenient mode skips them, reports each, and keeps the good rows. A gap in a series' time index
 * and a duplicate period are reported the same way (see each method for what lenient mode keeps). Values {@code NA},
 * {@code NaN} or empty are missing values; other values must be plain finite decimals ({@link StrictNumbers}).
 *
 * <p>Files are read as UTF-8 streams, one line at a time: a leading byte order mark is dropped, a line longer than
 * {@link TextLines#DEFAULT_MAX_LINE_LENGTH} characters or bytes that are not UTF-8 fail with the line number, and no
 * whole-file string is built. Stateless and thread-safe.
 *
 * <pre>{@code
 * DataValidator v = DataValidator.lenient();
 * List<LabeledSeries> m3 = TimeSeriesReader.readMCompetition(Path.of("m3.csv"), v);
 * HierarchicalData aus = TimeSeriesReader.readAusRetail(Path.of("aus-retail.csv"), v);
 * }</pre>
 */
public final class TimeSeriesReader {

    /** The longest span of periods of one file (hierarchical) or one series (M-competition). */
    static final int MAX_PERIODS = 1_000_000;
    /** The most bottom-series values (series x periods) of a hierarchical file: 20 million doubles, 160 MB. */
    static final long MAX_BOTTOM_VALUES = 20_000_000L;

    private TimeSeriesReader() {
    }

    /**
     * Reads the M-competition long format {@code series,period,type,split,t,value}: the {@code train} rows are the
     * history, the {@code test} rows the held-out horizon; {@code period} is the frequency (yearly, quarterly,
     * monthly, weekly, daily, other). Rows are ordered by {@code t} within each split. A series without train rows is
     * reported and skipped, and so is a series whose train values are all missing. A second row with the same series and {@code t} is reported and dropped (the first row is
     * kept). A gap in {@code t} (say 3 then 5) is reported; in lenient mode the missing periods become missing values
     * ({@code NaN}) in the split of the row after the gap.
     *
     * @param file the file
     * @param validator receives bad rows
     * @return the series in file order
     */
    public static List<LabeledSeries> readMCompetition(Path file, DataValidator validator) {
        Objects.requireNonNull(validator, "validator == null");
        record Row(long line, String series, Frequency frequency, String type, boolean train, int t, double value) {
        }
        Map<String, Map<Integer, Row>> bySeries = new LinkedHashMap<>();
        try (TextLines r = TextLines.open(file, TextLines.DEFAULT_MAX_LINE_LENGTH)) {
            String header = r.next();
            if (header == null) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, file + " is empty; expected the header "
                        + "series,period,type,split,t,value");
            }
            Map<String, Integer> col = columns(splitCsv(header), file,
                    List.of("series", "period", "split", "t", "value"));
            Integer typeCol = col.get("type");
            int width = col.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            for (String line = r.next(); line != null; line = r.next()) {
                if (line.isBlank()) {
                    continue;
                }
                String text = line;
                long number = r.lineNumber();
                validator.check(number, row -> {
                    List<String> f = splitCsv(text);
                    if (f.size() < width) {
                        row.reject(null, "expected at least " + width + " fields, found " + f.size(), text);
                    }
                    String id = f.get(col.get("series"));
                    row.require(!id.isBlank(), "series", "series id is empty", id);
                    Frequency fr = row.parse("period", f.get(col.get("period")), Frequency::parse);
                    String split = f.get(col.get("split")).trim().toLowerCase(Locale.ROOT);
                    row.require(split.equals("train") || split.equals("test"), "split",
                            "expected train or test", split);
                    int t = row.parse("t", f.get(col.get("t")).trim(), StrictNumbers::parseInt);
                    double v = row.parse("value", f.get(col.get("value")), TimeSeriesReader::parseValue);
                    Row first = bySeries.getOrDefault(id, Map.of()).get(t);
                    if (first != null) {
                        row.reject("t", "duplicate period t=" + t + " of series " + id + " (first at line "
                                + first.line() + "); the first row is kept", t);
                    }
                    return new Row(number, id, fr, typeCol == null ? "" : f.get(typeCol), split.equals("train"), t,
                            v);
                }).ifPresent(row -> bySeries.computeIfAbsent(row.series(), k -> new HashMap<>()).put(row.t(), row));
            }
        }
        List<LabeledSeries> out = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Row>> e : bySeries.entrySet()) {
            List<Row> rows = new ArrayList<>(new TreeMap<>(e.getValue()).values());
            long span = (long) rows.get(rows.size() - 1).t() - rows.get(0).t() + 1;
            if (span > MAX_PERIODS) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, String.format(Locale.ROOT, "%s: series %s spans "
                        + "t=%d..%d, %,d periods; at most %,d are supported", file, DataIssue.printable(e.getKey(),
                                DataIssue.MAX_VALUE_LENGTH), rows.get(0).t(), rows.get(rows.size() - 1).t(), span,
                        MAX_PERIODS));
            }
            List<Double> train = new ArrayList<>();
            List<Double> test = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                int missing = i == 0 ? 0 : row.t() - rows.get(i - 1).t() - 1;
                if (missing > 0) {
                    validator.reject(row.line(), "t", "gap in series " + e.getKey() + ": t jumps from "
                            + rows.get(i - 1).t() + " to " + row.t() + "; the " + missing + " missing period(s) are "
                            + "kept as missing values (NaN)", row.t());
                }
                List<Double> to = row.train() ? train : test;
                for (int k = 0; k < missing; k++) {
                    to.add(Double.NaN);
                }
                to.add(row.value());
            }
            if (train.isEmpty()) {
                validator.reject(rows.get(0).line(), "split", "series " + e.getKey() + " has no train rows",
                        e.getKey());
                continue;
            }
            if (train.stream().allMatch(v -> v.isNaN())) {
                validator.reject(rows.get(0).line(), "value", "series " + e.getKey() + " has no observed train "
                        + "value (all missing); the series is skipped", "NaN");
                continue;
            }
            Row first = rows.get(0);
            List<String> path = first.type().isBlank() ? List.of() : List.of(first.type(), e.getKey());
            out.add(new LabeledSeries(new TimeSeries(e.getKey(), path, first.frequency(), unbox(train), Map.of()),
                    unbox(test)));
        }
        return out;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Reads {@code aus-retail.csv}: the same as {@link #readHierarchical} with time column {@code Month}, value
     * column {@code Turnover} and hierarchy {@code State, Industry}.
     *
     * @param file the file
     * @param validator receives bad rows
     * @return every node of Total / State / Industry
     */
    public static HierarchicalData readAusRetail(Path file, DataValidator validator) {
        return readHierarchical(file, "Month", "Turnover", List.of("State", "Industry"), validator);
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
        boolean[] monthly = {true};
        boolean[] decided = {false};
        try (TextLines r = TextLines.open(file, TextLines.DEFAULT_MAX_LINE_LENGTH)) {
            String header = r.next();
            if (header == null) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, file + " is empty; expected a header row");
            }
            List<String> needed = new ArrayList<>(hierarchy);
            needed.add(timeColumn);
            needed.add(valueColumn);
            List<String> names = splitCsv(header);
            Map<String, Integer> col = columns(names, file, needed);
            int valueIndex = col.get(valueColumn);
            int width = col.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            for (String line = r.next(); line != null; line = r.next()) {
                if (line.isBlank()) {
                    continue;
                }
                String text = line;
                long number = r.lineNumber();
                validator.check(number, row -> {
                    List<String> f = splitCsv(text);
                    if (f.size() < width) {
                        row.reject(null, "expected at least " + width + " fields, found " + f.size(), text);
                    }
                    List<String> path = new ArrayList<>();
                    for (String h : hierarchy) {
                        String v = f.get(col.get(h)).trim();
                        row.require(!v.isEmpty(), h, "hierarchy value is empty", v);
                        path.add(v);
                    }
                    String p = f.get(col.get(timeColumn)).trim();
                    boolean isMonth = p.matches("\\d{4}-\\d{2}");
                    synchronized (monthly) {
                        if (!decided[0]) {
                            monthly[0] = isMonth;
                            decided[0] = true;
                        }
                    }
                    row.require(isMonth == monthly[0], timeColumn, monthly[0] ? "expected a month YYYY-MM"
                            : "expected an integer period", p);
                    long period = row.parse(timeColumn, p, TimeSeriesReader::parsePeriod);
                    double v = row.parse(valueColumn, f.get(valueIndex), TimeSeriesReader::parseValue);
                    List<String> key = new ArrayList<>(f.size());
                    for (int i = 0; i < f.size(); i++) {
                        key.add(i == valueIndex ? "" : f.get(i).trim());
                    }
                    Long first = firstLine.putIfAbsent(List.copyOf(key), number);
                    if (first != null) {
                        row.reject(timeColumn, "duplicate row for " + String.join("/", path) + " at " + p
                                + ": every column but " + valueColumn + " equals line " + first
                                + "; the first row is kept", p);
                    }
                    return new Row(number, List.copyOf(path), period, Double.isNaN(v) ? 0 : v);
                }).ifPresent(rows::add);
            }
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
        reportGaps(rows, Row::path, Row::period, Row::line, monthly[0], validator);
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
        Frequency freq = monthly[0] ? Frequency.MONTHLY : Frequency.OTHER;
        List<TimeSeries> series = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            String id = h.ids().get(i);
            List<String> path = id.equals(Hierarchy.TOTAL) ? List.of() : List.of(id.split("/", -1));
            series.add(new TimeSeries(id, path, freq, all[i], Map.of()));
        }
        List<String> labels = new ArrayList<>();
        for (long p = min; p <= max; p++) {
            labels.add(label(p, monthly[0]));
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

    static double parseValue(String s) {
        String v = s.trim();
        if (v.isEmpty() || v.equalsIgnoreCase("NA") || v.equalsIgnoreCase("NaN")) {
            return Double.NaN;
        }
        return StrictNumbers.parseDouble(v);
    }

    private static Map<String, Integer> columns(List<String> header, Path file, List<String> needed) {
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.putIfAbsent(header.get(i).trim(), i);
        }
        for (String n : needed) {
            if (!col.containsKey(n)) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, file + ":1: no column '"
                        + DataIssue.printable(n, DataIssue.MAX_VALUE_LENGTH) + "'; its columns are "
                        + DataIssue.printable(header.toString(), 300));
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String n : new TreeSet<>(needed)) {
            out.put(n, col.get(n));
        }
        if (col.containsKey("type")) {
            out.put("type", col.get("type"));
        }
        return out;
    }

    /** Splits one CSV line; double quotes group a field and {@code ""} inside quotes is a quote. */
    static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        sb.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    sb.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }
}
