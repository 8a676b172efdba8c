package io.retailgen.core.runtime;

import java.util.concurrent.atomic.AtomicLong;

/** Counts native tensors and results opened by the built-in backends, so that tests can prove none leak. */
final class NativeResources {
    private static final AtomicLong OPEN = new AtomicLong();

    private NativeResources() {
    }

    static void opened(int n) {
        OPEN.addAndGet(n);
    }

    static void closed(int n) {
        OPEN.addAndGet(-n);
    }

    static long open() {
        return OPEN.get();
    }
}
