package io.retailgen.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A bounded, concurrent in-memory cache for per-session state (the items a shopper viewed, a session's hidden
 * state) and hot results (the top-k list for a popular item), backed by Caffeine. Entries are bounded by count
 * and/or expire after a time without access or since written.
 *
 * <pre>{@code
 * StateCache<String, SessionState> sessions = StateCache.builder()
 *         .maximumSize(100_000)
 *         .expireAfterAccess(Duration.ofMinutes(30))
 *         .recordStats()
 *         .build();
 * SessionState state = sessions.get(sessionId, id -> new SessionState());
 * sessions.compute(sessionId, (id, s) -> s == null ? SessionState.of(item) : s.plus(item));
 * }</pre>
 *
 * <p>Thread-safe; meant to be shared. Size bounds are enforced soon after a write, not at once: the size may briefly
 * exceed the maximum, and {@link #size()} runs pending maintenance first. Eviction picks entries by Caffeine's
 * frequency-and-recency policy, so it is not strictly least-recently-used.
 *
 * @param <K> the key type (compared with {@code equals})
 * @param <V> the value type
 */
public final class StateCache<K, V> {

    private final Cache<K, V> cache;
    private final boolean recordingStats;

    private StateCache(Cache<K, V> cache, boolean recordingStats) {
        this.cache = cache;
        this.recordingStats = recordingStats;
    }

    /** @return a builder of an unbounded cache without expiry or stats; set at least one bound */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param key the key
     * @return the value, or empty when absent or expired
     */
    public Optional<V> get(K key) {
        return Optional.ofNullable(cache.getIfPresent(requireKey(key)));
    }

    /**
     * Returns the value, computing and storing it when absent. Concurrent calls for the same key compute it once;
     * the loader must be quick and must not touch this cache.
     *
     * @param key the key
     * @param loader computes the value from the key; must not return null
     * @return the present or computed value
     * @throws NullPointerException when the loader returns null
     */
    public V get(K key, Function<? super K, ? extends V> loader) {
        Objects.requireNonNull(loader, "loader == null");
        V value = cache.get(requireKey(key), loader);
        if (value == null) {
            throw new NullPointerException("loader returned null for key " + key);
        }
        return value;
    }

    /**
     * @param key the key
     * @param value the value, replacing any present one
     */
    public void put(K key, V value) {
        cache.put(requireKey(key), Objects.requireNonNull(value, "value == null"));
    }

    /**
     * Atomically replaces the value for a key with a function of the present value.
     *
     * @param key the key
     * @param remapping gets the key and the present value (null when absent); returns the new value, or null to
     *     remove the entry
     * @return the new value, or null when removed
     */
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
        Objects.requireNonNull(remapping, "remapping == null");
        return cache.asMap().compute(requireKey(key), remapping);
    }

    /** @param key the key whose entry to remove, if any */
    public void invalidate(K key) {
        cache.invalidate(requireKey(key));
    }

    /** Removes every entry. */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /** @return the number of entries after pending evictions and expiries ran; an estimate under concurrency */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Runs pending maintenance (evictions, expiries) now; normally it runs on its own as the cache is used. */
    public void cleanUp() {
        cache.cleanUp();
    }

    /**
     * @return the counters since the cache was built
     * @throws IllegalStateException when the cache was built without {@link Builder#recordStats()}
     */
    public CacheStats stats() {
        if (!recordingStats) {
            throw new IllegalStateException("this cache does not record stats; build it with recordStats()");
        }
        com.github.benmanes.caffeine.cache.stats.CacheStats s = cache.stats();
        return CacheStats.of(s.hitCount(), s.missCount(), s.evictionCount());
    }

    private static <K> K requireKey(K key) {
        return Objects.requireNonNull(key, "key == null");
    }

    /**
     * Sets up a {@link StateCache}. Each setting may be set once; setters validate at once. Not thread-safe.
     */
    public static final class Builder {
        private long maximumSize = -1;
        private Duration expireAfterAccess;
        private Duration expireAfterWrite;
        private boolean recordStats;
        private Ticker ticker;
        private Executor executor;

        private Builder() {
        }

        /**
         * @param maximumSize the most entries, {@code >= 0}
         * @return this builder
         */
        public Builder maximumSize(long maximumSize) {
            if (this.maximumSize >= 0) {
                throw new IllegalStateException("maximumSize was already set to " + this.maximumSize);
            }
            if (maximumSize < 0) {
                throw new IllegalArgumentException("maximumSize must be >= 0, was " + maximumSize);
            }
            this.maximumSize = maximumSize;
            return this;
        }

        /**
         * @param duration how long an entry lives after it was last read or written, {@code > 0}
         * @return this builder
         */
        public Builder expireAfterAccess(Duration duration) {
            if (expireAfterAccess != null) {
                throw new IllegalStateException("expireAfterAccess was already set to " + expireAfterAccess);
            }
            this.expireAfterAccess = requirePositive(duration, "expireAfterAccess");
            return this;
        }

        /**
         * @param duration how long an entry lives after it was last written, {@code > 0}
         * @return this builder
         */
        public Builder expireAfterWrite(Duration duration) {
            if (expireAfterWrite != null) {
                throw new IllegalStateException("expireAfterWrite was already set to " + expireAfterWrite);
            }
            this.expireAfterWrite = requirePositive(duration, "expireAfterWrite");
            return this;
        }

        /**
         * Counts hits, misses and evictions for {@link StateCache#stats()} (a small cost on every access).
         *
         * @return this builder
         */
        public Builder recordStats() {
            this.recordStats = true;
            return this;
        }

        /**
         * @param ticker the time source for expiry ({@link Ticker#system()} by default)
         * @return this builder
         */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker == null");
            return this;
        }

        /**
         * @param executor runs maintenance work such as eviction (the common fork-join pool by default; tests pass
         *     {@code Runnable::run} to run it on the calling thread)
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor == null");
            return this;
        }

        /**
         * @param <K> the key type
         * @param <V> the value type
         * @return the cache
         * @throws IllegalStateException when no bound was set (no maximum size and no expiry)
         */
        public <K, V> StateCache<K, V> build() {
            if (maximumSize < 0 && expireAfterAccess == null && expireAfterWrite == null) {
                throw new IllegalStateException("the cache has no bound: set maximumSize, expireAfterAccess or "
                        + "expireAfterWrite");
            }
            Caffeine<Object, Object> b = Caffeine.newBuilder();
            if (maximumSize >= 0) {
                b.maximumSize(maximumSize);
            }
            if (expireAfterAccess != null) {
                b.expireAfterAccess(expireAfterAccess);
            }
            if (expireAfterWrite != null) {
                b.expireAfterWrite(expireAfterWrite);
            }
            if (recordStats) {
                b.recordStats();
            }
            if (ticker != null) {
                Ticker t = ticker;
                b.ticker(t::read);
            }
            if (executor != null) {
                b.executor(executor);
            }
            return new StateCache<>(b.build(), recordStats);
        }

        private static Duration requirePositive(Duration d, String name) {
            Objects.requireNonNull(d, name + " == null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be > 0, was " + d);
            }
            return d;
        }
    }
}
