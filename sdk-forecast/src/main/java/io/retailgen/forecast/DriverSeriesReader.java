package io.retailgen.forecast;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.CsvFields;
import io.retailgen.core.data.DataValidator;
import io.retailgen.core.data.StrictNumbers;
import io.retailgen.core.data.TextLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads series with driver columns from a long CSV: one row per series and period, a value column and one column per
 * driver (promotion flag, discount depth, price, a holiday). A row whose value is empty (or {@code NA}) after the
 * series' last value is a future period: its drivers are the planned path (a promotion next month) and become the
 * covariate values beyond the history, which {@link Forecaster#forecast} hands to the model. Stateless and
 * thread-safe.
 *
 * <pre>
 * store,month,sales,promo,price
 * north,2024-01,120,0,9.99
 * north,2024-02,180,1,7.99
 * north,2024-03,,1,7.99        &lt;- planned: promotion again in March
 * </pre>
 *
 * <p>Periods are {@code YYYY-MM} (monthly) or integers (frequency other), as in {@link TimeSeriesReader}. A period
 * missing inside a series has a missing value ({@code NaN}) and drivers 0; a driver cell must hold a number; a second
 * row for the same series and period is a bad row (the first is kept). Bad rows go to the validator with their line.
 */
public final class DriverSeriesReader {

    private DriverSeriesReader() {
    }

    /**
     * @param file the CSV file
     * @param idColumns the columns whose values, joined by {@code /}, name a series (for example store and SKU)
     * @param timeColumn the period column
     * @param valueColumn the value column (empty for planned future periods)
     * @param driverColumns the driver columns
     * @param validator receives bad rows
     * @return one series per id, in order of first appearance, with one covariate per driver column
     * @throws RetailGenException {@link ErrorCode#INVALID_DATA} naming {@code file:line} and the column
     */
    public static List<TimeSeries> read(Path file, List<String> idColumns, String timeColumn, String valueColumn,
            List<String> driverColumns, DataValidator validator) {
        Objects.requireNonNull(validator, "validator == null");
        if (idColumns.isEmpty()) {
            throw new IllegalArgumentException("idColumns needs at least one column");
        }
        record Row(String id, long period, double value, double[] drivers) {
        }
        Map<String, TreeMap<Long, Row>> bySeries = new LinkedHashMap<>();
        PeriodColumn periods = new PeriodColumn(timeColumn);
        try (TextLines r = TextLines.open(file, TextLines.DEFAULT_MAX_LINE_LENGTH)) {
            String header = r.next();
            if (header == null) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, file + " is empty; expected a header row");
            }
            List<String> needed = new ArrayList<>(idColumns);
            needed.add(timeColumn);
            needed.add(valueColumn);
            needed.addAll(driverColumns);
            Map<String, Integer> col = CsvFields.columns(CsvFields.split(header), file, needed, List.of());
            int width = col.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            CsvFields.<Row>forEachRow(r, width, validator, (row, f) -> {
                List<String> id = new ArrayList<>();
                for (String c : idColumns) {
                    String v = f.get(col.get(c)).trim();
                    row.require(!v.isEmpty(), c, "series id is empty", v);
                    id.add(v);
                }
                String p = f.get(col.get(timeColumn)).trim();
                long period = periods.parse(row, p);
                double value = row.parse(valueColumn, f.get(col.get(valueColumn)), CsvFields::valueOrMissing);
                double[] d = new double[driverColumns.size()];
                for (int j = 0; j < d.length; j++) {
                    d[j] = row.parse(driverColumns.get(j), f.get(col.get(driverColumns.get(j))).trim(),
                            StrictNumbers::parseDouble);
                }
                String key = String.join("/", id);
                TreeMap<Long, Row> rows = bySeries.get(key);
                row.require(rows == null || !rows.containsKey(period), timeColumn, "a second row for series " + key
                        + " at this period; the first is kept", p);
                return new Row(key, period, value, d);
            }, x -> bySeries.computeIfAbsent(x.id(), k -> new TreeMap<>()).put(x.period(), x));
        }
        if (bySeries.isEmpty()) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, file + " has no valid data rows");
        }
        Frequency freq = periods.monthly() ? Frequency.MONTHLY : Frequency.OTHER;
        List<TimeSeries> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Long, Row>> e : bySeries.entrySet()) {
            TreeMap<Long, Row> rows = e.getValue();
            long first = rows.firstKey();
            long span = rows.lastKey() - first + 1;
            if (span > TimeSeriesReader.MAX_PERIODS) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, "series " + e.getKey() + " in " + file
                        + " spans " + span + " periods; at most 1,000,000 are supported");
            }
            long lastValue = first - 1;
            for (Row x : rows.values()) {
                if (!Double.isNaN(x.value())) {
                    lastValue = x.period();
                }
            }
            int n = (int) (lastValue - first + 1);
            double[] values = new double[n];
            java.util.Arrays.fill(values, Double.NaN);
            double[][] drivers = new double[driverColumns.size()][(int) span];
            for (Row x : rows.values()) {
                int t = (int) (x.period() - first);
                if (t < n) {
                    values[t] = x.value();
                }
                for (int j = 0; j < drivers.length; j++) {
                    drivers[j][t] = x.drivers()[j];
                }
            }
            Map<String, double[]> cov = new LinkedHashMap<>();
            for (int j = 0; j < drivers.length; j++) {
                cov.put(driverColumns.get(j), drivers[j]);
            }
            out.add(new TimeSeries(e.getKey(), List.of(e.getKey().split("/", -1)), freq, values, cov));
        }
        return out;
    }
}
