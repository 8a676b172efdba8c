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
 */
public record TrainingPrivacy(double epsilon, double delta, double noiseMultiplier, double samplingRate, long steps,
        double clipNorm) {

    /** Validates. */
    public TrainingPrivacy {
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
}
