package io.retailgen.datasets;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.CsvFields;
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
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the M-competition long format {@code series,period,type,split,t,value} (as the M3 and M4 series are
 * commonly shared in long form): the {@code train} rows are the history, the {@code test} rows the held-out horizon;
 * {@code period} is the frequency. Stateless and thread-safe.
 *
 * <p>Rules: rows are ordered by {@code t} within each split. Values {@code NA}, {@code NaN} or empty are missing
 * values; other values must be plain finite decimals ({@link StrictNumbers}). A series without train rows is reported
 * and skipped, and so is a series whose train values are all missing. A second row with the same series and {@code t}
 * is reported and dropped (the first row is kept). A gap in {@code t} (say 3 then 5) is reported; in lenient mode the
 * missing periods become missing values ({@code NaN}) in the split of the row after the gap. Files are read as UTF-8
 * one line at a time ({@link TextLines}: a byte order mark is dropped, an over-long line fails with its number).
 *
 * <pre>{@code
 * List<CompetitionSeries> m3 = MCompetition.read(Path.of("m3.csv"), DataValidator.lenient());
 * }</pre>
 */
public final class MCompetition {

    /** The header the reader expects ({@code type} is optional). */
    public static final String HEADER = "series,period,type,split,t,value";
    /** The frequency names of the {@code period} column, compared case-insensitively. */
    public static final Set<String> FREQUENCIES = Set.of("yearly", "quarterly", "monthly", "weekly", "daily",
            "other");
    /** The longest span of periods of one series. */
    static final int MAX_PERIODS = 1_000_000;

    private MCompetition() {
    }

    private record Row(long line, String series, String frequency, String type, boolean train, int t,
            double value) {
    }

    /**
     * @param file the file
     * @param validator receives bad rows
     * @return the series in file order
     * @throws RetailGenException {@link ErrorCode#INVALID_DATA} when the file is empty, lacks a column or a series
     *     spans more than 1,000,000 periods; {@link io.retailgen.core.data.DataValidationException} at the first bad
     *     row in strict mode
     */
    public static List<CompetitionSeries> read(Path file, DataValidator validator) {
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(validator, "validator == null");
        Map<String, Map<Integer, Row>> bySeries = new LinkedHashMap<>();
        try (TextLines r = TextLines.open(file, TextLines.DEFAULT_MAX_LINE_LENGTH)) {
            String header = r.next();
            if (header == null) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, file + " is empty; expected the header "
                        + HEADER);
            }
            Map<String, Integer> col = CsvFields.columns(CsvFields.split(header), file,
                    List.of("series", "period", "split", "t", "value"), List.of("type"));
            Integer typeCol = col.get("type");
            int width = col.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            CsvFields.<Row>forEachRow(r, width, validator, (row, f) -> {
                String id = f.get(col.get("series"));
                row.require(!id.isBlank(), "series", "series id is empty", id);
                String fr = row.parse("period", f.get(col.get("period")), MCompetition::frequency);
                String split = f.get(col.get("split")).trim().toLowerCase(Locale.ROOT);
                row.require(split.equals("train") || split.equals("test"), "split", "expected train or test", split);
                int t = row.parse("t", f.get(col.get("t")).trim(), StrictNumbers::parseInt);
                double v = row.parse("value", f.get(col.get("value")), CsvFields::valueOrMissing);
                Row first = bySeries.getOrDefault(id, Map.of()).get(t);
                if (first != null) {
                    row.reject("t", "duplicate period t=" + t + " of series " + id + " (first at line "
                            + first.line() + "); the first row is kept", t);
                }
                return new Row(row.number(), id, fr, typeCol == null ? "" : f.get(typeCol), split.equals("train"), t,
                        v);
            }, row -> bySeries.computeIfAbsent(row.series(), k -> new HashMap<>()).put(row.t(), row));
        }
        List<CompetitionSeries> out = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Row>> e : bySeries.entrySet()) {
            CompetitionSeries s = assemble(file, e.getKey(), new ArrayList<>(new TreeMap<>(e.getValue()).values()),
                    validator);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** One series from its rows in {@code t} order, or null when it is reported and skipped. */
    private static CompetitionSeries assemble(Path file, String id, List<Row> rows, DataValidator validator) {
        long span = (long) rows.get(rows.size() - 1).t() - rows.get(0).t() + 1;
        if (span > MAX_PERIODS) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, String.format(Locale.ROOT, "%s: series %s spans "
                    + "t=%d..%d, %,d periods; at most %,d are supported", file,
                    DataIssue.printable(id, DataIssue.MAX_VALUE_LENGTH), rows.get(0).t(),
                    rows.get(rows.size() - 1).t(), span, MAX_PERIODS));
        }
        List<Double> train = new ArrayList<>();
        List<Double> test = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int missing = i == 0 ? 0 : row.t() - rows.get(i - 1).t() - 1;
            if (missing > 0) {
                validator.reject(row.line(), "t", "gap in series " + id + ": t jumps from " + rows.get(i - 1).t()
                        + " to " + row.t() + "; the " + missing + " missing period(s) are kept as missing values "
                        + "(NaN)", row.t());
            }
            List<Double> to = row.train() ? train : test;
            for (int k = 0; k < missing; k++) {
                to.add(Double.NaN);
            }
            to.add(row.value());
        }
        if (train.isEmpty()) {
            validator.reject(rows.get(0).line(), "split", "series " + id + " has no train rows", id);
            return null;
        }
        if (train.stream().allMatch(v -> v.isNaN())) {
            validator.reject(rows.get(0).line(), "value", "series " + id + " has no observed train value (all "
                    + "missing); the series is skipped", "NaN");
            return null;
        }
        Row first = rows.get(0);
        return new CompetitionSeries(id, first.type().trim(), first.frequency(), unbox(train), unbox(test));
    }

    private static String frequency(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (!FREQUENCIES.contains(n)) {
            throw new IllegalArgumentException("unknown frequency '" + name + "', expected one of "
                    + new java.util.TreeSet<>(FREQUENCIES));
        }
        return n;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
