package io.retailgen.forecast;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.DataValidator;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reads the time-series files of {@code ../shared/data/timeseries/} and generic hierarchical long CSV files. Bad rows
 * go to the given {@link DataValidator} (row, column, reason): strict mode throws at the first, lenient mode skips
 * them and keeps the good rows. Values {@code NA}, {@code NaN} or empty are missing values. Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * DataValidator v = DataValidator.lenient();
 * List<LabeledSeries> m3 = TimeSeriesReader.readMCompetition(Path.of("m3.csv"), v);
 * HierarchicalData aus = TimeSeriesReader.readAusRetail(Path.of("aus-retail.csv"), v);
 * }</pre>
 */
public final class TimeSeriesReader {

    private TimeSeriesReader() {
    }

    /**
     * Reads the M-competition long format {@code series,period,type,split,t,value}: the {@code train} rows are the
     * history, the {@code test} rows the held-out horizon; {@code period} is the frequency (yearly, quarterly,
     * monthly, weekly, daily, other). Rows are ordered by {@code t} within each split. A series without train rows is
     * reported and skipped.
     *
     * @param file the file
     * @param validator receives bad rows
     * @return the series in file order
     */
    public static List<LabeledSeries> readMCompetition(Path file, DataValidator validator) {
        Objects.requireNonNull(validator, "validator == null");
        record Row(String series, Frequency frequency, String type, boolean train, int t, double value) {
        }
        Map<String, List<Row>> bySeries = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, file + " is empty; expected the header "
                        + "series,period,type,split,t,value");
            }
            Map<String, Integer> col = columns(splitCsv(header), file,
                    List.of("series", "period", "split", "t", "value"));
            Integer typeCol = col.get("type");
            int width = col.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            String line;
            long number = 1;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String text = line;
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
                    int t = row.parse("t", f.get(col.get("t")).trim(), Integer::parseInt);
                    double v = row.parse("value", f.get(col.get("value")), TimeSeriesReader::parseValue);
                    return new Row(id, fr, typeCol == null ? "" : f.get(typeCol), split.equals("train"), t, v);
                }).ifPresent(row -> bySeries.computeIfAbsent(row.series(), k -> new ArrayList<>()).add(row));
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
        List<LabeledSeries> out = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : bySeries.entrySet()) {
            List<Row> rows = new ArrayList<>(e.getValue());
            rows.sort((a, b) -> Integer.compare(a.t(), b.t()));
            double[] train = rows.stream().filter(Row::train).mapToDouble(Row::value).toArray();
            double[] test = rows.stream().filter(x -> !x.train()).mapToDouble(Row::value).toArray();
            if (train.length == 0) {
                validator.reject(0, "split", "series " + e.getKey() + " has no train rows", e.getKey());
                continue;
            }
            Row first = rows.get(0);
            List<String> path = first.type().isBlank() ? List.of() : List.of(first.type(), e.getKey());
            out.add(new LabeledSeries(new TimeSeries(e.getKey(), path, first.frequency(), train, Map.of()), test));
        }
        return out;
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
     * are summed. Periods are {@code YYYY-MM} (monthly) or integers (frequency other). Every node spans all periods
     * from the earliest to the latest in the file; a missing period or a missing value counts as zero.
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
        record Row(List<String> path, long period, double value) {
        }
        List<Row> rows = new ArrayList<>();
        boolean[] monthly = {true};
        boolean[] decided = {false};
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, file + " is empty; expected a header row");
            }
            List<String> needed = new ArrayList<>(hierarchy);
            needed.add(timeColumn);
            needed.add(valueColumn);
            Map<String, Integer> col = columns(splitCsv(header), file, needed);
            int width = col.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            String line;
            long number = 1;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String text = line;
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
                    double v = row.parse(valueColumn, f.get(col.get(valueColumn)), TimeSeriesReader::parseValue);
                    return new Row(List.copyOf(path), period, Double.isNaN(v) ? 0 : v);
                }).ifPresent(rows::add);
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
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
        if (max - min > 1_000_000) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "periods span " + (max - min + 1)
                    + " steps in " + file + "; at most 1,000,000 are supported");
        }
        int len = (int) (max - min + 1);
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
            labels.add(monthly[0] ? String.format(Locale.ROOT, "%04d-%02d", p / 12, p % 12 + 1) : Long.toString(p));
        }
        return new HierarchicalData(h, labels, series);
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
        return Long.parseLong(p);
    }

    static double parseValue(String s) {
        String v = s.trim();
        if (v.isEmpty() || v.equalsIgnoreCase("NA") || v.equalsIgnoreCase("NaN")) {
            return Double.NaN;
        }
        double d = Double.parseDouble(v);
        if (Double.isInfinite(d)) {
            throw new IllegalArgumentException("infinite value");
        }
        return d;
    }

    private static Map<String, Integer> columns(List<String> header, Path file, List<String> needed) {
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.putIfAbsent(header.get(i).trim(), i);
        }
        for (String n : needed) {
            if (!col.containsKey(n)) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, file + " has no column '" + n
                        + "'; its columns are " + header);
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
