package io.retailgen.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One observed series: an id, its place in a hierarchy (for example {@code [region, store, sku]}), a frequency, the
 * values, and optional covariates that are known ahead (discount depth, promotion flag, channel mix, holidays). A
 * covariate array covers the history and may run further into the future; it never covers less than the history.
 *
 * <p>Values follow explicit rules (see {@code docs/forecast.md}): {@code NaN} marks a missing period, zeros are real
 * observations, negative values are allowed (returns, corrections) but switch off models with multiplicative terms.
 * The arrays are copied in and out, so a {@code TimeSeries} is immutable and thread-safe.
 *
 * <pre>{@code
 * TimeSeries s = new TimeSeries("sku-1", List.of("north", "store-7", "sku-1"), Frequency.WEEKLY,
 *         new double[] {12, 15, 11, 0, 14}, Map.of("discount", new double[] {0, 0, .2, 0, 0, .3}));
 * }</pre>
 *
 * @param id the series id, unique in a collection
 * @param path the hierarchy path from the top level down to this series (may be empty)
 * @param frequency how often it is observed
 * @param values the observations, oldest first ({@code NaN} for missing)
 * @param covariates named covariate arrays of at least {@code values.length} entries
 */
public record TimeSeries(String id, List<String> path, Frequency frequency, double[] values,
        Map<String, double[]> covariates) {

    /** Validates and copies. */
    public TimeSeries {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(frequency, "frequency == null");
        Objects.requireNonNull(values, "values == null");
        path = List.copyOf(Objects.requireNonNull(path, "path == null"));
        values = values.clone();
        for (double v : values) {
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("series " + id + " has an infinite value; use NaN for missing");
            }
        }
        Map<String, double[]> c = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : Objects.requireNonNull(covariates, "covariates == null").entrySet()) {
            double[] a = Objects.requireNonNull(e.getValue(), "covariate " + e.getKey() + " == null");
            if (a.length < values.length) {
                throw new IllegalArgumentException("covariate " + e.getKey() + " of series " + id + " has "
                        + a.length + " values, expected at least the " + values.length + " of the history");
            }
            c.put(e.getKey(), a.clone());
        }
        covariates = java.util.Collections.unmodifiableMap(c);
    }

    /**
     * A series without hierarchy path or covariates.
     *
     * @param id the id
     * @param frequency the frequency
     * @param values the values
     * @return the series
     */
    public static TimeSeries of(String id, Frequency frequency, double... values) {
        return new TimeSeries(id, List.of(), frequency, values, Map.of());
    }

    /** @return a copy of the values */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return a read-only map whose arrays are copies */
    @Override
    public Map<String, double[]> covariates() {
        Map<String, double[]> c = new LinkedHashMap<>();
        covariates.forEach((k, v) -> c.put(k, v.clone()));
        return java.util.Collections.unmodifiableMap(c);
    }

    /** @return the number of periods */
    public int length() {
        return values.length;
    }

    /**
     * @param t the 0-based period
     * @return the value at {@code t}, {@code NaN} when missing
     */
    public double value(int t) {
        return values[t];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries s && id.equals(s.id) && path.equals(s.path) && frequency == s.frequency
                && Arrays.equals(values, s.values) && covariates.keySet().equals(s.covariates.keySet())
                && covariates.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), s.covariates.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, path, frequency, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "TimeSeries[" + id + ", " + frequency + ", " + values.length + " values]";
    }
}
