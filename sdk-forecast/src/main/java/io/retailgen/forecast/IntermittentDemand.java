package io.retailgen.forecast;

import java.util.SplittableRandom;

/**
 * Forecasts for intermittent demand (many zero periods): a flat rate per period, from one of three methods, with
 * paths where demand occurs with the estimated probability in each period and its size is drawn around the mean
 * non-zero size.
 * <ul>
 *   <li>{@link Kind#CROSTON}: Croston's method (1972) with the Syntetos-Boylan (2005) bias correction: sizes and
 *       intervals between demands smoothed separately (weight 0.1), rate {@code (1 - 0.05) size / interval}.</li>
 *   <li>{@link Kind#TSB}: Teunter, Syntetos and Babai (2011): the demand probability is smoothed every period, so
 *       the rate decays when demand stops (obsolescence); weights 0.1 for sizes and 0.05 for the probability.</li>
 *   <li>{@link Kind#ADIDA}: Nikolopoulos et al. (2011): the series is summed over non-overlapping buckets as long as
 *       the mean interval between demands, smoothed there (SES with weight 0.1) and spread evenly back.</li>
 * </ul>
 */
final class IntermittentDemand implements FittedModel {

    /** The share of zero periods from which a non-negative series counts as intermittent. */
    static final double ZERO_SHARE = 0.3;

    private static final double SIZE_WEIGHT = 0.1;
    private static final double PROBABILITY_WEIGHT = 0.05;

    /** The method. */
    enum Kind {
        CROSTON, TSB, ADIDA
    }

    private final Kind kind;
    private final double rate;
    private final double probability;
    private final double sizeSd;
    private final int n;

    private IntermittentDemand(Kind kind, double rate, double probability, double sizeSd, int n) {
        this.kind = kind;
        this.rate = rate;
        this.probability = probability;
        this.sizeSd = sizeSd;
        this.n = n;
    }

    /** Whether {@code y} is non-negative with at least {@link #ZERO_SHARE} zeros and at least two non-zero values. */
    static boolean isIntermittent(double[] y, int n) {
        int zeros = 0;
        for (int t = 0; t < n; t++) {
            if (y[t] < 0) {
                return false;
            }
            if (y[t] == 0) {
                zeros++;
            }
        }
        return zeros >= ZERO_SHARE * n && n - zeros >= 2;
    }

    /** Fits one method to a series that {@link #isIntermittent} accepts. */
    static IntermittentDemand fit(Kind kind, double[] y, int n) {
        int demands = 0;
        double sum = 0;
        double sumSq = 0;
        for (int t = 0; t < n; t++) {
            if (y[t] > 0) {
                demands++;
                sum += y[t];
                sumSq += y[t] * y[t];
            }
        }
        double meanSize = sum / demands;
        double sd = Math.sqrt(Math.max(0, sumSq / demands - meanSize * meanSize));
        double p = (double) demands / n;
        double rate = switch (kind) {
            case CROSTON -> croston(y, n);
            case TSB -> tsb(y, n, meanSize, p);
            case ADIDA -> adida(y, n, Math.max(1, (int) Math.round((double) n / demands)));
        };
        return new IntermittentDemand(kind, Math.max(0, rate), Math.max(1e-6, Math.min(1, p)), sd, n);
    }

    private static double croston(double[] y, int n) {
        double size = Double.NaN;
        double interval = Double.NaN;
        int since = 0;
        for (int t = 0; t < n; t++) {
            since++;
            if (y[t] > 0) {
                if (Double.isNaN(size)) {
                    size = y[t];
                    interval = since;
                } else {
                    size += SIZE_WEIGHT * (y[t] - size);
                    interval += SIZE_WEIGHT * (since - interval);
                }
                since = 0;
            }
        }
        return (1 - SIZE_WEIGHT / 2) * size / interval;
    }

    private static double tsb(double[] y, int n, double meanSize, double p0) {
        double size = meanSize;
        double p = p0;
        for (int t = 0; t < n; t++) {
            boolean demand = y[t] > 0;
            p += PROBABILITY_WEIGHT * ((demand ? 1 : 0) - p);
            if (demand) {
                size += SIZE_WEIGHT * (y[t] - size);
            }
        }
        return p * size;
    }

    private static double adida(double[] y, int n, int bucket) {
        int buckets = n / bucket;
        if (buckets < 1) {
            return croston(y, n);
        }
        int start = n - buckets * bucket;
        double level = Double.NaN;
        for (int b = 0; b < buckets; b++) {
            double s = 0;
            for (int t = start + b * bucket; t < start + (b + 1) * bucket; t++) {
                s += y[t];
            }
            level = Double.isNaN(level) ? s : level + SIZE_WEIGHT * (s - level);
        }
        return level / bucket;
    }

    @Override
    public String name() {
        return kind == Kind.CROSTON ? "Croston-SBA" : kind == Kind.TSB ? "TSB" : "ADIDA";
    }

    @Override
    public void forecast(int h, double[] out) {
        for (int k = 0; k < h; k++) {
            out[k] = rate;
        }
    }

    /** Demand in a period with the observed probability; its size has the rate's mean and the observed spread. */
    @Override
    public void simulate(int h, SplittableRandom rng, double[] out, int offset, double sigmaScale) {
        double size = rate / probability;
        for (int k = 0; k < h; k++) {
            out[offset + k] = rng.nextDouble() < probability
                    ? Math.max(0, size + sizeSd * sigmaScale * rng.nextGaussian()) : 0;
        }
    }

    @Override
    public void fitted(double[] y, int n, double[] out) {
        for (int t = 0; t < n; t++) {
            out[t] = rate;
        }
    }

    @Override
    public int residualDf() {
        return Math.max(1, n - 2);
    }
}
