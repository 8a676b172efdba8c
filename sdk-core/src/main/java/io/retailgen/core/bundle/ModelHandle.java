package io.retailgen.core.bundle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Serves one loaded model at a time and replaces it atomically while requests keep running (hot swap).
 *
 * <p>Each request runs against the model that is current when it starts and holds a reference to it; {@link #swap}
 * installs a new model at once, and the old model is closed only when the last request still using it finishes
 * (reference counting, no locks on the request path). The handle owns every model given to it: it closes each exactly
 * once.
 *
 * <pre>{@code
 * Function<ModelBundle, OnnxModel> loader = b -> OnnxModel.load(b.modelBytes());
 * try (ModelHandle<OnnxModel> handle = ModelHandle.fromRegistry(registry, "storefront-recs", loader)) {
 *     float[] scores = handle.apply(model -> model.score(input));   // any number of threads
 *     ...
 *     handle.refresh();                   // elsewhere, periodically: swaps when the registry's current version moved
 * }
 * }</pre>
 *
 * <p><b>Thread-safety.</b> All methods are safe to call from any thread. Requests never block each other or a swap.
 * {@link #close()} does not wait: it stops new requests, and the last running request closes the model. An exception
 * thrown by a model's {@code close()} is logged at WARN and not propagated, since it may happen on a request thread.
 *
 * @param <M> the type of loaded model, for example an ONNX Runtime session wrapper
 */
public final class ModelHandle<M extends AutoCloseable> implements AutoCloseable {

    /**
     * A request against a model that may throw a checked exception.
     *
     * @param <M> the model type
     * @param <R> the result type
     * @param <X> the checked exception the request may throw
     */
    @FunctionalInterface
    public interface Call<M, R, X extends Exception> {
        /**
         * @param model the current model; valid only during this call, do not keep it
         * @return the result
         * @throws X when the request fails
         */
        R call(M model) throws X;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ModelHandle.class);

    private final AtomicReference<Slot<M>> current;
    private final Function<? super ModelBundle, ? extends M> loader;
    private final ModelRegistry registry;
    private final String registryName;
    private final Object refreshLock = new Object();

    private ModelHandle(Slot<M> first, Function<? super ModelBundle, ? extends M> loader, ModelRegistry registry,
            String registryName) {
        this.current = new AtomicReference<>(first);
        this.loader = loader;
        this.registry = registry;
        this.registryName = registryName;
    }

    /**
     * Wraps an already loaded model. Such a handle can only be swapped with {@link #swap(AutoCloseable, String)}.
     *
     * @param model the model; the handle takes ownership and closes it
     * @param version the version it serves, reported by {@link #version()}
     * @param <M> the model type
     * @return the handle
     */
    public static <M extends AutoCloseable> ModelHandle<M> of(M model, String version) {
        return new ModelHandle<>(new Slot<>(Objects.requireNonNull(model, "model == null"),
                Objects.requireNonNull(version, "version == null")), null, null, null);
    }

    /**
     * Loads {@code bundle} with {@code loader} and serves it; later bundles given to {@link #swap(ModelBundle)} are
     * loaded the same way.
     *
     * @param bundle the first bundle to serve
     * @param loader turns a bundle into a model, e.g. by opening an ONNX Runtime session on its model bytes
     * @param <M> the model type
     * @return the handle
     */
    public static <M extends AutoCloseable> ModelHandle<M> of(ModelBundle bundle,
            Function<? super ModelBundle, ? extends M> loader) {
        Objects.requireNonNull(bundle, "bundle == null");
        Objects.requireNonNull(loader, "loader == null");
        return new ModelHandle<>(loadSlot(loader, bundle), loader, null, null);
    }

    /**
     * Serves the current version of model {@code name} in {@code registry} ({@link ModelRegistry#resolve}); call
     * {@link #refresh()} to follow later publishes, pins and rollbacks. Every bundle is loaded with the registry's
     * {@link BundleLoadOptions}, so a registry opened with a trusted key makes the handle serve only bundles signed
     * by it.
     *
     * @param registry the registry
     * @param name the model name in it
     * @param loader turns a bundle into a model
     * @param <M> the model type
     * @return the handle
     * @throws io.retailgen.core.RetailGenException when the model cannot be resolved or loaded
     */
    public static <M extends AutoCloseable> ModelHandle<M> fromRegistry(ModelRegistry registry, String name,
            Function<? super ModelBundle, ? extends M> loader) {
        Objects.requireNonNull(registry, "registry == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(loader, "loader == null");
        return new ModelHandle<>(loadSlot(loader, registry.load(name)), loader, registry, name);
    }

    /**
     * Runs a request against the current model.
     *
     * @param fn the request; it must not keep the model beyond its return
     * @param <R> the result type
     * @return what {@code fn} returned
     * @throws IllegalStateException when the handle is closed
     */
    public <R> R apply(Function<? super M, ? extends R> fn) {
        Objects.requireNonNull(fn, "fn == null");
        Slot<M> slot = acquire();
        try {
            return fn.apply(slot.model);
        } finally {
            slot.release();
        }
    }

    /**
     * Runs a request against the current model, also passing the version it serves (to record in the response).
     *
     * @param fn the request, given the model and its version
     * @param <R> the result type
     * @return what {@code fn} returned
     * @throws IllegalStateException when the handle is closed
     */
    public <R> R applyWithVersion(BiFunction<? super M, String, ? extends R> fn) {
        Objects.requireNonNull(fn, "fn == null");
        Slot<M> slot = acquire();
        try {
            return fn.apply(slot.model, slot.version);
        } finally {
            slot.release();
        }
    }

    /**
     * Runs a request that may throw a checked exception against the current model.
     *
     * @param fn the request; it must not keep the model beyond its return
     * @param <R> the result type
     * @param <X> the checked exception type
     * @return what {@code fn} returned
     * @throws X when {@code fn} throws it
     * @throws IllegalStateException when the handle is closed
     */
    public <R, X extends Exception> R call(Call<? super M, ? extends R, X> fn) throws X {
        Objects.requireNonNull(fn, "fn == null");
        Slot<M> slot = acquire();
        try {
            return fn.call(slot.model);
        } finally {
            slot.release();
        }
    }

    /**
     * Loads {@code bundle} with this handle's loader and makes it current. Requests already running finish on the
     * old model, which is closed after the last of them. If loading fails, the current model stays.
     *
     * @param bundle the bundle to serve
     * @throws IllegalStateException when the handle is closed or was made by {@link #of(AutoCloseable, String)}
     *     without a loader
     */
    public void swap(ModelBundle bundle) {
        Objects.requireNonNull(bundle, "bundle == null");
        if (loader == null) {
            throw new IllegalStateException("this handle has no loader (made with ModelHandle.of(model, version));"
                    + " use swap(model, version)");
        }
        ensureOpen();
        install(loadSlot(loader, bundle));
    }

    /**
     * Makes {@code model} current. Requests already running finish on the old model, which is closed after the last
     * of them.
     *
     * @param model the new model; the handle takes ownership (and closes it at once if the handle is closed)
     * @param version the version it serves
     * @throws IllegalStateException when the handle is closed
     * @throws IllegalArgumentException when {@code model} is the instance already being served
     */
    public void swap(M model, String version) {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(version, "version == null");
        if (current.get().model == model) {
            throw new IllegalArgumentException("model " + model + " is already being served");
        }
        install(new Slot<>(model, version));
    }

    /**
     * For a handle made by {@link #fromRegistry}: loads and swaps in the registry's current version when it differs
     * from the version served now. Concurrent calls are serialised.
     *
     * @return true when a new version was swapped in
     * @throws IllegalStateException when the handle is closed or does not follow a registry
     * @throws io.retailgen.core.RetailGenException when the registry cannot be read or the bundle loaded; the
     *     current model then stays
     */
    public boolean refresh() {
        if (registry == null) {
            throw new IllegalStateException("this handle does not follow a registry; make it with"
                    + " ModelHandle.fromRegistry(registry, name, loader)");
        }
        synchronized (refreshLock) {
            String wanted = registry.resolve(registryName);
            if (wanted.equals(version())) {
                return false;
            }
            swap(registry.load(registryName, wanted));
            return true;
        }
    }

    /**
     * @return the version of the model that new requests run against
     * @throws IllegalStateException when the handle is closed
     */
    public String version() {
        Slot<M> slot = current.get();
        if (slot.isClosedMarker()) {
            throw closedError();
        }
        return slot.version;
    }

    /** @return whether {@link #close()} has been called */
    public boolean isClosed() {
        return current.get().isClosedMarker();
    }

    /**
     * Stops serving: new requests fail with {@link IllegalStateException}; the current model is closed when the last
     * running request finishes (at once when none runs). Idempotent.
     */
    @Override
    public void close() {
        Slot<M> old = current.getAndSet(Slot.closedMarker());
        if (!old.isClosedMarker()) {
            old.release();
        }
    }

    @Override
    public String toString() {
        Slot<M> slot = current.get();
        return "ModelHandle[" + (slot.isClosedMarker() ? "closed" : "version=" + slot.version) + "]";
    }

    private void install(Slot<M> next) {
        while (true) {
            Slot<M> old = current.get();
            if (old.isClosedMarker()) {
                next.release();
                throw closedError();
            }
            if (current.compareAndSet(old, next)) {
                old.release();
                LOG.info("model handle now serves version {} (was {})", next.version, old.version);
                return;
            }
        }
    }

    private Slot<M> acquire() {
        while (true) {
            Slot<M> slot = current.get();
            if (slot.isClosedMarker()) {
                throw closedError();
            }
            if (slot.tryRetain()) {
                return slot;
            }
            // The slot was swapped out and drained between get() and tryRetain(); the next get() sees its successor.
        }
    }

    private void ensureOpen() {
        if (isClosed()) {
            throw closedError();
        }
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("model handle is closed");
    }

    private static <M extends AutoCloseable> Slot<M> loadSlot(Function<? super ModelBundle, ? extends M> loader,
            ModelBundle bundle) {
        M model = loader.apply(bundle);
        if (model == null) {
            throw new NullPointerException("loader returned null for " + bundle);
        }
        return new Slot<>(model, bundle.manifest().version());
    }

    /**
     * One model plus its reference count: 1 for being current, plus 1 per running request. The model closes when the
     * count drops to 0, which can only happen after the slot stopped being current.
     */
    private static final class Slot<M extends AutoCloseable> {
        private static final Slot<AutoCloseable> CLOSED = new Slot<>();

        final M model;
        final String version;
        private final AtomicInteger refs;

        Slot(M model, String version) {
            this.model = model;
            this.version = version;
            this.refs = new AtomicInteger(1);
        }

        private Slot() {
            this.model = null;
            this.version = null;
            this.refs = new AtomicInteger(0);
        }

        @SuppressWarnings("unchecked") // the marker holds no model, so it is a Slot of every M
        static <M extends AutoCloseable> Slot<M> closedMarker() {
            return (Slot<M>) CLOSED;
        }

        boolean isClosedMarker() {
            return this == CLOSED;
        }

        boolean tryRetain() {
            while (true) {
                int n = refs.get();
                if (n == 0) {
                    return false;
                }
                if (refs.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }

        void release() {
            int n = refs.decrementAndGet();
            if (n == 0) {
                try {
                    model.close();
                    LOG.debug("closed model version {}", version);
                } catch (Exception e) {
                    LOG.warn("closing model version {} failed: {}", version, e.toString(), e);
                }
            } else if (n < 0) {
                throw new IllegalStateException("model version " + version + " released more often than retained");
            }
        }
    }
}
