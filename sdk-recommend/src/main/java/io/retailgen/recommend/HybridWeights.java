package io.retailgen.recommend;

/**
 * How the ranking signals are blended, each normalised to a maximum of 1 within a request.
 *
 * <pre>{@code
 * HybridWeights w = new HybridWeights(1.0, 1.0, 0.5, 1.0, 0.0, 0.0);
 * }</pre>
 *
 * @param sequence weight of the sequence model's next-item probability, {@code >= 0}
 * @param sessionKnn weight of the session-kNN relevance, {@code >= 0}
 * @param coOccurrence weight of item co-occurrence with the session's recent items, {@code >= 0}
 * @param recentlyViewed weight of the shopper's own recent clicks: an item viewed {@code j} clicks ago (0 = the
 *     last click) scores {@code 0.3^j}, over the last 20 clicks; shoppers often return to what they just viewed
 *     (in the YooChoose sample a quarter of all next clicks repeat the last item), {@code >= 0}
 * @param novelty {@code 0..1}: 0 ranks by relevance alone; higher values discount items the shopper viewed or that
 *     closely co-occur with viewed ones, in favour of likely items the shopper has not considered
 * @param diversity {@code 0..1}: the MMR trade-off; 0 ranks by relevance alone, higher values penalise items
 *     similar (same category, or co-occurring) to items already in the list
 */
public record HybridWeights(double sequence, double sessionKnn, double coOccurrence, double recentlyViewed,
        double novelty, double diversity) {

    /** The weights tuned on the YooChoose sample (see docs/recommend.md). */
    public static final HybridWeights DEFAULT = new HybridWeights(1.0, 1.0, 0.5, 1.0, 0.0, 0.0);

    /** Validates the ranges. */
    public HybridWeights {
        for (double v : new double[] {sequence, sessionKnn, coOccurrence, recentlyViewed}) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("signal weights must be finite and >= 0, were " + sequence + ", "
                        + sessionKnn + ", " + coOccurrence + ", " + recentlyViewed);
            }
        }
        if (sequence + sessionKnn + coOccurrence + recentlyViewed == 0) {
            throw new IllegalArgumentException("at least one signal weight must be > 0");
        }
        if (!(novelty >= 0 && novelty <= 1)) {
            throw new IllegalArgumentException("novelty must be in 0..1, was " + novelty);
        }
        if (!(diversity >= 0 && diversity <= 1)) {
            throw new IllegalArgumentException("diversity must be in 0..1, was " + diversity);
        }
    }

    /** @param s the sequence weight @return a copy */
    public HybridWeights withSequence(double s) {
        return new HybridWeights(s, sessionKnn, coOccurrence, recentlyViewed, novelty, diversity);
    }

    /** @param s the kNN weight @return a copy */
    public HybridWeights withSessionKnn(double s) {
        return new HybridWeights(sequence, s, coOccurrence, recentlyViewed, novelty, diversity);
    }

    /** @param s the co-occurrence weight @return a copy */
    public HybridWeights withCoOccurrence(double s) {
        return new HybridWeights(sequence, sessionKnn, s, recentlyViewed, novelty, diversity);
    }

    /** @param r the recently-viewed weight @return a copy */
    public HybridWeights withRecentlyViewed(double r) {
        return new HybridWeights(sequence, sessionKnn, coOccurrence, r, novelty, diversity);
    }

    /** @param n the novelty knob @return a copy */
    public HybridWeights withNovelty(double n) {
        return new HybridWeights(sequence, sessionKnn, coOccurrence, recentlyViewed, n, diversity);
    }

    /** @param d the diversity knob @return a copy */
    public HybridWeights withDiversity(double d) {
        return new HybridWeights(sequence, sessionKnn, coOccurrence, recentlyViewed, novelty, d);
    }
}
