package io.retailgen.recommend;

/**
 * The differential privacy of a model trained with {@link PrivateTraining}: {@code (epsilon, delta)}-DP for each
 * training session, as computed by the RDP accountant of sdk-governance over the DP-SGD steps actually taken. Written
 * to the model bundle's provenance (hyper-parameters {@code dp.*}, which the governance model card reads) and
 * {@code recommend.json}.
 *
 * @param epsilon the epsilon spent
 * @param delta the delta
 * @param noiseMultiplier the Gaussian noise standard deviation relative to {@code clipNorm}
 * @param samplingRate the Poisson sampling rate of sessions per step
 * @param steps the noisy steps taken
 * @param clipNorm the L2 norm each session's gradient was clipped to
 * @param conversion how the accountant converted RDP to {@code (epsilon, delta)}: {@value #CLASSIC} (Mironov 2017) or
 *        {@value #IMPROVED} (Canonne, Kamath and Steinke 2020; Balle et al. 2020); null reads as {@value #CLASSIC},
 *        the conversion of records written before it was recorded
 */
public record TrainingPrivacy(double epsilon, double delta, double noiseMultiplier, double samplingRate, long steps,
        double clipNorm, String conversion) {

    /** The classic conversion, {@code eps = rdp - log(delta) / (alpha - 1)}. */
    public static final String CLASSIC = "CLASSIC";
    /** The improved conversion, {@code eps = rdp + log1p(-1/alpha) - (log(delta) + log(alpha)) / (alpha - 1)}. */
    public static final String IMPROVED = "IMPROVED";

    /** Validates. */
    public TrainingPrivacy {
        conversion = conversion == null ? CLASSIC : conversion;
        if (!conversion.equals(CLASSIC) && !conversion.equals(IMPROVED)) {
            throw new IllegalArgumentException("conversion must be " + CLASSIC + " or " + IMPROVED + ", was "
                    + conversion);
        }
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and >= 0, was " + epsilon);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), was " + delta);
        }
        if (!(noiseMultiplier > 0) || !(samplingRate > 0 && samplingRate <= 1) || steps < 1 || !(clipNorm > 0)) {
            throw new IllegalArgumentException("invalid DP-SGD record: noise " + noiseMultiplier + ", sampling rate "
                    + samplingRate + ", steps " + steps + ", clip " + clipNorm);
        }
    }

    /**
     * A record accounted with the {@value #CLASSIC} conversion.
     *
     * @param epsilon the epsilon spent
     * @param delta the delta
     * @param noiseMultiplier the Gaussian noise standard deviation relative to {@code clipNorm}
     * @param samplingRate the sampling rate per step
     * @param steps the noisy steps taken
     * @param clipNorm the clipping norm
     */
    public TrainingPrivacy(double epsilon, double delta, double noiseMultiplier, double samplingRate, long steps,
            double clipNorm) {
        this(epsilon, delta, noiseMultiplier, samplingRate, steps, clipNorm, CLASSIC);
    }
}
