package io.retailgen.core.data;

/**
 * How far the category frequencies of a live sample moved from the reference.
 *
 * @param psi the population stability index over the categories (with the {@code other} and {@code unseen} buckets)
 * @param categories the number of reference categories tracked one by one (the rest share the {@code other} bucket)
 * @param referenceSize the number of reference values
 * @param liveSize the number of live values
 * @param unseenShare the share of live values whose category never occurred in the reference, in [0, 1]
 * @param drifted whether the monitor's PSI threshold was crossed
 */
public record CategoricalDriftReport(double psi, int categories, long referenceSize, long liveSize,
                                     double unseenShare, boolean drifted) {

    /** Validates the ranges. */
    public CategoricalDriftReport {
        if (!(psi >= 0)) {
            throw new IllegalArgumentException("psi must be >= 0, was " + psi);
        }
        if (categories < 1) {
            throw new IllegalArgumentException("categories must be >= 1, was " + categories);
        }
        if (referenceSize < 1 || liveSize < 1) {
            throw new IllegalArgumentException("sample sizes must be >= 1, were " + referenceSize + " and "
                    + liveSize);
        }
        if (!(unseenShare >= 0 && unseenShare <= 1)) {
            throw new IllegalArgumentException("unseenShare must be in [0, 1], was " + unseenShare);
        }
    }
}
