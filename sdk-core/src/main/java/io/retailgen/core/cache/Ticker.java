package io.retailgen.core.cache;

/**
 * A time source for cache expiry, in nanoseconds from an arbitrary origin (like {@link System#nanoTime()}). Tests
 * pass a fake one to move time forward without sleeping.
 *
 * <pre>{@code
 * AtomicLong now = new AtomicLong();
 * StateCache<String, String> cache = StateCache.builder()
 *         .expireAfterAccess(Duration.ofMinutes(30)).ticker(now::get).build();
 * now.addAndGet(Duration.ofMinutes(31).toNanos()); // entries are now expired
 * }</pre>
 *
 * <p>Implementations must be thread-safe and never go backwards.
 */
@FunctionalInterface
public interface Ticker {

    /** @return the current time in nanoseconds */
    long read();

    /** @return the ticker backed by {@link System#nanoTime()} */
    static Ticker system() {
        return System::nanoTime;
    }
}
