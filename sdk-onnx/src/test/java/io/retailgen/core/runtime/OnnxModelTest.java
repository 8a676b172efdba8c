package io.retailgen.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelTest {
    private static final Tensor K = Tensor.ofLongs(new long[] {7, 9}, 2);

    @AfterEach
    void noNativeLeak() {
        assertThat(OnnxModel.openNativeTensors()).as("native tensors left open").isZero();
    }

    private static OnnxModel tiny() {
        return OnnxModel.builder().model(TinyModels.addConstant()).name("tiny").backend("onnxruntime-cpu").build();
    }

    @Test
    void runsAndReportsItsSignature() {
        try (OnnxModel m = tiny()) {
            assertThat(m.inputs()).extracting(TensorSpec::toString)
                    .containsExactly("x: tensor(float) [?, 3]", "k: tensor(int64) [2]");
            Map<String, Tensor> out = m.run(Map.of("x", Tensor.ofFloats(new float[] {1, 1, 1, 2, 2, 2}, 2, 3), "k", K));
            assertThat(out.get("y").toFloatArray()).containsExactly(2, 3, 4, 3, 4, 5);
            assertThat(out.get("y").shape()).containsExactly(2, 3);
            assertThat(out.get("k_out").toLongArray()).containsExactly(7, 9);
            assertThat(m.device()).isEqualTo(Device.cpu());
        }
    }

    @Test
    void returnsOnlyRequestedOutputs() {
        try (OnnxModel m = tiny()) {
            Map<String, Tensor> out = m.run(Map.of("x", Tensor.ofFloats(new float[3], 1, 3), "k", K), Set.of("k_out"));
            assertThat(out).containsOnlyKeys("k_out");
        }
    }

    @Test
    void rejectsWrongShapeNamingInputAndExpectation() {
        try (OnnxModel m = tiny()) {
            assertThatThrownBy(() -> m.run(Map.of("x", Tensor.ofFloats(new float[4], 1, 4), "k", K)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("input 'x' of model 'tiny' has shape [1, 4] but expects shape [?, 3] "
                            + "(dimension 1 must be 3)");
            assertThatThrownBy(() -> m.run(Map.of("x", Tensor.ofFloats(new float[3], 3), "k", K)))
                    .hasMessageContaining("rank 1").hasMessageContaining("rank 2");
        }
    }

    @Test
    void rejectsWrongTypeUnknownAndMissingInputs() {
        try (OnnxModel m = tiny()) {
            Tensor x = Tensor.ofFloats(new float[3], 1, 3);
            assertThatThrownBy(() -> m.run(Map.of("x", Tensor.ofLongs(new long[3], 1, 3), "k", K)))
                    .hasMessageContaining("input 'x'").hasMessageContaining("has type tensor(int64) but expects "
                            + "tensor(float)");
            assertThatThrownBy(() -> m.run(Map.of("x", x, "k", K, "q", x)))
                    .hasMessageContaining("unknown input 'q'").hasMessageContaining("[x, k]");
            assertThatThrownBy(() -> m.run(Map.of("x", x)))
                    .hasMessageContaining("missing input 'k' (tensor(int64) [2])");
            assertThatThrownBy(() -> m.run(Map.of("x", x, "k", K), Set.of("nope")))
                    .hasMessageContaining("unknown output 'nope'").hasMessageContaining("[y, k_out]");
            assertThatThrownBy(() -> m.run(x)).hasMessageContaining("has 2 inputs");
        }
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseFails() {
        OnnxModel m = tiny();
        m.close();
        m.close();
        assertThat(m.isClosed()).isTrue();
        assertThatThrownBy(() -> m.run(Map.of("x", Tensor.ofFloats(new float[3], 1, 3), "k", K)))
                .isInstanceOf(IllegalStateException.class).hasMessage("model 'tiny' is closed");
    }

    @Test
    void corruptModelBytesAreAClearError() {
        byte[] bad = TinyModels.addConstant();
        bad = java.util.Arrays.copyOf(bad, bad.length / 2);
        byte[] truncated = bad;
        assertThatThrownBy(() -> OnnxModel.builder().model(truncated).build())
                .isInstanceOfSatisfying(RetailGenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MODEL_LOAD_FAILED))
                .hasMessageContaining("could not load the model");
    }

    @Test
    void loadsFromFileAndReportsMissingOrEmptyFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tiny.onnx");
        Files.write(f, TinyModels.addConstant());
        try (OnnxModel m = OnnxModel.load(f)) {
            assertThat(m.name()).isEqualTo("tiny.onnx");
        }
        assertThatThrownBy(() -> OnnxModel.load(dir.resolve("absent.onnx")))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("absent.onnx");
        Files.write(dir.resolve("empty.onnx"), new byte[0]);
        assertThatThrownBy(() -> OnnxModel.load(dir.resolve("empty.onnx"))).hasMessageContaining("is empty");
        assertThatThrownBy(() -> OnnxModel.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no model");
    }

    @Test
    void concurrentCallersGetTheirOwnResultsAndNothingLeaks() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (OnnxModel m = tiny()) {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        float v = seed * 1000 + i;
                        Tensor y = m.run(Map.of("x", Tensor.ofFloats(new float[] {v, v, v}, 1, 3), "k", K)).get("y");
                        if (Math.abs(y.floatAt(2) - (v + 3)) > 1e-3) {
                            return false;
                        }
                        try {
                            m.run(Map.of("x", Tensor.ofFloats(new float[2], 1, 2), "k", K));
                            return false;
                        } catch (IllegalArgumentException expected) {
                            // bad calls must not leak either
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : futures) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cudaRequestFallsBackToCpuWhenUnavailable() {
        try (OnnxModel m = OnnxModel.builder().model(TinyModels.addConstant()).device(Device.cuda(0)).build()) {
            assertThat(m.selection().fellBack()).isTrue();
            Tensor y = m.run(Map.of("x", Tensor.ofFloats(new float[] {0, 0, 0}, 1, 3), "k", K)).get("y");
            assertThat(y.floatAt(1)).isCloseTo(2f, within(1e-6f));
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "retailgen.test.gpu", matches = "true")
    void runsOnCudaWhenEnabled() {
        try (OnnxModel m = OnnxModel.builder().model(TinyModels.addConstant()).device(Device.cuda(0)).strict(true)
                .build()) {
            assertThat(m.selection().backend().name()).isEqualTo("onnxruntime-cuda");
            Tensor y = m.run(Map.of("x", Tensor.ofFloats(new float[] {1, 1, 1}, 1, 3), "k", K)).get("y");
            assertThat(y.toFloatArray()).containsExactly(2, 3, 4);
        }
    }
}
