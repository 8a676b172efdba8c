package io.retailgen.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Watches a categorical feature (item ids, categories, channels) for drift with the population stability index over
 * category frequencies. The reference's most frequent categories (up to {@code maxCategories}, 100 by default) are
 * tracked one by one; rarer reference categories share an {@code other} bucket, and live categories never seen in
 * the reference fall in an {@code unseen} bucket whose reference proportion is zero. As in {@link DriftMonitor}, a
 * zero proportion counts as {@code epsilon} (1e-4 by default), so new categories raise the PSI sharply: 5% unseen
 * values alone add about {@code 0.05 * ln(0.05 / 1e-4) = 0.31}.
 *
 * <pre>{@code
 * CategoricalDriftMonitor<Long> monitor = CategoricalDriftMonitor.fit(trainingItemIds);
 * CategoricalDriftReport report = monitor.compare(lastHourItemIds);
 * }</pre>
 *
 * <p>Categories are compared with {@code equals}/{@code hashCode}; null values are rejected. Immutable and
 * thread-safe.
 *
 * @param <T> the category type
 */
public final class CategoricalDriftMonitor<T> {

    /** The default number of categories tracked one by one. */
    public static final int DEFAULT_MAX_CATEGORIES = 100;

    private final Map<T, Integer> index;
    private final boolean hasOther;
    private final Set<T> known;
    private final double[] expected;
    private final long referenceSize;
    private final double psiThreshold;
    private final double epsilon;

    private CategoricalDriftMonitor(Map<T, Integer> index, boolean hasOther, Set<T> known,
                                    double[] expected, long referenceSize, Builder b) {
        this.index = index;
        this.hasOther = hasOther;
        this.known = known;
        this.expected = expected;
        this.referenceSize = referenceSize;
        this.psiThreshold = b.psiThreshold;
        this.epsilon = b.epsilon;
    }

    /**
     * @param reference the reference values, not empty, without null
     * @param <T> the category type
     * @return a monitor with the default settings
     */
    public static <T> CategoricalDriftMonitor<T> fit(Iterable<? extends T> reference) {
        return builder().fit(reference);
    }

    /** @return a builder with the default settings */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param live the live values, not empty, without null
     * @return the comparison with the reference
     * @throws IllegalArgumentException when the sample is empty
     * @throws NullPointerException when a value is null (the message names its position)
     */
    public CategoricalDriftReport compare(Iterable<? extends T> live) {
        Objects.requireNonNull(live, "live == null");
        int other = index.size();
        int unseen = other + 1;
        long[] counts = new long[index.size() + 2];
        long m = 0;
        for (T value : live) {
            if (value == null) {
                throw new NullPointerException("live value #" + m + " is null");
            }
            Integer bin = index.get(value);
            if (bin != null) {
                counts[bin]++;
            } else if (known.contains(value)) {
                counts[other]++;
            } else {
                counts[unseen]++;
            }
            m++;
        }
        if (m == 0) {
            throw new IllegalArgumentException("live sample is empty; need at least one value");
        }
        double[] actual = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            actual[i] = counts[i] / (double) m;
        }
        double psi = Drift.psi(expected, actual, epsilon);
        return new CategoricalDriftReport(psi, index.size(), referenceSize, m, actual[unseen],
                psi > psiThreshold);
    }

    /** @return the categories tracked one by one, most frequent first (unmodifiable) */
    public List<T> categories() {
        return List.copyOf(index.keySet());
    }

    /** @return true when some reference categories share the {@code other} bucket */
    public boolean hasOtherBucket() {
        return hasOther;
    }

    /** Sets up a {@link CategoricalDriftMonitor}; {@link #fit(Iterable)} builds it. Not thread-safe. */
    public static final class Builder {
        private int maxCategories = DEFAULT_MAX_CATEGORIES;
        private double psiThreshold = DriftMonitor.DEFAULT_PSI_THRESHOLD;
        private double epsilon = DriftMonitor.DEFAULT_EPSILON;

        private Builder() {
        }

        /**
         * @param maxCategories the most reference categories tracked one by one, {@code >= 1} (100 by default)
         * @return this builder
         */
        public Builder maxCategories(int maxCategories) {
            if (maxCategories < 1) {
                throw new IllegalArgumentException("maxCategories must be >= 1, was " + maxCategories);
            }
            this.maxCategories = maxCategories;
            return this;
        }

        /**
         * @param threshold the PSI above which a sample has drifted, {@code >= 0} (0.2 by default)
         * @return this builder
         */
        public Builder psiThreshold(double threshold) {
            Drift.requireThresholds(threshold, 0);
            this.psiThreshold = threshold;
            return this;
        }

        /**
         * @param epsilon the proportion that stands in for an empty bucket, in (0, 0.01) (1e-4 by default)
         * @return this builder
         */
        public Builder epsilon(double epsilon) {
            Drift.requireEpsilon(epsilon);
            this.epsilon = epsilon;
            return this;
        }

        /**
         * @param reference the reference values, not empty, without null
         * @param <T> the category type
         * @return the fitted monitor
         */
        public <T> CategoricalDriftMonitor<T> fit(Iterable<? extends T> reference) {
            Objects.requireNonNull(reference, "reference == null");
            Map<T, long[]> counts = new LinkedHashMap<>();
            long n = 0;
            for (T value : reference) {
                if (value == null) {
                    throw new NullPointerException("reference value #" + n + " is null");
                }
                counts.computeIfAbsent(value, k -> new long[1])[0]++;
                n++;
            }
            if (n == 0) {
                throw new IllegalArgumentException("reference sample is empty; need at least one value");
            }
            List<Map.Entry<T, long[]>> entries = new ArrayList<>(counts.entrySet());
            // stable sort: equal counts keep first-seen order, so fitting is deterministic
            entries.sort((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]));
            int kept = Math.min(maxCategories, entries.size());
            Map<T, Integer> index = new LinkedHashMap<>();
            double[] expected = new double[kept + 2];
            for (int i = 0; i < entries.size(); i++) {
                Map.Entry<T, long[]> e = entries.get(i);
                if (i < kept) {
                    index.put(e.getKey(), i);
                    expected[i] = e.getValue()[0] / (double) n;
                } else {
                    expected[kept] += e.getValue()[0] / (double) n;
                }
            }
            return new CategoricalDriftMonitor<>(Collections.unmodifiableMap(index), entries.size() > kept,
                    Set.copyOf(counts.keySet()), expected, n, this);
        }
    }
}
