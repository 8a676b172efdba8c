package io.retailgen.governance.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Rényi differential privacy (RDP) accountant for the sampled Gaussian mechanism, the mechanism of DP-SGD: each
 * step samples every example with probability {@code q} and adds Gaussian noise of standard deviation
 * {@code sigma} times the clipping norm. The RDP of one step at order {@code alpha} follows Mironov, Talwar and Zhang
 * (2019), "Rényi Differential Privacy of the Sampled Gaussian Mechanism": the exact binomial sum for integer orders
 * and the two-series expression for fractional orders. Steps compose by adding RDP; the result converts to
 * {@code (epsilon, delta)} by minimizing over the orders.
 *
 * <pre>{@code
 * RdpAccountant acc = new RdpAccountant();
 * acc.compose(256.0 / 60_000, 1.1, 60 * 60_000 / 256);    // 60 epochs of MNIST-sized DP-SGD
 * PrivacySpent spent = acc.epsilon(1e-5);                   // spent.epsilon() ~ 3.0 (classic conversion)
 * }</pre>
 *
 * <p>Not thread-safe: one accountant tracks one training run.
 */
public final class RdpAccountant {

    /** How RDP converts to {@code (epsilon, delta)}. */
    public enum Conversion {
        /** {@code eps = rdp - log(delta) / (alpha - 1)} (Mironov 2017, Proposition 3), used by TF Privacy's
         * tutorials and older Opacus releases. */
        CLASSIC,
        /** {@code eps = rdp + log1p(-1/alpha) - (log(delta) + log(alpha)) / (alpha - 1)} (Canonne, Kamath and
         * Steinke 2020; Balle et al. 2020), tighter, used by current TF Privacy and Opacus. */
        IMPROVED
    }

    /**
     * The privacy spent.
     *
     * @param epsilon the epsilon at the requested delta
     * @param delta the delta
     * @param order the RDP order that gave the smallest epsilon
     */
    public record PrivacySpent(double epsilon, double delta, double order) {
    }

    private final double[] orders;
    private final double[] rdp;

    /** An accountant over the orders TF Privacy's tutorials use: 1.1, 1.2, ..., 10.9 and 12, 13, ..., 63. */
    public RdpAccountant() {
        this(defaultOrders());
    }

    /**
     * @param orders the RDP orders to track, each {@code > 1}
     */
    public RdpAccountant(double[] orders) {
        Objects.requireNonNull(orders, "orders == null");
        if (orders.length == 0) {
            throw new IllegalArgumentException("need at least one order");
        }
        for (double a : orders) {
            if (!(a > 1) || Double.isInfinite(a)) {
                throw new IllegalArgumentException("orders must be finite and > 1, got " + a);
            }
        }
        this.orders = orders.clone();
        this.rdp = new double[orders.length];
    }

    /** @return 1.1, 1.2, ..., 10.9 followed by 12, 13, ..., 63 */
    public static double[] defaultOrders() {
        List<Double> o = new ArrayList<>();
        for (int x = 1; x < 100; x++) {
            o.add(1 + x / 10.0);
        }
        for (int a = 12; a < 64; a++) {
            o.add((double) a);
        }
        return o.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Adds {@code steps} steps of the sampled Gaussian mechanism.
     *
     * @param q the sampling probability, in {@code [0, 1]}
     * @param sigma the noise multiplier, {@code > 0}
     * @param steps how many steps, {@code >= 0}
     * @return this accountant
     */
    public RdpAccountant compose(double q, double sigma, long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, was " + steps);
        }
        for (int i = 0; i < orders.length; i++) {
            rdp[i] += steps * rdp(q, sigma, orders[i]);
        }
        return this;
    }

    /** @return the accumulated RDP for each order (a copy, in the order of {@link #orders()}) */
    public double[] rdp() {
        return rdp.clone();
    }

    /** @return the orders (a copy) */
    public double[] orders() {
        return orders.clone();
    }

    /**
     * @param delta the target delta, in {@code (0, 1)}
     * @return the smallest epsilon over the orders, with the {@link Conversion#CLASSIC} conversion
     */
    public PrivacySpent epsilon(double delta) {
        return epsilon(delta, Conversion.CLASSIC);
    }

    /**
     * @param delta the target delta, in {@code (0, 1)}
     * @param conversion how to convert RDP to {@code (epsilon, delta)}
     * @return the smallest epsilon over the orders
     */
    public PrivacySpent epsilon(double delta, Conversion conversion) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), was " + delta);
        }
        Objects.requireNonNull(conversion, "conversion == null");
        double best = Double.POSITIVE_INFINITY;
        double bestOrder = Double.NaN;
        for (int i = 0; i < orders.length; i++) {
            double a = orders[i];
            double eps = conversion == Conversion.CLASSIC
                    ? rdp[i] - Math.log(delta) / (a - 1)
                    : rdp[i] + Math.log1p(-1 / a) - (Math.log(delta) + Math.log(a)) / (a - 1);
            if (eps < best) {
                best = eps;
                bestOrder = a;
            }
        }
        return new PrivacySpent(Math.max(0, best), delta, bestOrder);
    }

    /**
     * The smallest noise multiplier (to 0.1 %, up to 1000) whose {@code steps} steps at sampling rate {@code q}
     * spend at most {@code epsilon} at {@code delta} ({@link Conversion#CLASSIC}), found by bisection on the
     * accountant itself.
     *
     * @param epsilon the budget, {@code > 0}
     * @param delta in {@code (0, 1)}
     * @param q the sampling rate, in {@code (0, 1]}
     * @param steps the steps, {@code >= 1}
     * @return sigma
     * @throws IllegalArgumentException when even a multiplier of 1000 spends more than the budget
     */
    public static double noiseMultiplier(double epsilon, double delta, double q, long steps) {
        return noiseMultiplier(epsilon, delta, q, steps, Conversion.CLASSIC);
    }

    /**
     * The smallest noise multiplier (to 0.1 %, up to 1000) whose {@code steps} steps at sampling rate {@code q}
     * spend at most {@code epsilon} at {@code delta} under the given conversion, found by bisection on the accountant
     * itself.
     *
     * @param epsilon the budget, {@code > 0}
     * @param delta in {@code (0, 1)}
     * @param q the sampling rate, in {@code (0, 1]}
     * @param steps the steps, {@code >= 1}
     * @param conversion how RDP converts to {@code (epsilon, delta)}
     * @return sigma
     * @throws IllegalArgumentException when even a multiplier of 1000 spends more than the budget
     */
    public static double noiseMultiplier(double epsilon, double delta, double q, long steps, Conversion conversion) {
        Objects.requireNonNull(conversion, "conversion == null");
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, was " + epsilon);
        }
        if (!(q > 0 && q <= 1) || steps < 1) {
            throw new IllegalArgumentException("need q in (0, 1] and steps >= 1, were " + q + " and " + steps);
        }
        double lo = 0.05;
        double hi = 1_000;
        if (new RdpAccountant().compose(q, hi, steps).epsilon(delta, conversion).epsilon() > epsilon) {
            throw new IllegalArgumentException("no noise multiplier up to " + hi + " keeps " + steps + " steps at"
                    + " sampling rate " + q + " within epsilon " + epsilon + " at delta " + delta);
        }
        while (hi / lo > 1.001) {
            double mid = Math.sqrt(lo * hi);
            if (new RdpAccountant().compose(q, mid, steps).epsilon(delta, conversion).epsilon() > epsilon) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /**
     * The RDP of one step of the sampled Gaussian mechanism.
     *
     * @param q the sampling probability, in {@code [0, 1]}
     * @param sigma the noise multiplier, {@code > 0}
     * @param alpha the order, {@code > 1}
     * @return the RDP at {@code alpha}
     */
    public static double rdp(double q, double sigma, double alpha) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in [0, 1], was " + q);
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, was " + sigma);
        }
        if (!(alpha > 1) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > 1, was " + alpha);
        }
        if (q == 0) {
            return 0;
        }
        if (q == 1) {
            return alpha / (2 * sigma * sigma);
        }
        double logA = alpha == Math.rint(alpha) ? logAInt(q, sigma, (int) alpha) : logAFrac(q, sigma, alpha);
        return logA / (alpha - 1);
    }

    static double logAInt(double q, double sigma, int alpha) {
        double logA = Double.NEGATIVE_INFINITY;
        double logBinom = 0;
        for (int i = 0; i <= alpha; i++) {
            if (i > 0) {
                logBinom += Math.log(alpha - i + 1) - Math.log(i);
            }
            double t = logBinom + i * Math.log(q) + (alpha - i) * Math.log1p(-q) + (i * (double) i - i)
                    / (2 * sigma * sigma);
            logA = logAdd(logA, t);
        }
        return logA;
    }

    static double logAFrac(double q, double sigma, double alpha) {
        double logA0 = Double.NEGATIVE_INFINITY;
        double logA1 = Double.NEGATIVE_INFINITY;
        double z0 = sigma * sigma * Math.log(1 / q - 1) + 0.5;
        double logAbsBinom = 0;
        double s2 = Math.sqrt(2) * sigma;
        for (int i = 0; i < 100_000; i++) {
            if (i > 0) {
                logAbsBinom += Math.log(Math.abs(alpha - i + 1)) - Math.log(i);
            }
            double j = alpha - i;
            double logT0 = logAbsBinom + i * Math.log(q) + j * Math.log1p(-q);
            double logT1 = logAbsBinom + j * Math.log(q) + i * Math.log1p(-q);
            double logE0 = Math.log(0.5) + logErfc((i - z0) / s2);
            double logE1 = Math.log(0.5) + logErfc((z0 - j) / s2);
            double logS0 = logT0 + (i * (double) i - i) / (2 * sigma * sigma) + logE0;
            double logS1 = logT1 + (j * j - j) / (2 * sigma * sigma) + logE1;
            logA0 = logAdd(logA0, logS0);
            logA1 = logAdd(logA1, logS1);
            if (Math.max(logS0, logS1) < -30) {
                break;
            }
        }
        return logAdd(logA0, logA1);
    }

    private static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double m = Math.max(a, b);
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }

    /** log(erfc(x)), accurate in the far tail where erfc underflows. */
    static double logErfc(double x) {
        if (x < 3) {
            return Math.log(1 - erf(x));
        }
        // continued fraction erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))),
        // evaluated bottom-up with enough terms for x >= 3
        double f = x;
        for (int k = 60; k >= 1; k--) {
            f = x + (k / 2.0) / f;
        }
        return -x * x - 0.5 * Math.log(Math.PI) - Math.log(f);
    }

    /** erf(x) by its Maclaurin series; used for |x| < 3 only. */
    static double erf(double x) {
        if (x < -3) {
            return -1 + Math.exp(logErfc(-x));
        }
        double sum = 0;
        double term = x;
        double x2 = x * x;
        for (int n = 0; n < 200; n++) {
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                break;
            }
            term *= -x2 / (n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }
}
