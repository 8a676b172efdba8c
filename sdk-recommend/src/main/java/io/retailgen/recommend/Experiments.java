package io.retailgen.recommend;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * A/B testing helpers: deterministic variant assignment by hashed user id, and the lift of a rate (click-through,
 * conversion) between two variants with a confidence interval.
 *
 * <pre>{@code
 * String v = Experiments.assign("user-42", "rec-v2", List.of("control", "hybrid"));
 * Experiments.Lift lift = Experiments.lift(120, 4000, 151, 4000, 0.95);
 * // lift.relativeLift() = 0.258, lift.low() .. lift.high() the 95% interval of the relative lift
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Experiments {

    private Experiments() {
    }

    /**
     * Assigns a user to one of the variants, uniformly and deterministically: the same user, experiment and
     * variant list always give the same variant; different experiments are independent.
     *
     * @param userId the user (or visitor) id
     * @param experiment the experiment name, used as a salt
     * @param variants the variant names, at least one
     * @return the variant
     */
    public static String assign(String userId, String experiment, List<String> variants) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(variants, "variants");
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("variants must not be empty");
        }
        return variants.get(bucket(userId, experiment, variants.size()));
    }

    /** The bucket {@code 0..n-1} of a user in an experiment. */
    static int bucket(String userId, String experiment, int n) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] d = md.digest((experiment + '\u0000' + userId).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(v, n);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    /**
     * The lift of variant B over variant A.
     *
     * @param rateA A's rate
     * @param rateB B's rate
     * @param relativeLift {@code rateB / rateA - 1}
     * @param low lower bound of the interval of the relative lift
     * @param high upper bound of the interval of the relative lift
     * @param confidence the confidence level of the interval
     * @param pValue two-sided p-value of the difference of the rates (pooled z-test)
     */
    public record Lift(double rateA, double rateB, double relativeLift, double low, double high, double confidence,
            double pValue) {

        /** @return whether the interval excludes zero lift */
        public boolean significant() {
            return low > 0 || high < 0;
        }
    }

    /**
     * Computes the relative lift of B over A with a confidence interval from the log rate ratio (delta method).
     *
     * @param successesA clicks (or conversions) in A
     * @param trialsA impressions (or sessions) in A, {@code > 0}
     * @param successesB clicks in B
     * @param trialsB impressions in B, {@code > 0}
     * @param confidence for example 0.95; in (0, 1)
     * @return the lift
     */
    public static Lift lift(long successesA, long trialsA, long successesB, long trialsB, double confidence) {
        if (trialsA <= 0 || trialsB <= 0) {
            throw new IllegalArgumentException("trials must be > 0, were " + trialsA + " and " + trialsB);
        }
        if (successesA < 0 || successesA > trialsA || successesB < 0 || successesB > trialsB) {
            throw new IllegalArgumentException("successes must be in 0..trials, were " + successesA + "/" + trialsA
                    + " and " + successesB + "/" + trialsB);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        double pa = (double) successesA / trialsA;
        double pb = (double) successesB / trialsB;
        double z = normalQuantile(0.5 + confidence / 2);
        double low;
        double high;
        if (successesA == 0 || successesB == 0) {
            low = Double.NEGATIVE_INFINITY;
            high = Double.POSITIVE_INFINITY;
            if (successesA == 0 && successesB == 0) {
                low = -1;
            }
        } else {
            double se = Math.sqrt((1 - pa) / successesA + (1 - pb) / successesB);
            double lr = Math.log(pb / pa);
            low = Math.exp(lr - z * se) - 1;
            high = Math.exp(lr + z * se) - 1;
        }
        double pooled = (double) (successesA + successesB) / (trialsA + trialsB);
        double sd = Math.sqrt(pooled * (1 - pooled) * (1.0 / trialsA + 1.0 / trialsB));
        double p = sd == 0 ? 1 : 2 * (1 - normalCdf(Math.abs(pb - pa) / sd));
        return new Lift(pa, pb, pa == 0 ? (pb == 0 ? 0 : Double.POSITIVE_INFINITY) : pb / pa - 1, low, high,
                confidence, p);
    }

    static double normalCdf(double x) {
        // Abramowitz and Stegun 7.1.26 on erf
        double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                + 0.254829592) * t * Math.exp(-x * x / 2);
        return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
    }

    static double normalQuantile(double p) {
        double lo = -10;
        double hi = 10;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (normalCdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
