package io.retailgen.training;

import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Utils;
import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** DJL configuration, the engine loading shared by {@link TrainingEngine} and its probe, and PyTorch's threads. */
final class EngineBootstrap {

    static final String OFFLINE_PROPERTY = "ai.djl.offline";
    static final String CACHE_DIR_KEY = "DJL_CACHE_DIR";

    private static final Logger LOG = LoggerFactory.getLogger(TrainingEngine.class);
    private static final Object LOCK = new Object();
    private static Path loadedWith;

    private EngineBootstrap() {
    }

    /** The cache directory an application opts into: argument, system property, environment variable, home default. */
    static Path requestedCacheDir(Path explicit, String property, String env, String userHome) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        if (property != null && !property.isBlank()) {
            return Paths.get(property).toAbsolutePath().normalize();
        }
        if (env != null && !env.isBlank()) {
            return Paths.get(env).toAbsolutePath().normalize();
        }
        return Paths.get(userHome, ".retailgen", "djl").toAbsolutePath().normalize();
    }

    /**
     * The explicit opt-in of an application that owns its JVM (a command-line tool): sets {@code ai.djl.offline=true}
     * unless set, and the system property {@code DJL_CACHE_DIR} to the requested directory.
     */
    static Path configureJvm(Path explicit) {
        synchronized (LOCK) {
            if (System.getProperty(OFFLINE_PROPERTY) == null) {
                System.setProperty(OFFLINE_PROPERTY, "true");
            }
            Path requested = requestedCacheDir(explicit, System.getProperty(CACHE_DIR_KEY), System.getenv(CACHE_DIR_KEY),
                    System.getProperty("user.home"));
            System.setProperty(CACHE_DIR_KEY, requested.toString());
            return requested;
        }
    }

    /**
     * Answers the cache directory DJL really uses. Sets nothing in the JVM unless a directory was asked for
     * explicitly ({@code TrainingEngine.Builder.cacheDir}): then the system property {@code DJL_CACHE_DIR}, the only
     * way DJL takes one (DJL reads the environment variable before the system property, so a set
     * {@code DJL_CACHE_DIR} environment variable wins).
     */
    static Path configure(Path explicit) {
        synchronized (LOCK) {
            Path requested = null;
            if (explicit != null) {
                requested = explicit.toAbsolutePath().normalize();
                System.setProperty(CACHE_DIR_KEY, requested.toString());
            }
            Path effective = Utils.getCacheDir().toAbsolutePath().normalize();
            if (requested != null && !effective.equals(requested)) {
                LOG.warn("DJL cache directory is {} (from the environment variable {}), not the requested {}",
                        effective, CACHE_DIR_KEY, requested);
            }
            if (loadedWith != null && !loadedWith.equals(effective)) {
                LOG.warn("the PyTorch engine was already loaded in this JVM from cache directory {}; "
                        + "cache directory {} has no effect until the JVM restarts", loadedWith, effective);
                return loadedWith;
            }
            return effective;
        }
    }

    /**
     * The intra-op thread count of PyTorch for a trainer: the explicit count when positive, else the one the
     * application chose ({@code -Dai.djl.pytorch.num_threads}, else {@code OMP_NUM_THREADS}), else
     * {@code defaultThreads}.
     */
    static int threadsFor(int explicit, String property, String ompEnv, int defaultThreads) {
        if (explicit > 0) {
            return explicit;
        }
        int chosen = positive(property);
        if (chosen == 0) {
            chosen = positive(ompEnv);
        }
        return chosen > 0 ? chosen : defaultThreads;
    }

    private static int positive(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Sets PyTorch's intra-op thread count (process-wide native state) when {@code threads > 0}. */
    static void applyThreads(int threads) {
        if (threads > 0 && JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
    }

    static Engine load(Path cacheDir) {
        return load(cacheDir, () -> Engine.getEngine(TrainingEngine.ENGINE_NAME));
    }

    static Engine load(Path cacheDir, Supplier<Engine> loader) {
        Engine engine;
        try {
            engine = loader.get();
        } catch (RuntimeException | LinkageError e) {
            throw unavailable(cacheDir, e);
        }
        if (engine == null) {
            throw unavailable(cacheDir, null);
        }
        synchronized (LOCK) {
            if (loadedWith == null) {
                loadedWith = cacheDir;
            }
        }
        return engine;
    }

    private static RetailGenException unavailable(Path cacheDir, Throwable cause) {
        String why = cause == null ? "no engine returned" : describe(cause);
        return new RetailGenException(ErrorCode.ENGINE_UNAVAILABLE,
                "the " + TrainingEngine.ENGINE_NAME + " training engine could not be loaded (" + why + "); put the "
                        + "native library on the class path with the Maven artifact " + TrainingEngine.NATIVE_ARTIFACT
                        + " (plus ai.djl.pytorch:pytorch-engine and ai.djl.pytorch:pytorch-jni), and make sure the cache "
                        + "directory " + cacheDir + " is writable",
                cause);
    }

    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Throwable c = t;
        for (int depth = 0; c != null && depth < 4; depth++, c = c.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(c.getClass().getSimpleName());
            if (c.getMessage() != null) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
    }

    /** Number of CUDA devices the loaded engine can use: 0 unless its native library was built with CUDA. */
    static int usableGpus(Engine engine) {
        if (!engine.hasCapability(StandardCapabilities.CUDA)) {
            return 0;
        }
        return Math.max(0, engine.getGpuCount());
    }

    /** Maps our device onto DJL's, falling back to the CPU (or failing in strict mode) when the GPU is absent. */
    static ai.djl.Device mapDevice(Device requested, int usableGpus, boolean strict) {
        if (!requested.isGpu()) {
            return ai.djl.Device.cpu();
        }
        if (requested.index() < usableGpus) {
            return ai.djl.Device.gpu(requested.index());
        }
        String why = usableGpus == 0
                ? "the loaded " + TrainingEngine.ENGINE_NAME + " native library has no usable CUDA device "
                        + "(a CPU-only build such as " + TrainingEngine.NATIVE_ARTIFACT + ", or no GPU/driver)"
                : "only " + usableGpus + " CUDA device(s) are usable (valid: cuda:0..cuda:" + (usableGpus - 1) + ")";
        if (strict) {
            throw new RetailGenException(ErrorCode.BACKEND_UNAVAILABLE,
                    "training device " + requested + " is not available: " + why);
        }
        LOG.warn("training device {} is not available ({}); training on the CPU instead", requested, why);
        return ai.djl.Device.cpu();
    }
}
