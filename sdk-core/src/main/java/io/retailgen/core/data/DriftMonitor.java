package io.retailgen.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Watches a numeric feature (a price, a session length, a model score) for drift. It is fitted once on a reference
 * sample, typically the training data, and then compares live samples with it by two measures:
 * <ul>
 *   <li>the population stability index (PSI) over quantile bins of the reference: the sum over bins of
 *       {@code (a - e) * ln(a / e)}, where {@code e} and {@code a} are the reference and live proportions. A bin
 *       with no observations counts as proportion {@code epsilon} (1e-4 by default), so an empty bin adds a large
 *       but finite term instead of an infinite one;</li>
 *   <li>the two-sample Kolmogorov-Smirnov statistic and its asymptotic p-value.</li>
 * </ul>
 * A live sample has drifted when {@code psi > psiThreshold} (default 0.2) or {@code ksPValue < ksPValueThreshold}
 * (default 0.01).
 *
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.fit(trainingPrices);
 * DriftReport report = monitor.compare(todaysPrices);
 * if (report.drifted()) {
 *     log.warn("price drift: PSI {} KS p {}", report.psi(), report.ksPValue());
 * }
 * }</pre>
 *
 * <p>Bins: the bin edges are the reference's {@code i/bins} quantiles with duplicates removed, so a reference with
 * many ties (or fewer values than bins) gets fewer, wider bins; a constant reference gets a single bin, and then only
 * the KS test can see a shift. NaN is rejected; infinities are allowed and fall in the outer bins.
 *
 * <p>Immutable and thread-safe; {@link #compare} copies and sorts the live sample (O(m log m)).
 */
public final class DriftMonitor {

    /** The default number of quantile bins. */
    public static final int DEFAULT_BINS = 10;
    /** The default PSI above which a sample has drifted. */
    public static final double DEFAULT_PSI_THRESHOLD = 0.2;
    /** The default KS p-value below which a sample has drifted. */
    public static final double DEFAULT_KS_P_VALUE_THRESHOLD = 0.01;
    /** The default proportion that stands in for an empty bin. */
    public static final double DEFAULT_EPSILON = 1e-4;

    private final double[] sortedReference;
    private final double[] edges;
    private final double[] expected;
    private final double psiThreshold;
    private final double ksPValueThreshold;
    private final double epsilon;

    private DriftMonitor(double[] sortedReference, double[] edges, Builder b) {
        this.sortedReference = sortedReference;
        this.edges = edges;
        this.psiThreshold = b.psiThreshold;
        this.ksPValueThreshold = b.ksPValueThreshold;
        this.epsilon = b.epsilon;
        this.expected = proportions(sortedReference);
    }

    /**
     * Fits a monitor with the default settings.
     *
     * @param reference the reference sample (copied), not empty, without NaN
     * @return the monitor
     * @throws IllegalArgumentException when the sample is empty or holds NaN (the message names the index)
     */
    public static DriftMonitor fit(double[] reference) {
        return builder().fit(reference);
    }

    /** @return a builder with the default settings */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param live the live sample (not changed), not empty, without NaN
     * @return the comparison with the reference
     * @throws IllegalArgumentException when the sample is empty or holds NaN (the message names the index)
     */
    public DriftReport compare(double[] live) {
        double[] sorted = sortedCopy(live, "live");
        double psi = Drift.psi(expected, proportions(sorted), epsilon);
        double d = Drift.ksStatistic(sortedReference, sorted);
        double n = sortedReference.length;
        double m = sorted.length;
        double p = Drift.kolmogorovSurvival(Math.sqrt(n * m / (n + m)) * d);
        boolean drifted = psi > psiThreshold || p < ksPValueThreshold;
        return new DriftReport(psi, d, p, sortedReference.length, sorted.length, drifted);
    }

    /** @return the number of bins in use (at most the number asked for) */
    public int bins() {
        return edges.length + 1;
    }

    /** @return the inner bin edges, ascending; a value equal to an edge falls in the bin above it */
    public double[] edges() {
        return edges.clone();
    }

    /** @return the reference proportion in each bin */
    public double[] referenceProportions() {
        return expected.clone();
    }

    /** @return the number of reference values */
    public int referenceSize() {
        return sortedReference.length;
    }

    private double[] proportions(double[] sorted) {
        double[] p = new double[edges.length + 1];
        int from = 0;
        for (int bin = 0; bin < edges.length; bin++) {
            int to = lowerBound(sorted, from, edges[bin]);
            p[bin] = (to - from) / (double) sorted.length;
            from = to;
        }
        p[edges.length] = (sorted.length - from) / (double) sorted.length;
        return p;
    }

    /** First index in sorted[from..] whose value is >= x. */
    private static int lowerBound(double[] sorted, int from, double x) {
        int lo = from;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static double[] sortedCopy(double[] values, String name) {
        Objects.requireNonNull(values, name + " == null");
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " sample is empty; need at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is NaN; remove or impute missing values"
                        + " before drift checks");
            }
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Sets up a {@link DriftMonitor}; {@link #fit(double[])} builds it. Not thread-safe. */
    public static final class Builder {
        private int bins = DEFAULT_BINS;
        private double psiThreshold = DEFAULT_PSI_THRESHOLD;
        private double ksPValueThreshold = DEFAULT_KS_P_VALUE_THRESHOLD;
        private double epsilon = DEFAULT_EPSILON;

        private Builder() {
        }

        /**
         * @param bins the number of quantile bins, 2 to 1000 (10 by default)
         * @return this builder
         */
        public Builder bins(int bins) {
            if (bins < 2 || bins > 1000) {
                throw new IllegalArgumentException("bins must be in 2..1000, was " + bins);
            }
            this.bins = bins;
            return this;
        }

        /**
         * @param threshold the PSI above which a sample has drifted, {@code >= 0} (0.2 by default; positive infinity
         *     disables this criterion)
         * @return this builder
         */
        public Builder psiThreshold(double threshold) {
            Drift.requireThresholds(threshold, 0);
            this.psiThreshold = threshold;
            return this;
        }

        /**
         * @param threshold the KS p-value below which a sample has drifted, in [0, 1] (0.01 by default; 0 disables
         *     this criterion)
         * @return this builder
         */
        public Builder ksPValueThreshold(double threshold) {
            Drift.requireThresholds(0, threshold);
            this.ksPValueThreshold = threshold;
            return this;
        }

        /**
         * @param epsilon the proportion that stands in for an empty bin, in (0, 0.01) (1e-4 by default)
         * @return this builder
         */
        public Builder epsilon(double epsilon) {
            Drift.requireEpsilon(epsilon);
            this.epsilon = epsilon;
            return this;
        }

        /**
         * @param reference the reference sample (copied), not empty, without NaN
         * @return the fitted monitor
         */
        public DriftMonitor fit(double[] reference) {
            double[] sorted = sortedCopy(reference, "reference");
            int n = sorted.length;
            double[] edges = new double[bins - 1];
            int count = 0;
            for (int i = 1; i < bins; i++) {
                double q = sorted[(int) ((long) i * n / bins)];
                // skip duplicates, and an edge at the minimum, which would leave the first bin empty
                if (q > sorted[0] && (count == 0 || q > edges[count - 1])) {
                    edges[count++] = q;
                }
            }
            return new DriftMonitor(sorted, Arrays.copyOf(edges, count), this);
        }
    }
}
