package io.retailgen.core.data;

/** The statistics shared by the drift monitors. */
final class Drift {

    private Drift() {
    }

    /**
     * Population stability index over matching bins: the sum of {@code (a - e) * ln(a / e)}, where a proportion of
     * zero is replaced by {@code epsilon} so that empty bins add a large but finite term.
     */
    static double psi(double[] expected, double[] actual, double epsilon) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException("bin counts differ: " + expected.length + " vs " + actual.length);
        }
        double sum = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.max(expected[i], epsilon);
            double a = Math.max(actual[i], epsilon);
            sum += (a - e) * Math.log(a / e);
        }
        return sum;
    }

    /** Two-sample Kolmogorov-Smirnov statistic of two sorted samples without NaN, handling ties. */
    static double ksStatistic(double[] a, double[] b) {
        int n = a.length;
        int m = b.length;
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < n && j < m) {
            double x = Math.min(a[i], b[j]);
            while (i < n && a[i] <= x) {
                i++;
            }
            while (j < m && b[j] <= x) {
                j++;
            }
            d = Math.max(d, Math.abs(i / (double) n - j / (double) m));
        }
        return d;
    }

    /**
     * The survival function of the Kolmogorov distribution, {@code P(K > lambda)}: the asymptotic p-value of a
     * Kolmogorov-Smirnov test at {@code lambda = sqrt(n m / (n + m)) D}. Two series: the theta-function form for small
     * lambda, the alternating series {@code 2 sum (-1)^(k-1) exp(-2 k^2 lambda^2)} for large.
     */
    static double kolmogorovSurvival(double lambda) {
        if (!(lambda > 0)) {
            return 1.0;
        }
        if (lambda < 1.18) {
            double sum = 0;
            double factor = -Math.PI * Math.PI / (8 * lambda * lambda);
            for (int k = 1; k <= 20; k++) {
                int odd = 2 * k - 1;
                double term = Math.exp(factor * odd * odd);
                sum += term;
                if (term < 1e-17 * sum) {
                    break;
                }
            }
            double cdf = Math.sqrt(2 * Math.PI) / lambda * sum;
            return clamp(1 - cdf);
        }
        double sum = 0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? term : -term);
            if (term < 1e-17) {
                break;
            }
        }
        return clamp(2 * sum);
    }

    private static double clamp(double p) {
        return Math.min(1.0, Math.max(0.0, p));
    }

    static void requireThresholds(double psiThreshold, double ksPValueThreshold) {
        if (!(psiThreshold >= 0)) {
            throw new IllegalArgumentException("psiThreshold must be >= 0 (infinity disables it), was "
                    + psiThreshold);
        }
        if (!(ksPValueThreshold >= 0 && ksPValueThreshold <= 1)) {
            throw new IllegalArgumentException("ksPValueThreshold must be in [0, 1] (0 disables it), was "
                    + ksPValueThreshold);
        }
    }

    static void requireEpsilon(double epsilon) {
        if (!(epsilon > 0 && epsilon < 0.01)) {
            throw new IllegalArgumentException("epsilon must be in (0, 0.01), was " + epsilon);
        }
    }
}
