package io.retailgen.forecast;

/** Classical decomposition and the seasonality test used by Theta (as R's {@code thetaf} does). */
final class Decomposition {

    private Decomposition() {
    }

    /**
     * The 90% one-sided autocorrelation test at lag {@code m}: seasonal when {@code |r_m|} exceeds 1.645 standard
     * errors (Bartlett), which needs more than {@code 2m} observations.
     */
    static boolean isSeasonal(double[] y, int n, int m) {
        if (m <= 1 || n < 2 * m + 1) {
            return false;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += y[i];
        }
        mean /= n;
        double c0 = 0;
        for (int i = 0; i < n; i++) {
            c0 += (y[i] - mean) * (y[i] - mean);
        }
        if (c0 <= 0) {
            return false;
        }
        double sumSq = 0;
        double rm = 0;
        for (int k = 1; k <= m; k++) {
            double c = 0;
            for (int i = k; i < n; i++) {
                c += (y[i] - mean) * (y[i - k] - mean);
            }
            double r = c / c0;
            if (k < m) {
                sumSq += r * r;
            } else {
                rm = r;
            }
        }
        double stat = Math.sqrt((1 + 2 * sumSq) / n);
        return Math.abs(rm) / stat > 1.6448536269514722;
    }

    /**
     * Seasonal indices of a classical decomposition (centred moving average of order {@code m}, {@code 2 x m} when
     * even), normalised to mean 1 (multiplicative) or 0 (additive). {@code out[j]} is the index of periods
     * {@code t} with {@code t % m == j}.
     */
    static void seasonalIndices(double[] y, int n, int m, boolean multiplicative, double[] out) {
        double[] sum = new double[m];
        int[] count = new int[m];
        int half = m / 2;
        for (int t = half; t < n - half; t++) {
            double trend;
            if (m % 2 == 0) {
                double s = 0.5 * (y[t - half] + y[t + half]);
                for (int k = t - half + 1; k < t + half; k++) {
                    s += y[k];
                }
                trend = s / m;
            } else {
                double s = 0;
                for (int k = t - half; k <= t + half; k++) {
                    s += y[k];
                }
                trend = s / m;
            }
            double r = multiplicative ? (trend == 0 ? Double.NaN : y[t] / trend) : y[t] - trend;
            if (!Double.isNaN(r)) {
                sum[t % m] += r;
                count[t % m]++;
            }
        }
        double total = 0;
        for (int j = 0; j < m; j++) {
            out[j] = count[j] == 0 ? (multiplicative ? 1 : 0) : sum[j] / count[j];
            total += out[j];
        }
        double avg = total / m;
        for (int j = 0; j < m; j++) {
            if (multiplicative) {
                out[j] = avg == 0 ? 1 : out[j] / avg;
            } else {
                out[j] -= avg;
            }
        }
    }
}
