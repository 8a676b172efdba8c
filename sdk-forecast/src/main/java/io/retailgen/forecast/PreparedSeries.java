package io.retailgen.forecast;

import java.util.Arrays;

/**
 * One series made ready for the statistical models, once: the cleaned history (leading missing values dropped, gaps
 * interpolated, trailing ones carried), the seasonality test, the multiplicative seasonal indices and the seasonally
 * adjusted history when the test passes, and the seasonal-naive model with its scale. Every member of the ensemble
 * reads the same prepared series instead of repeating the test and the decomposition. Immutable.
 */
final class PreparedSeries {

    /** The cleaned history and what was done to it. */
    record Cleaned(double[] y, int observed, boolean nonNegative, String note, int dropped) {
    }

    /**
     * The seasonal indices come from at most this many of the last seasons: over a long history (aus-retail starts in
     * 1982) the seasonal pattern drifts, and indices averaged over every year mis-adjust the recent ones. Chosen from
     * 6, 8, 10 and 14 on M3, the Tourism dev half and two aus-retail validation windows (docs/BENCHMARKS.md).
     */
    static final int INDEX_SEASONS = 10;

    private final Cleaned cleaned;
    private final int period;
    private final double[] indices;
    private final double[] adjusted;
    private final boolean constant;
    private final double max;
    private SeasonalNaive naive;

    private PreparedSeries(Cleaned cleaned, int period) {
        this.cleaned = cleaned;
        this.period = period;
        double[] y = cleaned.y();
        int n = y.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        this.max = max;
        this.constant = n > 0 && max - min <= 1e-12 * Math.max(1, Math.abs(max));
        this.indices = n < 3 || constant ? null : indicesIfSeasonal(y, n, period);
        this.adjusted = indices == null ? y : adjust(y, n, indices);
    }

    /**
     * Prepares a raw history.
     *
     * @param raw the values, {@code NaN} for missing
     * @param period the seasonal period of the series' frequency
     */
    static PreparedSeries of(double[] raw, int period) {
        return of(clean(raw), period);
    }

    /** Prepares an already cleaned history. */
    static PreparedSeries of(Cleaned cleaned, int period) {
        return new PreparedSeries(cleaned, period);
    }

    Cleaned cleaned() {
        return cleaned;
    }

    /** The cleaned history (shared: callers must not modify it). */
    double[] y() {
        return cleaned.y();
    }

    int n() {
        return cleaned.y().length;
    }

    /** The seasonal period of the frequency (1: none), whether or not the series passed the seasonality test. */
    int period() {
        return period;
    }

    /** Whether every cleaned value is the same (or there is none). */
    boolean constant() {
        return constant || n() == 0;
    }

    /** The largest cleaned value (negative infinity when there is none). */
    double max() {
        return max;
    }

    boolean nonNegative() {
        return cleaned.nonNegative();
    }

    /** Whether the seasonality test passed and multiplicative indices were estimated. */
    boolean seasonal() {
        return indices != null;
    }

    /** The seasonally adjusted history, the cleaned history itself when not seasonal (shared: do not modify). */
    double[] adjusted() {
        return adjusted;
    }

    /** Puts the season back on a model fitted to {@link #adjusted()}. */
    FittedModel reseasonalise(FittedModel onAdjusted) {
        return indices == null ? onAdjusted : new SeasonalAdjusted(onAdjusted, indices, n());
    }

    /** The seasonal-naive model of the frequency's period (naive when shorter than one season). */
    synchronized SeasonalNaive seasonalNaive() {
        if (naive == null) {
            naive = SeasonalNaive.fit(y(), n(), period);
        }
        return naive;
    }

    /**
     * The in-sample mean absolute seasonal difference (the MASE denominator, Hyndman and Koehler 2006), falling back
     * to the lag-1 difference when the series is shorter than one season; 0 for a constant series.
     */
    double naiveScale() {
        double[] y = y();
        int n = y.length;
        int lag = period > 1 && n > period ? period : 1;
        double sum = 0;
        int count = 0;
        for (int t = lag; t < n; t++) {
            sum += Math.abs(y[t] - y[t - lag]);
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }

    /** A note for the forecast: what cleaning did, and when a seasonal frequency had too little data for a season. */
    String note() {
        String note = cleaned.note();
        if (period > 1 && n() < 2 * period) {
            note = (note + " shorter than two seasons: no seasonality").trim();
        }
        return note;
    }

    /**
     * The multiplicative seasonal indices when {@code y} passes the seasonality test and is positive, else null; from
     * the last {@link #INDEX_SEASONS} seasons when the history is longer.
     */
    private static double[] indicesIfSeasonal(double[] y, int n, int m) {
        if (m <= 1 || !Decomposition.isSeasonal(y, n, m)) {
            return null;
        }
        for (int t = 0; t < n; t++) {
            if (y[t] <= 0) {
                return null;
            }
        }
        double[] idx = new double[m];
        int recent = INDEX_SEASONS * m;
        if (n > recent) {
            int from = n - recent;
            double[] local = new double[m];
            Decomposition.seasonalIndices(Arrays.copyOfRange(y, from, n), recent, m, true, local);
            for (int j = 0; j < m; j++) {
                idx[(j + from) % m] = local[j];
            }
        } else {
            Decomposition.seasonalIndices(y, n, m, true, idx);
        }
        for (double v : idx) {
            if (Math.abs(v) < 1e-4) {
                return null;
            }
        }
        return idx;
    }

    static double[] adjust(double[] y, int n, double[] indices) {
        double[] a = new double[n];
        int m = indices.length;
        for (int t = 0; t < n; t++) {
            a[t] = y[t] / indices[t % m];
        }
        return a;
    }

    /**
     * Drops leading missing values, interpolates gaps linearly, carries the last value over trailing missing ones.
     *
     * @param raw the values, {@code NaN} for missing
     * @return the cleaned history and a note of what was done
     */
    static Cleaned clean(double[] raw) {
        int first = 0;
        while (first < raw.length && Double.isNaN(raw[first])) {
            first++;
        }
        if (first == raw.length) {
            return new Cleaned(new double[0], 0, true, "no observed value: forecasting zeros", raw.length);
        }
        int last = raw.length - 1;
        while (Double.isNaN(raw[last])) {
            last--;
        }
        double[] y = new double[raw.length - first];
        int gaps = 0;
        int observed = 0;
        boolean nonNegative = true;
        int prev = -1;
        for (int t = first; t <= last; t++) {
            double v = raw[t];
            int i = t - first;
            if (Double.isNaN(v)) {
                gaps++;
                continue;
            }
            observed++;
            nonNegative &= v >= 0;
            y[i] = v;
            if (prev >= 0 && i - prev > 1) {
                for (int j = prev + 1; j < i; j++) {
                    y[j] = y[prev] + (y[i] - y[prev]) * (j - prev) / (i - prev);
                }
            }
            prev = i;
        }
        int trailing = raw.length - 1 - last;
        for (int i = last - first + 1; i < y.length; i++) {
            y[i] = y[last - first];
        }
        StringBuilder note = new StringBuilder();
        if (first > 0) {
            note.append("dropped ").append(first).append(" leading missing; ");
        }
        if (gaps > 0) {
            note.append("interpolated ").append(gaps).append(" missing; ");
        }
        if (trailing > 0) {
            note.append("carried last value over ").append(trailing).append(" trailing missing; ");
        }
        if (!nonNegative) {
            note.append("negative values: additive models only; ");
        }
        return new Cleaned(y, observed, nonNegative, note.toString().trim(), first);
    }
}
