package io.retailgen.core.cache;

/**
 * Counters of a {@link StateCache} since it was built.
 *
 * @param hits lookups that found a value
 * @param misses lookups that found none (including those that then loaded one)
 * @param evictions entries removed for size or time (not those removed by {@code invalidate})
 * @param hitRate {@code hits / (hits + misses)}, or 0 when there were no lookups
 */
public record CacheStats(long hits, long misses, long evictions, double hitRate) {

    /** Validates. */
    public CacheStats {
        if (hits < 0 || misses < 0 || evictions < 0) {
            throw new IllegalArgumentException("counts must be >= 0, were hits " + hits + ", misses " + misses
                    + ", evictions " + evictions);
        }
        if (!(hitRate >= 0 && hitRate <= 1)) {
            throw new IllegalArgumentException("hitRate must be in [0, 1], was " + hitRate);
        }
    }

    /**
     * @param hits lookups that found a value
     * @param misses lookups that found none
     * @param evictions entries removed for size or time
     * @return the stats with the hit rate computed
     */
    public static CacheStats of(long hits, long misses, long evictions) {
        long requests = hits + misses;
        return new CacheStats(hits, misses, evictions, requests == 0 ? 0.0 : hits / (double) requests);
    }

    /** @return the number of lookups */
    public long requests() {
        return hits + misses;
    }
}
