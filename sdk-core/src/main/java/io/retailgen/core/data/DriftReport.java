package io.retailgen.core.data;

/**
 * How far a live sample of a numeric feature moved from the reference it was compared with.
 *
 * @param psi the population stability index over the reference's quantile bins ({@code >= 0}; below 0.1 is
 *     usually read as stable, above 0.2 as a major shift)
 * @param ksStatistic the two-sample Kolmogorov-Smirnov statistic: the largest gap between the two empirical
 *     distribution functions, in [0, 1]
 * @param ksPValue the asymptotic p-value of the Kolmogorov-Smirnov test (Kolmogorov distribution at
 *     {@code sqrt(n m / (n + m)) D}); small means the samples differ; with large samples even tiny, harmless
 *     differences give small p-values
 * @param referenceSize the number of reference values
 * @param liveSize the number of live values
 * @param drifted whether the monitor's thresholds were crossed
 */
public record DriftReport(double psi, double ksStatistic, double ksPValue, long referenceSize, long liveSize,
                          boolean drifted) {

    /** Validates the ranges. */
    public DriftReport {
        if (!(psi >= 0)) {
            throw new IllegalArgumentException("psi must be >= 0, was " + psi);
        }
        if (!(ksStatistic >= 0 && ksStatistic <= 1)) {
            throw new IllegalArgumentException("ksStatistic must be in [0, 1], was " + ksStatistic);
        }
        if (!(ksPValue >= 0 && ksPValue <= 1)) {
            throw new IllegalArgumentException("ksPValue must be in [0, 1], was " + ksPValue);
        }
        if (referenceSize < 1 || liveSize < 1) {
            throw new IllegalArgumentException("sample sizes must be >= 1, were " + referenceSize + " and "
                    + liveSize);
        }
    }
}
