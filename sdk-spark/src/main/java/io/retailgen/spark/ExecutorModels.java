package io.retailgen.spark;

import io.retailgen.core.bundle.ModelBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models of one executor JVM: each shipped bundle is loaded and verified once, on the first task that needs it,
 * and its model (with its ONNX Runtime session) is reused by every later task of any job on that executor. The
 * models are closed when the JVM shuts down (Spark stops its executors with an orderly exit, which runs the hook).
 */
final class ExecutorModels {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorModels.class);
    private static final Map<String, AutoCloseable> MODELS = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::closeAll, "retailgen-executor-models-close"));
    }

    private ExecutorModels() {
    }

    /**
     * @param bundle the shipped bundle
     * @param type the model class
     * @param loader makes the model from the verified bundle, such as {@code DeepArModel::fromBundle}
     * @return this JVM's one model of that bundle
     */
    static <M extends AutoCloseable> M get(ShippedBundle bundle, Class<M> type, Function<ModelBundle, M> loader) {
        AutoCloseable m = MODELS.computeIfAbsent(type.getName() + "@" + bundle.key(), k -> {
            LOADS.incrementAndGet();
            M loaded = loader.apply(bundle.load());
            LOG.info("loaded {} from {} on this executor", type.getSimpleName(), bundle);
            return loaded;
        });
        return type.cast(m);
    }

    /** @return how many bundles this JVM has loaded since it started (each at most once) */
    static int loads() {
        return LOADS.get();
    }

    /** @return how many models this JVM holds */
    static int size() {
        return MODELS.size();
    }

    /** Closes every model (idempotent); the next {@link #get} loads again. */
    static void closeAll() {
        List<String> keys = new ArrayList<>(MODELS.keySet());
        for (String k : keys) {
            AutoCloseable m = MODELS.remove(k);
            if (m != null) {
                try {
                    m.close();
                } catch (Exception e) {
                    LOG.warn("closing the model {} failed: {}", k, e.toString());
                }
            }
        }
    }
}
