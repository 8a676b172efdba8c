package io.retailgen.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** The forecast module's shared worker pool and the fan-out over it. */
final class ForecastExecutor {

    private ForecastExecutor() {
    }

    /** Created on first use: a fixed pool of daemon threads, one per available processor. */
    private static final class Shared {
        static final ExecutorService POOL = create();

        private static ExecutorService create() {
            AtomicInteger count = new AtomicInteger();
            return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
                Thread t = new Thread(r, "retailgen-forecast-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    static Executor shared() {
        return Shared.POOL;
    }

    /**
     * Applies {@code fn} to every item on {@code executor} and returns the results in input order. An exception
     * thrown by {@code fn} is rethrown as it was (the first in input order).
     */
    static <T, R> List<R> map(Executor executor, List<T> items, Function<? super T, ? extends R> fn) {
        if (items.size() <= 1) {
            return items.stream().<R>map(fn).toList();
        }
        List<CompletableFuture<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(CompletableFuture.supplyAsync(() -> fn.apply(item), executor));
        }
        List<R> out = new ArrayList<>(items.size());
        for (CompletableFuture<R> f : futures) {
            try {
                out.add(f.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
        return List.copyOf(out);
    }
}
