package io.retailgen.core.bundle;

import io.retailgen.core.RetailGenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelHandleTest {

    @TempDir
    Path tmp;

    /** A model that fails loudly when used after close or closed twice. */
    static final class FakeModel implements AutoCloseable {
        final String version;
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicInteger closeCalls = new AtomicInteger();

        FakeModel(String version) {
            this.version = version;
        }

        String predict(int x) {
            if (closed.get()) {
                throw new IllegalStateException("model " + version + " used after close");
            }
            return version + ":" + x;
        }

        @Override
        public void close() {
            closeCalls.incrementAndGet();
            closed.set(true);
        }
    }

    private final List<FakeModel> loaded = new CopyOnWriteArrayList<>();

    private final Function<ModelBundle, FakeModel> loader = b -> {
        FakeModel m = new FakeModel(b.manifest().version());
        loaded.add(m);
        return m;
    };

    @Test
    void servesAndSwapsBundles() throws IOException {
        try (ModelHandle<FakeModel> handle = ModelHandle.of(Bundles.demo("recs", "1").build(), loader)) {
            assertThat(handle.version()).isEqualTo("1");
            assertThat(handle.<String>apply(m -> m.predict(5))).isEqualTo("1:5");
            assertThat(handle.<String, IOException>call(m -> m.predict(6))).isEqualTo("1:6");
            assertThat(handle.<String>applyWithVersion((m, v) -> v + "/" + m.predict(7))).isEqualTo("1/1:7");

            handle.swap(Bundles.demo("recs", "2").build());
            assertThat(handle.version()).isEqualTo("2");
            assertThat(handle.<String>apply(m -> m.predict(5))).isEqualTo("2:5");
            assertThat(loaded.get(0).closeCalls).hasValue(1);
            assertThat(loaded.get(1).closed).isFalse();
        }
        assertThat(loaded).allSatisfy(m -> assertThat(m.closeCalls).hasValue(1));
    }

    @Test
    void oldModelClosesOnlyAfterInFlightRequestsFinish() throws Exception {
        FakeModel first = new FakeModel("1");
        FakeModel second = new FakeModel("2");
        ModelHandle<FakeModel> handle = ModelHandle.of(first, "1");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> inFlight = pool.submit(() -> handle.apply(m -> {
                started.countDown();
                await(proceed);
                return m.predict(1);
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            handle.swap(second, "2");
            assertThat(handle.<String>apply(m -> m.predict(2))).isEqualTo("2:2");
            assertThat(first.closed).isFalse();

            proceed.countDown();
            assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("1:1");
            assertThat(first.closeCalls).hasValue(1);
            assertThat(second.closed).isFalse();
        } finally {
            pool.shutdownNow();
        }
        handle.close();
        assertThat(second.closeCalls).hasValue(1);
    }

    @Test
    void closeIsIdempotentAndWaitsForRunningRequests() throws Exception {
        FakeModel model = new FakeModel("1");
        ModelHandle<FakeModel> handle = ModelHandle.of(model, "1");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> inFlight = pool.submit(() -> handle.apply(m -> {
                started.countDown();
                await(proceed);
                return m.predict(1);
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            handle.close();
            handle.close();
            assertThat(handle.isClosed()).isTrue();
            assertThat(model.closed).isFalse();
            proceed.countDown();
            assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("1:1");
            assertThat(model.closeCalls).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
        assertThatThrownBy(() -> handle.apply(m -> m.predict(1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("model handle is closed");
        assertThatThrownBy(handle::version).isInstanceOf(IllegalStateException.class);
        FakeModel late = new FakeModel("2");
        assertThatThrownBy(() -> handle.swap(late, "2")).isInstanceOf(IllegalStateException.class);
        assertThat(late.closeCalls).as("a model handed to a closed handle is closed").hasValue(1);
    }

    @Test
    void failedLoadKeepsTheCurrentModel() {
        Function<ModelBundle, FakeModel> failing = b -> {
            if (b.manifest().version().equals("bad")) {
                throw new RetailGenException(io.retailgen.core.ErrorCode.MODEL_LOAD_FAILED, "cannot load");
            }
            return loader.apply(b);
        };
        try (ModelHandle<FakeModel> handle = ModelHandle.of(Bundles.demo("recs", "1").build(), failing)) {
            assertThatThrownBy(() -> handle.swap(Bundles.demo("recs", "bad").build()))
                    .isInstanceOf(RetailGenException.class);
            assertThat(handle.version()).isEqualTo("1");
            assertThat(handle.<String>apply(m -> m.predict(0))).isEqualTo("1:0");
        }
    }

    @Test
    void handleWithoutLoaderCannotSwapBundles() {
        try (ModelHandle<FakeModel> handle = ModelHandle.of(new FakeModel("1"), "1")) {
            assertThatThrownBy(() -> handle.swap(Bundles.demo("recs", "2").build()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no loader");
            assertThatThrownBy(handle::refresh).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not follow a registry");
            assertThatThrownBy(() -> handle.swap(handle.apply(m -> m), "1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already being served");
        }
    }

    @Test
    void followsTheRegistry() {
        ModelRegistry registry = ModelRegistry.open(tmp);
        registry.publish(Bundles.demo("recs", "1").build());
        try (ModelHandle<FakeModel> handle = ModelHandle.fromRegistry(registry, "recs", loader)) {
            assertThat(handle.version()).isEqualTo("1");
            assertThat(handle.refresh()).isFalse();

            registry.publish(Bundles.demo("recs", "2").build());
            assertThat(handle.refresh()).isTrue();
            assertThat(handle.version()).isEqualTo("2");
            assertThat(handle.<String>apply(m -> m.predict(1))).isEqualTo("2:1");

            registry.rollback("recs");
            assertThat(handle.refresh()).isTrue();
            assertThat(handle.version()).isEqualTo("1");
            assertThat(handle.refresh()).isFalse();
        }
        assertThat(loaded).extracting(m -> m.version).containsExactly("1", "2", "1");
        assertThat(loaded).allSatisfy(m -> assertThat(m.closeCalls).hasValue(1));
    }

    @Test
    void hotSwapUnderConcurrentLoadDropsNoRequest() throws Exception {
        int threads = 8;
        int swaps = 100;
        List<FakeModel> models = new ArrayList<>();
        models.add(new FakeModel("0"));
        ModelHandle<FakeModel> handle = ModelHandle.of(models.get(0), "0");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ok = new AtomicLong();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(pool.submit(() -> {
                running.countDown();
                int i = 0;
                while (!stop.get()) {
                    try {
                        String out = handle.apply(m -> {
                            String first = m.predict(id);
                            Thread.yield();
                            // still open in the middle of the request
                            return first + "|" + m.predict(id);
                        });
                        String[] parts = out.split("\\|");
                        if (!parts[0].equals(parts[1])) {
                            throw new AssertionError("one request saw two models: " + out);
                        }
                        ok.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                    i++;
                }
                return i;
            }));
        }
        try {
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            for (int s = 1; s <= swaps; s++) {
                FakeModel next = new FakeModel(Integer.toString(s));
                models.add(next);
                handle.swap(next, next.version);
                Thread.yield();
            }
            long before = ok.get();
            while (ok.get() < before + threads) {
                Thread.onSpinWait();
            }
        } finally {
            stop.set(true);
            for (Future<?> w : workers) {
                w.get(30, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
        }
        assertThat(failures).isEmpty();
        assertThat(ok.get()).isGreaterThan(0);
        assertThat(handle.version()).isEqualTo(Integer.toString(swaps));
        for (FakeModel m : models.subList(0, swaps)) {
            assertThat(m.closeCalls).as("model %s closed once", m.version).hasValue(1);
        }
        assertThat(models.get(swaps).closed).isFalse();
        handle.close();
        assertThat(models).allSatisfy(m -> assertThat(m.closeCalls).hasValue(1));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
