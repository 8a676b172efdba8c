package io.retailgen.governance.privacy;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Differentially private release of aggregates, such as co-occurrence counts: the Laplace mechanism (pure
 * epsilon-DP) and the Gaussian mechanism ({@code (epsilon, delta)}-DP with the classic calibration of Dwork and Roth
 * 2014, Theorem A.1, valid for {@code epsilon <= 1}).
 *
 * <pre>{@code
 * RandomGenerator rng = new SplittableRandom(7);
 * double noisy = DpMechanisms.laplace(1234, 1.0, 0.5, rng);          // count, sensitivity 1, epsilon 0.5
 * long[] counts = DpMechanisms.laplaceCounts(pairCounts, 1.0, 1.0, rng);
 * }</pre>
 *
 * <p>Stateless; thread-safety is that of the random generator passed in.
 */
public final class DpMechanisms {

    private DpMechanisms() {
    }

    /**
     * @param value the true value
     * @param sensitivity the L1 sensitivity, {@code > 0}
     * @param epsilon the privacy parameter, {@code > 0}
     * @param random the noise source
     * @return {@code value} plus Laplace noise of scale {@code sensitivity / epsilon}
     */
    public static double laplace(double value, double sensitivity, double epsilon, RandomGenerator random) {
        positive(sensitivity, "sensitivity");
        positive(epsilon, "epsilon");
        Objects.requireNonNull(random, "random == null");
        double b = sensitivity / epsilon;
        double u = random.nextDouble() - 0.5;
        return value - b * Math.signum(u) * Math.log1p(-2 * Math.abs(u));
    }

    /**
     * Releases counts (each record changing the vector by at most {@code sensitivity} in L1) with Laplace noise,
     * rounded and clamped at zero (post-processing keeps the guarantee).
     *
     * @param counts the true counts
     * @param sensitivity the L1 sensitivity of the whole vector, {@code > 0}
     * @param epsilon the privacy parameter, {@code > 0}
     * @param random the noise source
     * @return the noisy counts
     */
    public static long[] laplaceCounts(long[] counts, double sensitivity, double epsilon, RandomGenerator random) {
        Objects.requireNonNull(counts, "counts == null");
        long[] out = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = Math.max(0, Math.round(laplace(counts[i], sensitivity, epsilon, random)));
        }
        return out;
    }

    /**
     * @param l2Sensitivity the L2 sensitivity, {@code > 0}
     * @param epsilon the privacy parameter, in {@code (0, 1]}
     * @param delta the privacy parameter, in {@code (0, 1)}
     * @return the noise standard deviation {@code sqrt(2 ln(1.25/delta)) * l2Sensitivity / epsilon}
     */
    public static double gaussianSigma(double l2Sensitivity, double epsilon, double delta) {
        positive(l2Sensitivity, "l2Sensitivity");
        if (!(epsilon > 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("the classic Gaussian mechanism needs epsilon in (0, 1], was "
                    + epsilon);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), was " + delta);
        }
        return Math.sqrt(2 * Math.log(1.25 / delta)) * l2Sensitivity / epsilon;
    }

    /**
     * @param value the true value
     * @param l2Sensitivity the L2 sensitivity, {@code > 0}
     * @param epsilon the privacy parameter, in {@code (0, 1]}
     * @param delta the privacy parameter, in {@code (0, 1)}
     * @param random the noise source
     * @return {@code value} plus Gaussian noise of standard deviation {@link #gaussianSigma}
     */
    public static double gaussian(double value, double l2Sensitivity, double epsilon, double delta,
                                  RandomGenerator random) {
        Objects.requireNonNull(random, "random == null");
        return value + gaussianSigma(l2Sensitivity, epsilon, delta) * random.nextGaussian();
    }

    private static void positive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + v);
        }
    }
}
