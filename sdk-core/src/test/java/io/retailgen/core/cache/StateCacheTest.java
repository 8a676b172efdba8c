package io.retailgen.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StateCacheTest {

    private final AtomicLong now = new AtomicLong();

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void sizeBoundEvictsAndIsCounted() {
        StateCache<Integer, String> cache = StateCache.builder().maximumSize(3).recordStats()
                .executor(Runnable::run).build();
        for (int i = 0; i < 10; i++) {
            cache.put(i, "v" + i);
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.stats().evictions()).isEqualTo(7);
        int present = 0;
        for (int i = 0; i < 10; i++) {
            present += cache.get(i).isPresent() ? 1 : 0;
        }
        assertThat(present).isEqualTo(3);
    }

    @Test
    void expireAfterAccessFollowsTheTicker() {
        StateCache<String, String> cache = StateCache.builder().expireAfterAccess(Duration.ofMinutes(30))
                .ticker(now::get).executor(Runnable::run).recordStats().build();
        cache.put("s1", "state1");
        cache.put("s2", "state2");
        advance(Duration.ofMinutes(20));
        assertThat(cache.get("s1")).contains("state1"); // access resets s1's clock
        advance(Duration.ofMinutes(20));
        assertThat(cache.get("s1")).contains("state1");
        assertThat(cache.get("s2")).isEmpty();
        assertThat(cache.size()).isEqualTo(1);
        advance(Duration.ofMinutes(31));
        assertThat(cache.size()).isZero();
        CacheStats stats = cache.stats();
        assertThat(stats.hits()).isEqualTo(2);
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.evictions()).isEqualTo(2);
        assertThat(stats.hitRate()).isEqualTo(2 / 3.0);
    }

    @Test
    void expireAfterWriteIgnoresReads() {
        StateCache<String, String> cache = StateCache.builder().expireAfterWrite(Duration.ofSeconds(10))
                .ticker(now::get).executor(Runnable::run).build();
        cache.put("k", "v");
        advance(Duration.ofSeconds(6));
        assertThat(cache.get("k")).contains("v");
        advance(Duration.ofSeconds(6));
        assertThat(cache.get("k")).isEmpty();
    }

    @Test
    void loaderRunsOnceAndCountsAMiss() {
        StateCache<String, Integer> cache = StateCache.builder().maximumSize(10).recordStats().build();
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get("abc", k -> {
            loads.incrementAndGet();
            return k.length();
        })).isEqualTo(3);
        assertThat(cache.get("abc", k -> {
            loads.incrementAndGet();
            return -1;
        })).isEqualTo(3);
        assertThat(loads).hasValue(1);
        assertThat(cache.stats()).isEqualTo(CacheStats.of(1, 1, 0));
        assertThatThrownBy(() -> cache.get("x", k -> null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("loader returned null for key x");
    }

    @Test
    void computeUpdatesAtomically() throws Exception {
        StateCache<String, List<Integer>> cache = StateCache.builder().maximumSize(100).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    int item = thread * 1000 + i;
                    cache.compute("session", (k, list) -> {
                        List<Integer> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
                        next.add(item);
                        return List.copyOf(next);
                    });
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(cache.get("session")).hasValueSatisfying(list -> assertThat(list).hasSize(1000)
                .doesNotHaveDuplicates());
        assertThat(cache.compute("session", (k, v) -> null)).isNull();
        assertThat(cache.get("session")).isEmpty();
    }

    @Test
    void invalidateRemovesWithoutCountingAnEviction() {
        StateCache<String, String> cache = StateCache.builder().maximumSize(10).recordStats()
                .executor(Runnable::run).build();
        cache.put("a", "1");
        cache.put("b", "2");
        cache.invalidate("a");
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.size()).isEqualTo(1);
        cache.invalidateAll();
        assertThat(cache.size()).isZero();
        assertThat(cache.stats().evictions()).isZero();
    }

    @Test
    void builderValidatesAndNamesWhatIsMissing() {
        assertThatThrownBy(() -> StateCache.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no bound");
        assertThatThrownBy(() -> StateCache.builder().maximumSize(1).maximumSize(2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set to 1");
        assertThatThrownBy(() -> StateCache.builder().maximumSize(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was -1");
        assertThatThrownBy(() -> StateCache.builder().expireAfterAccess(Duration.ZERO))
                .hasMessageContaining("expireAfterAccess must be > 0");
        StateCache<String, String> noStats = StateCache.builder().maximumSize(1).build();
        assertThatThrownBy(noStats::stats).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recordStats()");
        assertThatThrownBy(() -> noStats.put(null, "v")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("key");
        assertThatThrownBy(() -> noStats.put("k", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("value");
    }

    @Test
    void statsRecordValidates() {
        assertThat(CacheStats.of(0, 0, 0).hitRate()).isZero();
        assertThat(CacheStats.of(3, 1, 0).hitRate()).isEqualTo(0.75);
        assertThat(CacheStats.of(3, 1, 0).requests()).isEqualTo(4);
        assertThatThrownBy(() -> new CacheStats(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        long first = Ticker.system().read();
        assertThat(Ticker.system().read()).isGreaterThanOrEqualTo(first);
    }
}
