package io.retailgen.recommend;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.governance.privacy.RdpAccountant;
import java.util.Locale;

/**
 * The noise and step count of a DP-SGD run, checked against its budget before any step is taken: the noise
 * multiplier is either given or the smallest (to 0.1 %) that keeps the planned steps within the budget. Uses the RDP
 * accountant of sdk-governance, which must be on the class path, with the improved RDP-to-(epsilon, delta) conversion
 * ({@link RdpAccountant.Conversion#IMPROVED}; Canonne, Kamath and Steinke 2020, Balle et al. 2020), which the model
 * bundle records as {@code dp.conversion} so that the model card recomputes the same epsilon.
 */
record PrivacyPlan(double noiseMultiplier, double samplingRate, long steps, double delta, double epsilon) {

    static final String GOVERNANCE_CLASS = "io.retailgen.governance.privacy.RdpAccountant";
    private static final double MAX_NOISE = 1_000;
    /** The conversion DP-SGD training accounts with; its name is what {@link TrainingPrivacy#conversion()} holds. */
    static final String CONVERSION = TrainingPrivacy.IMPROVED;

    static PrivacyPlan of(PrivateTraining dp, int sessions, int epochs) {
        requireGovernance();
        if (sessions < 1) {
            throw new IllegalArgumentException("cannot train privately on no sessions");
        }
        double q = Math.min(1.0, dp.sessionsPerStep() / (double) sessions);
        long steps = (long) Math.ceil(epochs / q);
        double delta = dp.deltaFor(sessions);
        double sigma = dp.noiseMultiplier();
        if (sigma == 0) {
            try {
                sigma = RdpAccountant.noiseMultiplier(dp.epsilon(), delta, q, steps,
                        RdpAccountant.Conversion.valueOf(CONVERSION));
            } catch (IllegalArgumentException e) {
                throw overBudget(dp, MAX_NOISE, q, steps, delta, spent(MAX_NOISE, q, steps, delta));
            }
        }
        double eps = spent(sigma, q, steps, delta);
        if (eps > dp.epsilon()) {
            throw overBudget(dp, sigma, q, steps, delta, eps);
        }
        return new PrivacyPlan(sigma, q, steps, delta, eps);
    }

    static double spent(double sigma, double q, long steps, double delta) {
        return new RdpAccountant().compose(q, sigma, steps)
                .epsilon(delta, RdpAccountant.Conversion.valueOf(CONVERSION)).epsilon();
    }

    private static RetailGenException overBudget(PrivateTraining dp, double sigma, double q, long steps,
            double delta, double eps) {
        return new RetailGenException(ErrorCode.TRAINING_FAILED, String.format(Locale.ROOT,
                "DP-SGD would spend epsilon %.3f at delta %.3g (noise multiplier %.4g, sampling rate %.4g, %d steps),"
                        + " more than the budget epsilon %.3f: raise the budget or the noise, or train fewer epochs"
                        + " or on fewer sessions per step", eps, delta, sigma, q, steps, dp.epsilon()));
    }

    static void requireGovernance() {
        try {
            Class.forName(GOVERNANCE_CLASS, false, PrivacyPlan.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RetailGenException(ErrorCode.ENGINE_UNAVAILABLE, "private training accounts with the RDP"
                    + " accountant of the artifact io.retailgen:sdk-governance (same version as the SDK); class "
                    + GOVERNANCE_CLASS + " was not found. Add the dependency to train with PrivateTraining");
        }
    }
}
