package io.retailgen.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** Loading, seeding and device mapping of {@link TrainingEngine}. */
class TrainingEngineTest {

    /** The cache directory surefire configures, so that the native library is unpacked only once. */
    private static Path testCacheDir() {
        String dir = System.getProperty("DJL_CACHE_DIR");
        return dir == null ? Paths.get("target", "djl-cache") : Paths.get(dir);
    }

    private static float[] draw(TrainingEngine engine) {
        try (NDManager m = engine.newManager()) {
            NDArray a = m.randomNormal(new Shape(16));
            NDArray b = m.randomUniform(0, 1, new Shape(4, 4));
            float[] out = new float[32];
            System.arraycopy(a.toFloatArray(), 0, out, 0, 16);
            System.arraycopy(b.toFloatArray(), 0, out, 16, 16);
            return out;
        }
    }

    @Test
    void loadsPyTorchOfflineOnTheCpu() {
        TrainingEngine engine = TrainingEngine.builder().seed(42).device(Device.cpu()).cacheDir(testCacheDir()).build();
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(engine.djlEngine().getEngineName()).isEqualTo("PyTorch");
        assertThat(engine.engineVersion()).isEqualTo("2.7.1");
        assertThat(engine.djlDevice()).isEqualTo(ai.djl.Device.cpu());
        assertThat(engine.device()).isEqualTo(Device.cpu());
        assertThat(engine.seed()).isEqualTo(42);
        assertThat(engine.cacheDir()).isEqualTo(testCacheDir().toAbsolutePath().normalize());
        assertThat(engine.describe()).contains("PyTorch 2.7.1").contains("on cpu").contains("seed 42");
        try (NDManager m = engine.newManager()) {
            assertThat(m.getDevice()).isEqualTo(ai.djl.Device.cpu());
            assertThat(m.getEngine().getEngineName()).isEqualTo("PyTorch");
        }
    }

    @Test
    void sameSeedGivesIdenticalRandomArrays() {
        float[] first = draw(TrainingEngine.builder().seed(7).build());
        float[] second = draw(TrainingEngine.builder().seed(7).build());
        float[] other = draw(TrainingEngine.builder().seed(8).build());
        assertThat(second).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void reseedRestartsTheSequence() {
        TrainingEngine engine = TrainingEngine.builder().seed(123).build();
        float[] a = draw(engine);
        float[] b = draw(engine);
        engine.reseed();
        float[] c = draw(engine);
        assertThat(b).isNotEqualTo(a);
        assertThat(c).containsExactly(a);
    }

    @Test
    void seedIsRequired() {
        assertThatThrownBy(() -> TrainingEngine.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("seed is not set");
        assertThatThrownBy(() -> TrainingEngine.builder().device(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void missingGpuFallsBackOrFailsInStrictMode() {
        // the test class path carries the CPU-only native library, so no CUDA device is usable
        TrainingEngine engine = TrainingEngine.builder().seed(1).device(Device.cuda(0)).build();
        assertThat(engine.requestedDevice()).isEqualTo(Device.cuda(0));
        assertThat(engine.device()).isEqualTo(Device.cpu());
        assertThat(engine.describe()).contains("(requested cuda:0)");
        assertThatThrownBy(() -> TrainingEngine.builder().seed(1).device(Device.cuda(0)).strictDevice(true).build())
                .isInstanceOf(RetailGenException.class)
                .satisfies(e -> assertThat(((RetailGenException) e).code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE))
                .hasMessageContaining("cuda:0");
    }

    @Test
    void mapsDevices() {
        assertThat(EngineBootstrap.mapDevice(Device.cpu(), 0, true)).isEqualTo(ai.djl.Device.cpu());
        assertThat(EngineBootstrap.mapDevice(Device.cpu(), 2, true)).isEqualTo(ai.djl.Device.cpu());
        assertThat(EngineBootstrap.mapDevice(Device.cuda(0), 1, true)).isEqualTo(ai.djl.Device.gpu(0));
        assertThat(EngineBootstrap.mapDevice(Device.cuda(1), 2, false)).isEqualTo(ai.djl.Device.gpu(1));
        assertThat(EngineBootstrap.mapDevice(Device.cuda(2), 2, false)).isEqualTo(ai.djl.Device.cpu());
        assertThatThrownBy(() -> EngineBootstrap.mapDevice(Device.cuda(2), 2, true))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("valid: cuda:0..cuda:1");
        assertThatThrownBy(() -> EngineBootstrap.mapDevice(Device.cuda(0), 0, true))
                .isInstanceOf(RetailGenException.class).hasMessageContaining(TrainingEngine.NATIVE_ARTIFACT);
    }

    @Test
    void failureToLoadNamesTheMavenArtifact() {
        Path dir = Paths.get("/tmp/djl");
        assertThatThrownBy(() -> EngineBootstrap.load(dir, () -> {
            throw new EngineException("Failed to load PyTorch native library");
        })).isInstanceOf(RetailGenException.class)
                .satisfies(e -> assertThat(((RetailGenException) e).code()).isEqualTo(ErrorCode.ENGINE_UNAVAILABLE))
                .hasMessageContaining("ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64")
                .hasMessageContaining("Failed to load PyTorch native library")
                .hasMessageContaining(dir.toString());
        assertThatThrownBy(() -> EngineBootstrap.load(dir, () -> {
            throw new UnsatisfiedLinkError("libtorch_cpu.so: cannot open shared object file");
        })).isInstanceOf(RetailGenException.class).hasMessageContaining("libtorch_cpu.so")
                .hasCauseInstanceOf(UnsatisfiedLinkError.class);
    }

    @Test
    void cacheDirectoryPrecedence() {
        Path explicit = Paths.get("/opt/a");
        assertThat(EngineBootstrap.requestedCacheDir(explicit, "/opt/b", "/opt/c", "/home/u")).isEqualTo(explicit);
        assertThat(EngineBootstrap.requestedCacheDir(null, "/opt/b", "/opt/c", "/home/u"))
                .isEqualTo(Paths.get("/opt/b"));
        assertThat(EngineBootstrap.requestedCacheDir(null, " ", "/opt/c", "/home/u")).isEqualTo(Paths.get("/opt/c"));
        assertThat(EngineBootstrap.requestedCacheDir(null, null, null, "/home/u"))
                .isEqualTo(Paths.get("/home/u/.retailgen/djl"));
    }

    @Test
    void probeReportsTheLoadedEngine() {
        TrainingEngine.Probe probe = TrainingEngine.probe();
        assertThat(probe.available()).as(probe.summary()).isTrue();
        assertThat(probe.problem()).isNull();
        assertThat(probe.engineName()).isEqualTo("PyTorch");
        assertThat(probe.version()).isEqualTo("2.7.1");
        assertThat(probe.djlVersion()).isEqualTo("0.36.0");
        assertThat(probe.usableGpus()).isZero();
        assertThat(probe.summary()).contains("PyTorch 2.7.1");
        assertThatThrownBy(() -> new TrainingEngine.Probe(false, "PyTorch", null, "0.36.0", 0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildingAnEngineSetsNoSystemPropertyOfTheHostJvm() {
        String offline = System.clearProperty("ai.djl.offline");
        String cache = System.getProperty("DJL_CACHE_DIR");
        try {
            TrainingEngine engine = TrainingEngine.builder().seed(3).build();
            TrainingEngine.probe();
            assertThat(System.getProperty("ai.djl.offline")).isNull();
            assertThat(System.getProperty("DJL_CACHE_DIR")).isEqualTo(cache);
            assertThat(engine.djlEngine().getEngineName()).isEqualTo("PyTorch");
        } finally {
            if (offline != null) {
                System.setProperty("ai.djl.offline", offline);
            }
        }
    }

    @Test
    void configureJvmIsTheExplicitOptIn() {
        String offline = System.clearProperty("ai.djl.offline");
        String cache = System.getProperty("DJL_CACHE_DIR");
        try {
            Path dir = TrainingEngine.configureJvm(Paths.get("target", "opt-in-cache"));
            assertThat(dir).isEqualTo(Paths.get("target", "opt-in-cache").toAbsolutePath().normalize());
            assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
            assertThat(System.getProperty("DJL_CACHE_DIR")).isEqualTo(dir.toString());
        } finally {
            System.setProperty("DJL_CACHE_DIR", cache == null ? testCacheDir().toString() : cache);
            if (offline == null) {
                System.clearProperty("ai.djl.offline");
            } else {
                System.setProperty("ai.djl.offline", offline);
            }
        }
    }

    @Test
    void threadsAreExplicitOrTheApplicationsOrTheDefault() {
        assertThat(EngineBootstrap.threadsFor(3, "2", "4", 1)).isEqualTo(3);
        assertThat(EngineBootstrap.threadsFor(0, "2", "4", 1)).isEqualTo(2);
        assertThat(EngineBootstrap.threadsFor(0, null, "4", 1)).isEqualTo(4);
        assertThat(EngineBootstrap.threadsFor(0, "many", " ", 1)).isEqualTo(1);
        assertThat(EngineBootstrap.threadsFor(0, null, null, 1)).isEqualTo(1);
        assertThatThrownBy(() -> TrainingEngine.builder().threads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads must be >= 1, was 0");
    }

    @Test
    void threadsReachPyTorch() {
        TrainingEngine two = TrainingEngine.builder().seed(1).threads(2).build();
        assertThat(two.threads()).isEqualTo(2);
        assertThat(ai.djl.pytorch.jni.JniUtils.getNumThreads()).isEqualTo(2);
        TrainingEngine one = TrainingEngine.builder().seed(1).threads(1).build();
        assertThat(one.threads()).isEqualTo(1);
        assertThat(ai.djl.pytorch.jni.JniUtils.getNumThreads()).isEqualTo(1);
    }

    @Test
    void nativeArtifactFollowsThePlatform() {
        assertThat(TrainingEngine.platformClassifier("Linux", "amd64")).isEqualTo("linux-x86_64");
        assertThat(TrainingEngine.platformClassifier("Linux", "aarch64")).isEqualTo("linux-aarch64");
        assertThat(TrainingEngine.platformClassifier("Mac OS X", "aarch64")).isEqualTo("osx-aarch64");
        assertThat(TrainingEngine.platformClassifier("Windows 11", "amd64")).isEqualTo("win-x86_64");
        assertThat(TrainingEngine.NATIVE_ARTIFACT).startsWith("ai.djl.pytorch:pytorch-native-cpu:2.7.1:");
    }
}
