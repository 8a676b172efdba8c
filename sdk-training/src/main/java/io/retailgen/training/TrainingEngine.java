package io.retailgen.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bootstrap of training: loads DJL's PyTorch engine fully offline, seeds it, and picks the device.
 *
 * <pre>{@code
 * TrainingEngine engine = TrainingEngine.builder()
 *         .seed(42)
 *         .device(Device.parse("cuda:0"))      // falls back to the CPU with one WARN line
 *         .build();
 * try (NDManager manager = engine.newManager()) {
 *     NDArray w = manager.randomNormal(new Shape(4, 8));
 *     ...
 * }
 * System.out.println(engine.describe());      // PyTorch 2.7.1 (DJL 0.36.0) on cpu, seed 42, ...
 * }</pre>
 *
 * <p><b>Offline.</b> Building an engine sets the system property {@code ai.djl.offline=true} unless the application
 * set it, so DJL never downloads anything; the native library must come from the Maven artifact
 * {@value #NATIVE_ARTIFACT} (or a CUDA flavour) on the class path. DJL unpacks it into its cache directory, chosen in
 * this order: {@link Builder#cacheDir(Path)}, the system property {@code DJL_CACHE_DIR}, the environment variable
 * {@code DJL_CACHE_DIR}, {@code ~/.retailgen/djl}. DJL itself reads the environment variable before the system
 * property, so a set environment variable wins over the first two (one WARN line says so). The native engine loads
 * once per JVM: the cache directory of the first engine built stays in use.
 *
 * <p><b>Seeds.</b> {@link Builder#build()} seeds the PyTorch engine's global random generator and DJL's
 * {@code RandomUtils}; these are process-wide, so two engines built in one JVM share them and the one built last
 * decides. {@link #reseed()} resets them to this engine's seed, for example before each of two runs that must give
 * identical results.
 *
 * <p>Instances are immutable and safe to share between threads; the {@link NDManager}s they hand out are not, and
 * belong to the caller, who closes them.
 */
public final class TrainingEngine {

    /** The DJL engine used for training. */
    public static final String ENGINE_NAME = "PyTorch";
    /** The Maven coordinates of the CPU native library this SDK is built against. */
    public static final String NATIVE_ARTIFACT = "ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64";

    private final Engine engine;
    private final int seed;
    private final Device requestedDevice;
    private final Device device;
    private final ai.djl.Device djlDevice;
    private final Path cacheDir;

    private TrainingEngine(Engine engine, int seed, Device requestedDevice, ai.djl.Device djlDevice, Path cacheDir) {
        this.engine = engine;
        this.seed = seed;
        this.requestedDevice = requestedDevice;
        this.djlDevice = djlDevice;
        this.device = djlDevice.isGpu() ? Device.cuda(djlDevice.getDeviceId()) : Device.cpu();
        this.cacheDir = cacheDir;
    }

    /** @return a new builder; only {@link Builder#seed(int)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tries to load the engine (with the default cache directory rules) and says whether it works. Never throws; use
     * it for {@code retailgen doctor} and for skipping training tests on machines without the native library.
     *
     * @return what was found
     */
    public static Probe probe() {
        Path dir;
        try {
            dir = EngineBootstrap.configure(null);
        } catch (RuntimeException e) {
            return new Probe(false, ENGINE_NAME, null, djlVersion(), 0, null, EngineBootstrap.describe(e));
        }
        try {
            Engine e = EngineBootstrap.load(dir);
            return new Probe(true, e.getEngineName(), e.getVersion(), djlVersion(), EngineBootstrap.usableGpus(e), dir,
                    null);
        } catch (RetailGenException e) {
            return new Probe(false, ENGINE_NAME, null, djlVersion(), 0, dir, e.getMessage());
        }
    }

    private static String djlVersion() {
        try {
            return Engine.getDjlVersion();
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    /** @return the seed given to the engine */
    public int seed() {
        return seed;
    }

    /** @return the device asked for */
    public Device requestedDevice() {
        return requestedDevice;
    }

    /** @return the device actually used: the requested one, or the CPU after a fallback */
    public Device device() {
        return device;
    }

    /** @return the device actually used, as DJL's type */
    public ai.djl.Device djlDevice() {
        return djlDevice;
    }

    /** @return the DJL cache directory the native library was unpacked into */
    public Path cacheDir() {
        return cacheDir;
    }

    /** @return the underlying DJL engine */
    public Engine djlEngine() {
        return engine;
    }

    /** @return the engine's version, for example {@code 2.7.1} */
    public String engineVersion() {
        return engine.getVersion();
    }

    /**
     * Opens a manager for arrays on this engine's device. The caller owns it and must close it.
     *
     * @return a new root manager
     */
    public NDManager newManager() {
        return engine.newBaseManager(djlDevice);
    }

    /** Resets the process-wide random generators of the engine to {@link #seed()}. */
    public void reseed() {
        engine.setRandomSeed(seed);
    }

    /**
     * @return one line for diagnostics, for example
     *     {@code PyTorch 2.7.1 (DJL 0.36.0) on cpu, seed 42, cache /home/me/.retailgen/djl}
     */
    public String describe() {
        String fallback = requestedDevice.equals(device) ? "" : " (requested " + requestedDevice + ")";
        return engine.getEngineName() + " " + engine.getVersion() + " (DJL " + djlVersion() + ") on " + device
                + fallback + ", seed " + seed + ", cache " + cacheDir;
    }

    @Override
    public String toString() {
        return "TrainingEngine[" + describe() + "]";
    }

    /**
     * What {@link #probe()} found.
     *
     * @param available whether the engine loaded
     * @param engineName the engine name, {@value #ENGINE_NAME}
     * @param version the native engine version, or {@code null} when it did not load
     * @param djlVersion the DJL version on the class path
     * @param usableGpus CUDA devices the loaded native library can use (0 for a CPU-only build)
     * @param cacheDir the DJL cache directory, or {@code null} when it could not be configured
     * @param problem why the engine is unavailable (naming the Maven artifact to add), or {@code null}
     */
    public record Probe(boolean available, String engineName, String version, String djlVersion, int usableGpus,
            Path cacheDir, String problem) {

        /** Validates the probe result. */
        public Probe {
            Objects.requireNonNull(engineName, "engineName == null");
            if (available == (problem != null)) {
                throw new IllegalArgumentException("a probe has a problem exactly when it is unavailable; available="
                        + available + ", problem=" + problem);
            }
            if (usableGpus < 0) {
                throw new IllegalArgumentException("usableGpus must be >= 0, was " + usableGpus);
            }
        }

        /** @return one line for diagnostics */
        public String summary() {
            return available
                    ? engineName + " " + version + " (DJL " + djlVersion + "), usable GPUs: " + usableGpus + ", cache "
                            + cacheDir
                    : engineName + " unavailable: " + problem;
        }
    }

    /**
     * Builds a {@link TrainingEngine}. Not thread-safe.
     *
     * <pre>{@code
     * TrainingEngine e = TrainingEngine.builder().seed(7).device(Device.cpu()).cacheDir(Path.of("/tmp/djl")).build();
     * }</pre>
     */
    public static final class Builder {
        private Integer seed;
        private Device device = Device.cpu();
        private Path cacheDir;
        private boolean strictDevice;

        private Builder() {
        }

        /**
         * @param seed the seed of the engine's random generators (required)
         * @return this builder
         */
        public Builder seed(int seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param device the device to train on; the CPU unless set
         * @return this builder
         */
        public Builder device(Device device) {
            this.device = Objects.requireNonNull(device, "device == null");
            return this;
        }

        /**
         * @param dir the DJL cache directory for the unpacked native library (see the class documentation for the
         *     order of precedence)
         * @return this builder
         */
        public Builder cacheDir(Path dir) {
            this.cacheDir = Objects.requireNonNull(dir, "cacheDir == null");
            return this;
        }

        /**
         * @param strict true to fail with {@link ErrorCode#BACKEND_UNAVAILABLE} when the requested GPU is absent
         *     instead of falling back to the CPU with a WARN line; false unless set
         * @return this builder
         */
        public Builder strictDevice(boolean strict) {
            this.strictDevice = strict;
            return this;
        }

        /**
         * Loads and seeds the engine.
         *
         * @return the engine
         * @throws IllegalStateException when the seed was not set
         * @throws RetailGenException with {@link ErrorCode#ENGINE_UNAVAILABLE} when the native engine cannot load
         *     (the message names the Maven artifact {@value TrainingEngine#NATIVE_ARTIFACT}), or with
         *     {@link ErrorCode#BACKEND_UNAVAILABLE} when a GPU was requested in strict mode and is absent
         */
        public TrainingEngine build() {
            if (seed == null) {
                throw new IllegalStateException("seed is not set; call seed(int): every training run needs an explicit "
                        + "seed so that it can be repeated");
            }
            Path dir = EngineBootstrap.configure(cacheDir);
            Engine engine = EngineBootstrap.load(dir);
            ai.djl.Device djl = EngineBootstrap.mapDevice(device, EngineBootstrap.usableGpus(engine), strictDevice);
            engine.setRandomSeed(seed);
            return new TrainingEngine(engine, seed, device, djl, dir);
        }
    }
}
