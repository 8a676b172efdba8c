package io.retailgen.recommend;

import java.util.Locale;

/**
 * Differentially private training of the GRU sequence model with DP-SGD (Abadi et al. 2016), one shopping session
 * being the unit of privacy: every step samples each training session independently with probability
 * {@code sessionsPerStep / sessions} (Poisson sampling), computes each sampled session's gradient separately, clips it
 * to L2 norm {@link #clipNorm()}, sums, adds Gaussian noise of standard deviation {@code noiseMultiplier * clipNorm}
 * and divides by {@code sessionsPerStep}. The privacy spent is accounted with the RDP accountant of sdk-governance
 * ({@code io.retailgen.governance.privacy.RdpAccountant}), and training refuses to start when its plan would spend more
 * than {@link #epsilon()} at {@link #delta()}.
 *
 * <pre>{@code
 * PrivateTraining dp = PrivateTraining.builder().epsilon(8).build();     // noise calibrated to the budget
 * RecommendModel model = RecommendTrainer.builder().privacy(dp).build().train(events);
 * model.privacy().orElseThrow().epsilon();                               // <= 8
 * }</pre>
 *
 * <p>A privately trained model holds only what DP-SGD released: the GRU's weights and the item vocabulary (treated as
 * the public catalog). It keeps no training sessions, so session kNN, co-occurrence and popularity, which read raw
 * sessions, are left out; the shopper's own recent clicks still count. Immutable.
 */
public final class PrivateTraining {

    /** The default expected number of sessions per step. */
    static final int DEFAULT_SESSIONS_PER_STEP = 4096;

    private final double epsilon;
    private final double delta;
    private final double clipNorm;
    private final int sessionsPerStep;
    private final int maxSessionLength;
    private final double noiseMultiplier;
    private final double averagingDecay;
    private final double itemTableClipShare;

    private PrivateTraining(Builder b) {
        this.epsilon = b.epsilon;
        this.delta = b.delta;
        this.clipNorm = b.clipNorm;
        this.sessionsPerStep = b.sessionsPerStep;
        this.maxSessionLength = b.maxSessionLength;
        this.noiseMultiplier = b.noiseMultiplier;
        this.averagingDecay = b.averagingDecay;
        this.itemTableClipShare = b.itemTableClipShare;
    }

    /** @return a builder; {@link Builder#epsilon(double)} must be set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the privacy budget epsilon that training must not exceed */
    public double epsilon() {
        return epsilon;
    }

    /** @return delta, or 0 for the default {@code min(1e-5, 1 / sessions)} chosen at training time */
    public double delta() {
        return delta;
    }

    /** @return the L2 norm each session's gradient is clipped to */
    public double clipNorm() {
        return clipNorm;
    }

    /** @return the expected number of sessions per step (the Poisson sampling rate times the sessions) */
    public int sessionsPerStep() {
        return sessionsPerStep;
    }

    /** @return the clicks of a session used at most (its first ones) */
    public int maxSessionLength() {
        return maxSessionLength;
    }

    /** @return the noise multiplier, or 0 when it is calibrated to spend at most {@link #epsilon()} */
    public double noiseMultiplier() {
        return noiseMultiplier;
    }

    /**
     * @return the decay of the moving average of the iterates that becomes the released model, or 0 when the last
     *     iterate is released
     */
    public double averagingDecay() {
        return averagingDecay;
    }

    /**
     * @return the share of the squared clip norm given to the item table and its output bias under per-layer
     *     clipping, or 0 when each session's gradient is clipped as a whole
     */
    public double itemTableClipShare() {
        return itemTableClipShare;
    }

    /** @return the delta used for {@code sessions} training sessions */
    double deltaFor(int sessions) {
        return delta > 0 ? delta : Math.min(1e-5, 1.0 / Math.max(1, sessions));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PrivateTraining[epsilon=%s,delta=%s,clip=%s,sessionsPerStep=%d,"
                + "maxSessionLength=%d,noise=%s,averagingDecay=%s,itemTableClipShare=%s]", epsilon,
                delta > 0 ? delta : "auto", clipNorm, sessionsPerStep, maxSessionLength,
                noiseMultiplier > 0 ? noiseMultiplier : "calibrated", averagingDecay, itemTableClipShare);
    }

    /** Builds a {@link PrivateTraining}; every setter validates at once. Not thread-safe. */
    public static final class Builder {
        private double epsilon = Double.NaN;
        private double delta;
        private double clipNorm = 1.0;
        private int sessionsPerStep = DEFAULT_SESSIONS_PER_STEP;
        private int maxSessionLength = 20;
        private double noiseMultiplier;
        private double averagingDecay;
        private double itemTableClipShare;

        private Builder() {
        }

        /** @param epsilon the privacy budget, finite and {@code > 0} (required) @return this builder */
        public Builder epsilon(double epsilon) {
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("epsilon must be finite and > 0, was " + epsilon);
            }
            this.epsilon = epsilon;
            return this;
        }

        /**
         * @param delta in {@code (0, 1)} (default {@code min(1e-5, 1 / sessions)})
         * @return this builder
         */
        public Builder delta(double delta) {
            if (!(delta > 0 && delta < 1)) {
                throw new IllegalArgumentException("delta must be in (0, 1), was " + delta);
            }
            this.delta = delta;
            return this;
        }

        /** @param norm the per-session gradient bound, finite and {@code > 0} (default 1) @return this builder */
        public Builder clipNorm(double norm) {
            if (!(norm > 0) || Double.isInfinite(norm)) {
                throw new IllegalArgumentException("clipNorm must be finite and > 0, was " + norm);
            }
            this.clipNorm = norm;
            return this;
        }

        /**
         * @param n expected sessions per step, {@code >= 1} (default 4096: at a fixed budget and number of epochs,
         *     larger expected batches learned more on YooChoose, see docs/privacy.md; a data set of fewer sessions
         *     trains on all of them each step)
         * @return this builder
         */
        public Builder sessionsPerStep(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("sessionsPerStep must be >= 1, was " + n);
            }
            this.sessionsPerStep = n;
            return this;
        }

        /** @param clicks the first clicks of a session used, {@code >= 2} (default 20) @return this builder */
        public Builder maxSessionLength(int clicks) {
            if (clicks < 2) {
                throw new IllegalArgumentException("maxSessionLength must be >= 2, was " + clicks);
            }
            this.maxSessionLength = clicks;
            return this;
        }

        /**
         * @param sigma a fixed noise multiplier, finite and {@code > 0}; training refuses to start when it would spend
         *     more than the budget (default: the smallest multiplier that keeps within the budget)
         * @return this builder
         */
        public Builder noiseMultiplier(double sigma) {
            if (!(sigma > 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("noiseMultiplier must be finite and > 0, was " + sigma);
            }
            this.noiseMultiplier = sigma;
            return this;
        }

        /**
         * @param decay in {@code [0, 1)}: release the exponential moving average of the iterates, {@code avg = decay
         *     * avg + (1 - decay) * w} after every step, instead of the last iterate; 0 releases the last iterate.
         *     The average is computed from the noised iterates only, so it spends no privacy (default 0)
         * @return this builder
         */
        public Builder averagingDecay(double decay) {
            if (!(decay >= 0 && decay < 1)) {
                throw new IllegalArgumentException("averagingDecay must be in [0, 1), was " + decay);
            }
            this.averagingDecay = decay;
            return this;
        }

        /**
         * @param share in {@code [0, 1)}: per-layer clipping, the item table with its output bias clipped to {@code
         *     clipNorm * sqrt(share)} and the GRU with the context tables to {@code clipNorm * sqrt(1 - share)}, so
         *     that a session's whole gradient stays within {@link #clipNorm(double)} and the accounting is unchanged;
         *     0 clips each session's gradient as a whole (default 0)
         * @return this builder
         */
        public Builder itemTableClipShare(double share) {
            if (!(share >= 0 && share < 1)) {
                throw new IllegalArgumentException("itemTableClipShare must be in [0, 1), was " + share);
            }
            this.itemTableClipShare = share;
            return this;
        }

        /** @return the settings @throws IllegalStateException when epsilon is not set */
        public PrivateTraining build() {
            if (Double.isNaN(epsilon)) {
                throw new IllegalStateException("set the privacy budget: PrivateTraining.builder().epsilon(...)");
            }
            return new PrivateTraining(this);
        }
    }
}
