package io.retailgen.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bootstrap of training: loads DJL's PyTorch engine from the native jar on the class path, seeds it, and picks
 * the device.
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
 * <p><b>Nothing set behind the host's back.</b> Building an engine changes no system property of the JVM it runs in.
 * DJL loads the native library from the Maven artifact {@link #NATIVE_ARTIFACT} of the platform (or a CUDA flavour)
 * on the class path and unpacks it (about 430 MB) into its cache directory: the environment variable
 * {@code DJL_CACHE_DIR}, else the system property {@code DJL_CACHE_DIR}, else {@code ~/.djl.ai} (DJL's own rule).
 * Two explicit choices change that: {@link Builder#cacheDir(Path)} sets the system property {@code DJL_CACHE_DIR}
 * (the only way DJL takes a directory; a set environment variable still wins, with one WARN line), and
 * {@link #configureJvm(Path)}, for an application that owns its JVM (the {@code retailgen} command calls it), also
 * sets {@code ai.djl.offline=true} so that DJL never downloads anything. The native engine loads once per JVM: the
 * cache directory of the first engine built stays in use.
 *
 * <p><b>Threads.</b> {@link Builder#threads(int)} sets PyTorch's intra-op thread count when the engine is built
 * (unset: {@value #DEFAULT_THREADS}, the fastest for this SDK's small models inside a host JVM, see
 * docs/BENCHMARKS.md, unless the application chose a count with {@code -Dai.djl.pytorch.num_threads} or
 * {@code OMP_NUM_THREADS}, which is then used). Like the seed it is process-wide native state: the engine built last
 * decides.
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
    /** The PyTorch version of the native library this SDK is built against. */
    public static final String PYTORCH_VERSION = "2.7.1";
    /** The Maven coordinates of the CPU native library of the platform this JVM runs on. */
    public static final String NATIVE_ARTIFACT = "ai.djl.pytorch:pytorch-native-cpu:" + PYTORCH_VERSION + ":"
            + platformClassifier(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    /** PyTorch's intra-op threads of a trainer unless set: measured fastest for the SDK's models in a host JVM. */
    public static final int DEFAULT_THREADS = 1;

    private final Engine engine;
    private final int seed;
    private final Device requestedDevice;
    private final Device device;
    private final ai.djl.Device djlDevice;
    private final Path cacheDir;
    private final int threads;

    private TrainingEngine(Engine engine, int seed, Device requestedDevice, ai.djl.Device djlDevice, Path cacheDir,
            int threads) {
        this.threads = threads;
        this.engine = engine;
        this.seed = seed;
        this.requestedDevice = requestedDevice;
        this.djlDevice = djlDevice;
        this.device = djlDevice.isGpu() ? Device.cuda(djlDevice.getDeviceId()) : Device.cpu();
        this.cacheDir = cacheDir;
    }

    /**
     * The classifier of DJL's {@code pytorch-native-cpu} jar for a platform, as the parent POM's {@code os-*} profiles
     * pick it.
     *
     * @param osName the value of {@code os.name}
     * @param osArch the value of {@code os.arch}
     * @return for example {@code linux-x86_64}, {@code linux-aarch64}, {@code osx-aarch64} or {@code win-x86_64}
     */
    static String platformClassifier(String osName, String osArch) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        String family = os.startsWith("windows") ? "win" : os.startsWith("mac") || os.contains("darwin") ? "osx"
                : "linux";
        String arch = osArch.equals("amd64") || osArch.equals("x86_64") ? "x86_64"
                : osArch.equals("aarch64") || osArch.equals("arm64") ? "aarch64" : osArch;
        return family + "-" + arch;
    }

    /**
     * The explicit opt-in for an application that owns its JVM, such as a command-line tool: sets the system
     * properties {@code ai.djl.offline=true} (unless set) and {@code DJL_CACHE_DIR}, before the first engine is
     * built. A library or server that embeds the SDK need not call it; then DJL's own defaults apply (see the class
     * documentation).
     *
     * @param cacheDir the DJL cache directory, or {@code null} for the system property {@code DJL_CACHE_DIR}, else
     *     the environment variable {@code DJL_CACHE_DIR}, else {@code ~/.retailgen/djl}
     * @return the cache directory set
     */
    public static Path configureJvm(Path cacheDir) {
        return EngineBootstrap.configureJvm(cacheDir);
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

    /** @return PyTorch's intra-op thread count set when this engine was built */
    public int threads() {
        return threads;
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
        private int threads;

        private Builder() {
        }

        /**
         * @param threads PyTorch's intra-op threads, {@code >= 1}; unset: {@value TrainingEngine#DEFAULT_THREADS}
         *     unless the application set {@code -Dai.djl.pytorch.num_threads} or {@code OMP_NUM_THREADS}
         * @return this builder
         * @throws IllegalArgumentException when {@code threads < 1}
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, was " + threads);
            }
            this.threads = threads;
            return this;
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
         * @param dir the DJL cache directory for the unpacked native library; sets the JVM-wide system property
         *     {@code DJL_CACHE_DIR} when the engine is built (see the class documentation)
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
         *     (the message names the Maven artifact {@link TrainingEngine#NATIVE_ARTIFACT}), or with
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
            int n = EngineBootstrap.threadsFor(threads, System.getProperty("ai.djl.pytorch.num_threads"),
                    System.getenv("OMP_NUM_THREADS"), DEFAULT_THREADS);
            EngineBootstrap.applyThreads(n);
            return new TrainingEngine(engine, seed, device, djl, dir, n);
        }
    }
}
