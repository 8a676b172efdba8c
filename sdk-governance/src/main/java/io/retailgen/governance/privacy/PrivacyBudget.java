package io.retailgen.governance.privacy;

/**
 * The differential-privacy budget of a DP-SGD training run, as computed by {@link RdpAccountant} from the settings
 * recorded in a model's hyper-parameters (see {@link io.retailgen.governance.reports.ModelCard}).
 *
 * <pre>{@code
 * PrivacyBudget b = PrivacyBudget.compute(1.1, 256.0 / 60_000, 14_062, 1e-5, false);
 * b.epsilon(); // about 3.01
 * }</pre>
 *
 * @param noiseMultiplier the Gaussian noise multiplier sigma, {@code > 0}
 * @param samplingRate the Poisson sampling rate q, in {@code (0, 1]}
 * @param steps the number of noisy steps, {@code >= 1}
 * @param delta the target delta, in {@code (0, 1)}
 * @param epsilon the epsilon spent at that delta, under {@code conversion}
 * @param order the RDP order that gave the smallest epsilon
 * @param deltaAssumed true when the hyper-parameters did not record delta and {@code min(1e-5, 1/rows)} was assumed
 * @param conversion how the accountant's RDP was converted to {@code (epsilon, delta)}
 */
public record PrivacyBudget(double noiseMultiplier, double samplingRate, long steps, double delta, double epsilon,
                            double order, boolean deltaAssumed, RdpAccountant.Conversion conversion) {

    /** Validates the settings. */
    public PrivacyBudget {
        if (!(noiseMultiplier > 0) || !Double.isFinite(noiseMultiplier)) {
            throw new IllegalArgumentException("noise multiplier must be finite and > 0, was " + noiseMultiplier);
        }
        if (!(samplingRate > 0 && samplingRate <= 1)) {
            throw new IllegalArgumentException("sampling rate must be in (0, 1], was " + samplingRate);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), was " + delta);
        }
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("epsilon must be >= 0, was " + epsilon);
        }
        java.util.Objects.requireNonNull(conversion, "conversion == null");
    }

    /**
     * @param noiseMultiplier sigma
     * @param samplingRate q
     * @param steps the number of steps
     * @param delta the target delta
     * @param deltaAssumed whether delta was assumed rather than recorded
     * @return the budget, with epsilon from a fresh {@link RdpAccountant} and the
     *         {@link RdpAccountant.Conversion#CLASSIC} conversion
     */
    public static PrivacyBudget compute(double noiseMultiplier, double samplingRate, long steps, double delta,
                                        boolean deltaAssumed) {
        return compute(noiseMultiplier, samplingRate, steps, delta, deltaAssumed, RdpAccountant.Conversion.CLASSIC);
    }

    /**
     * @param noiseMultiplier sigma
     * @param samplingRate q
     * @param steps the number of steps
     * @param delta the target delta
     * @param deltaAssumed whether delta was assumed rather than recorded
     * @param conversion how to convert RDP to {@code (epsilon, delta)}
     * @return the budget, with epsilon from a fresh {@link RdpAccountant}
     */
    public static PrivacyBudget compute(double noiseMultiplier, double samplingRate, long steps, double delta,
                                        boolean deltaAssumed, RdpAccountant.Conversion conversion) {
        RdpAccountant.PrivacySpent spent = new RdpAccountant().compose(samplingRate, noiseMultiplier, steps)
                .epsilon(delta, conversion);
        return new PrivacyBudget(noiseMultiplier, samplingRate, steps, delta, spent.epsilon(), spent.order(),
                deltaAssumed, conversion);
    }
}
